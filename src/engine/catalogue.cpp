#include "engine/catalogue.hpp"

#include "document/json_pointer.hpp"
#include "engine/data_file.hpp"
#include "engine/schema_layer.hpp"

#include <wxlint/error.hpp>

#include <algorithm>
#include <set>

namespace wxlint {
namespace {

std::string str_member(const rapidjson::Value& o, const char* key) {
  auto it = o.FindMember(key);
  return it != o.MemberEnd() && it->value.IsString() ? std::string(it->value.GetString(), it->value.GetStringLength())
                                                     : std::string();
}

// Settings of one operation: the rule file's defaults, overridden by the user's options.
class Settings {
 public:
  // Where a setting's value came from: the user's option `user_key` ("maxUsers" or
  // "operationId/maxUsers"), or the rule file's default when it is empty.
  struct Setting {
    rapidjson::Value value;
    std::string name, user_key;
  };

  Settings(const rapidjson::Value* defaults, const std::string& op, const LinterOptions& options,
           std::set<std::string>& used, rapidjson::Document::AllocatorType& alloc)
      : alloc_(alloc) {
    if (!defaults) return;
    for (const auto& m : defaults->GetObject()) {
      Setting s{rapidjson::Value(), std::string(m.name.GetString(), m.name.GetStringLength()), {}};
      const std::string* text = nullptr;
      for (const std::string& key : {op + "/" + s.name, s.name})
        if (auto it = options.settings.find(key); it != options.settings.end() && !text) text = &it->second, s.user_key = key;
      if (text) {
        // The payloads' parser: no recursion, at most Document::kMaxDepth levels, so the
        // copies and walks of the value below stay shallow whatever the caller passed.
        const Document parsed(*text);
        if (!parsed.parsed()) {
          const bool deep = !parsed.issues().empty() && parsed.issues().back().kind == ParseIssue::Kind::too_deep;
          throw ConfigError("setting \"" + s.user_key + "\": " +
                            (deep ? parsed.issues().back().message : "value is not JSON: " + *text));
        }
        const rapidjson::Value& d = parsed.root();
        if (d.GetType() != m.value.GetType() && !(d.IsBool() && m.value.IsBool()))
          throw ConfigError("setting \"" + s.user_key + "\": must be " + json_type_words(json_type_name(m.value)) +
                            " like the default " + to_json_text(m.value) + ", not " +
                            json_type_words(json_type_name(d)));
        s.value.CopyFrom(d, alloc_);
        used.insert(s.user_key);
      } else {
        s.value.CopyFrom(m.value, alloc_);
      }
      std::string name = s.name;
      values_.emplace(std::move(name), std::move(s));
    }
  }

  const std::map<std::string, Setting>& values() const { return values_; }

  // A deep copy of `in` with every {"$setting": name} replaced by the setting's value.
  // `ptr` is in's pointer in `file`; the pointers of replaced values are remembered.
  rapidjson::Value resolve(const rapidjson::Value& in, const DataFile& file, const std::string& ptr) {
    rapidjson::Value out;
    if (in.IsObject()) {
      auto ref = in.FindMember("$setting");
      if (ref != in.MemberEnd() && in.MemberCount() == 1) {
        std::string name = ref->value.IsString() ? ref->value.GetString() : "";
        auto it = values_.find(name);
        if (it == values_.end()) file.fail(ptr, "unknown setting \"" + name + "\" (declare it under \"settings\")");
        out.CopyFrom(it->second.value, alloc_);
        replaced_[ptr] = &it->second;
        return out;
      }
      out.SetObject();
      for (const auto& m : in.GetObject()) {
        std::string at = ptr;
        pointer::append_key(at, {m.name.GetString(), m.name.GetStringLength()});
        out.AddMember(rapidjson::Value(m.name, alloc_), resolve(m.value, file, at), alloc_);
      }
    } else if (in.IsArray()) {
      out.SetArray();
      for (rapidjson::SizeType i = 0; i < in.Size(); ++i)
        out.PushBack(resolve(in[i], file, ptr + "/" + std::to_string(i)), alloc_);
    } else {
      out.CopyFrom(in, alloc_);
    }
    return out;
  }

  // The setting whose value resolve() put at `ptr`, or null.
  const Setting* replaced(const std::string& ptr) const {
    auto it = replaced_.find(ptr);
    return it == replaced_.end() ? nullptr : it->second;
  }

 private:
  rapidjson::Document::AllocatorType& alloc_;
  std::map<std::string, Setting> values_;
  std::map<std::string, const Setting*> replaced_;
};

// Where a problem with a rule's parameter is reported: at the user's option when the value
// came from one (the config file knows its place: Config::make_linter), at the rule file's
// setting when it is a default, else at the parameter in the rule file.
Params::Place param_place(const DataFile& file, const Settings& settings, const std::string& params_ptr,
                          const std::string& rule_id, std::string_view key) {
  std::string at = params_ptr;
  if (!key.empty()) pointer::append_key(at, key);
  if (const Settings::Setting* s = settings.replaced(at)) {
    const std::string used = key.empty() ? "" : "; rule " + rule_id + " uses it as \"" + std::string(key) + "\"";
    if (!s->user_key.empty()) return {"setting \"" + s->user_key + "\"", used, true};
    std::string setting = "/settings";
    pointer::append_key(setting, s->name);
    return {file.where(setting), used, false};
  }
  if (file.doc.locate({at}).front().found) return {file.where(at), "", false};
  return {file.where(params_ptr) + (key.empty() ? "" : "/" + std::string(key)), "", false};
}

}  // namespace

Operation::Operation() = default;
Operation::~Operation() = default;
Operation::Operation(Operation&&) noexcept = default;

Catalogue::~Catalogue() = default;

Catalogue::Catalogue(const std::vector<SourceFile>& files, const LinterOptions& options, bool trusted) {
  std::map<std::string_view, const SourceFile*> by_name;
  for (const auto& f : files) by_name[f.name] = &f;
  auto meta_it = by_name.find(kRulesMetaSchema);
  if (meta_it == by_name.end()) throw ConfigError("the catalogue has no " + std::string(kRulesMetaSchema));
  std::unique_ptr<SchemaValidator> meta;
  if (!trusted) {
    DataFile meta_file{meta_it->second->name, std::string(meta_it->second->text)};
    meta = std::make_unique<SchemaValidator>(meta_file.doc.root(), meta_file.name);
  }

  std::set<std::string> used_settings, seen_ids, seen_overrides;
  auto override_for = [&](const std::string& id, const std::string& code, RuleDoc& doc) {
    bool disabled = false;
    for (const std::string& key : {id, code}) {
      if (options.disabled.count(key)) disabled = true, seen_overrides.insert(key);
      if (auto it = options.severities.find(key); it != options.severities.end())
        doc.severity = it->second, seen_overrides.insert(key);
    }
    return disabled;
  };

  for (const auto& [name, src] : by_name) {
    if (!name.starts_with("rules/")) continue;
    DataFile file{std::string(name), std::string(src->text)};
    if (meta) file.check_against(*meta);
    const rapidjson::Value& root = file.doc.root();

    auto op = std::make_unique<Operation>();
    op->data = std::make_unique<rapidjson::Document>();
    auto& alloc = op->data->GetAllocator();
    const bool has_op = root.HasMember("operation");
    if (has_op) {
      const auto& o = root["operation"];
      std::string_view file_name = std::string_view(name).substr(std::string_view("rules/").size());
      if (file_name.ends_with(".rules.json")) file_name.remove_suffix(std::string_view(".rules.json").size());
      op->doc = {str_member(o, "id"), str_member(o, "method"), str_member(o, "path"), str_member(o, "summary"),
                 std::string(file_name)};
      if (find(op->doc.id)) file.fail("/operation/id", "operation \"" + op->doc.id + "\" is defined twice");
      if (o.HasMember("detect"))
        for (const auto& k : o["detect"].GetArray()) op->detect.emplace_back(k.GetString(), k.GetStringLength());
      if (std::string schema = str_member(o, "schema"); !schema.empty()) {
        auto it = by_name.find("schemas/" + schema);
        if (it == by_name.end()) file.fail("/operation/schema", "no schema file schemas/" + schema);
        if (trusted) {
          auto lazy = std::make_unique<LazySchema>();  // not make_unique(name, text): clang 14 lacks paren-init of aggregates
          lazy->name = it->second->name;
          lazy->text = it->second->text;
          lazy_schemas_[op.get()] = std::move(lazy);
        } else {
          op->schema = load_schema(it->second->name, it->second->text);
        }
      }
    }
    auto sit = root.FindMember("settings");
    Settings settings(sit != root.MemberEnd() ? &sit->value : nullptr, op->doc.id, options, used_settings, alloc);
    if (!has_op) {
      for (const auto& [n, v] : settings.values())
        if (v.value.IsInt64()) core_settings_[n] = v.value.GetInt64();
      if (auto it = settings.values().find("maxFindingsPerRule"); it != settings.values().end()) {
        const Settings::Setting& s = it->second;
        if (!s.value.IsUint64() || s.value.GetUint64() == 0) {
          const std::string problem = "must be a whole number of at least 1, not " + to_json_text(s.value);
          if (!s.user_key.empty()) throw ConfigError("setting \"" + s.user_key + "\": " + problem);
          file.fail("/settings/maxFindingsPerRule", problem);
        }
        max_findings_per_rule_ = static_cast<std::size_t>(std::min<std::uint64_t>(s.value.GetUint64(), SIZE_MAX));
      }
    }

    const auto& rules = root["rules"];
    for (rapidjson::SizeType i = 0; i < rules.Size(); ++i) {
      const auto& r = rules[i];
      const std::string ptr = "/rules/" + std::to_string(i);
      auto rule = std::make_unique<Rule>();
      RuleDoc& d = rule->doc;
      d.id = str_member(r, "id");
      d.code = str_member(r, "code");
      d.severity = *parse_severity(str_member(r, "severity"));
      d.check = str_member(r, "check");
      d.summary = str_member(r, "summary");
      d.description = str_member(r, "description");
      d.operation = op->doc.id;
      rule->message = d.message = str_member(r, "message");
      if (!seen_ids.insert(d.id).second) file.fail(ptr + "/id", "rule id \"" + d.id + "\" is used twice");
      if (auto ex = r.FindMember("examples"); ex != r.MemberEnd()) {
        if (auto f = ex->value.FindMember("fail"); f != ex->value.MemberEnd()) d.fail_example = to_json_text(f->value);
        if (auto p = ex->value.FindMember("pass"); p != ex->value.MemberEnd()) d.pass_example = to_json_text(p->value);
        if (auto s = ex->value.FindMember("settings"); s != ex->value.MemberEnd())
          for (const auto& m : s->value.GetObject()) d.example_settings[m.name.GetString()] = to_json_text(m.value);
        if (auto s = ex->value.FindMember("snapshot"); s != ex->value.MemberEnd())
          for (const auto& m : s->value.GetObject()) d.example_snapshot[m.name.GetString()] = to_json_text(m.value);
      }
      const bool disabled = override_for(d.id, d.code, d);
      const auto fix = r.FindMember("fix");
      if (fix != r.MemberEnd() && (d.check == "builtin" || find_check_kind(d.check)))
        rule->fix = d.fix = rule_fix(file, ptr + "/fix", fix->value, d.check, d.id);
      if (d.check == "builtin") {
        if (disabled) disabled_builtins_.insert(d.id);
        docs_.push_back(d);
        builtins_.emplace(d.id, std::move(rule));
        continue;
      }
      if (!has_op) file.fail(ptr, "a rule with a check must be in a rule file with an \"operation\"");
      const CheckKind* kind = find_check_kind(d.check);
      if (!kind) {
        std::string known;
        for (const auto& k : check_kinds()) known += (known.empty() ? "" : ", ") + std::string(k.name);
        file.fail(ptr + "/check", "unknown check kind \"" + d.check + "\" (known: " + known + ")");
      }
      auto pattern = Pattern::parse(str_member(r, "at"));
      if (!pattern) file.fail(ptr + "/at", "not a JSON pointer pattern");
      rule->at = std::move(*pattern);
      rule->scope = str_member(r, "scope") == "envelope" ? Rule::Scope::envelope : Rule::Scope::request;
      if (auto w = r.FindMember("when"); w != r.MemberEnd()) {
        for (const auto& m : w->value.GetObject()) {
          auto target = RelPointer::parse({m.name.GetString(), m.name.GetStringLength()});
          if (!target) file.fail(ptr + "/when", "\"" + std::string(m.name.GetString()) + "\" is not a relative JSON pointer");
          rule->when.push_back({std::move(*target), rapidjson::Value(m.value, alloc)});
        }
      }
      rapidjson::Value params;
      const std::string params_ptr = ptr + "/params";
      if (auto p = r.FindMember("params"); p != r.MemberEnd()) params = settings.resolve(p->value, file, params_ptr);
      Params reader(params.IsNull() ? nullptr : &params, [&](std::string_view key) {
        return param_place(file, settings, params_ptr, d.id, key);
      });
      rule->check = kind->make(reader);
      reader.done();
      docs_.push_back(d);
      if (!disabled) op->rules.push_back(std::move(rule));
    }
    if (has_op) operations_.push_back(std::move(op));
  }

  for (const auto& [key, value] : options.settings)
    if (!used_settings.count(key)) throw ConfigError("unknown setting \"" + key + "\"");
  for (const auto& key : options.disabled)
    if (!seen_overrides.count(key)) throw ConfigError("unknown rule id or code \"" + key + "\"");
  for (const auto& [key, value] : options.severities)
    if (!seen_overrides.count(key)) throw ConfigError("unknown rule id or code \"" + key + "\"");
  std::stable_sort(docs_.begin(), docs_.end(),
                   [](const RuleDoc& a, const RuleDoc& b) { return a.operation.empty() && !b.operation.empty(); });
}

const SchemaValidator* Catalogue::schema(const Operation& op) const {
  if (op.schema) return op.schema.get();
  auto it = lazy_schemas_.find(&op);
  if (it == lazy_schemas_.end()) return nullptr;
  LazySchema& l = *it->second;
  std::call_once(l.once, [&l] { l.validator = load_schema(l.name, l.text); });
  return l.validator.get();
}

std::unique_ptr<SchemaValidator> load_schema(std::string_view name, std::string_view text) {
  DataFile sf{std::string(name), std::string(text)};
  try {
    return std::make_unique<SchemaValidator>(sf.doc.root(), sf.name);
  } catch (const ConfigError& e) {
    // "name: /pointer: problem" -> "name:line:col: /pointer: problem". A key may hold
    // ": ", so take the first split whose pointer is in the file.
    const std::string_view msg = e.what();
    const std::string prefix = sf.name + ": ";
    if (msg.starts_with(prefix + "(root): ")) sf.fail("", std::string(msg.substr(prefix.size() + 8)));
    if (!msg.starts_with(prefix + "/")) throw;
    for (auto at = msg.find(": ", prefix.size()); at != std::string_view::npos; at = msg.find(": ", at + 1)) {
      const std::string pointer(msg.substr(prefix.size(), at - prefix.size()));
      if (sf.doc.locate({pointer}).front().found) sf.fail(pointer, std::string(msg.substr(at + 2)));
    }
    throw;
  }
}

long long Catalogue::core_setting_int(std::string_view name, long long fallback) const {
  auto it = core_settings_.find(name);
  return it == core_settings_.end() ? fallback : it->second;
}

const Operation* Catalogue::find(std::string_view id) const {
  for (const auto& op : operations_)
    if (op->doc.id == id) return op.get();
  for (const auto& op : operations_)
    if (op->doc.name == id) return op.get();
  return nullptr;
}

const Operation* Catalogue::detect(const rapidjson::Value& root) const {
  if (!root.IsObject()) return nullptr;
  for (const auto& op : operations_) {
    if (op->detect.empty()) continue;
    bool all = std::all_of(op->detect.begin(), op->detect.end(), [&](const std::string& k) { return child(root, k); });
    if (all) return op.get();
  }
  return nullptr;
}

const Rule& Catalogue::builtin(std::string_view id) const {
  auto it = builtins_.find(id);
  if (it == builtins_.end()) throw ConfigError("the catalogue has no builtin rule \"" + std::string(id) + "\"");
  return *it->second;
}

const Rule* Catalogue::builtin_if_enabled(std::string_view id) const {
  const Rule& r = builtin(id);
  return disabled_builtins_.count(id) ? nullptr : &r;
}

}  // namespace wxlint
