#include "engine/catalogue.hpp"

#include "document/json_pointer.hpp"
#include "engine/data_file.hpp"
#include "engine/operation_settings.hpp"
#include "engine/placeholders.hpp"
#include "engine/schema_layer.hpp"
#include "engine/schema_reach.hpp"
#include "formats/formats.hpp"

#include <wxlint/error.hpp>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <set>

namespace wxlint {
namespace {

using detail::param_place;
using detail::Settings;

std::string str_member(const rapidjson::Value& o, const char* key) {
  auto it = o.FindMember(key);
  return it != o.MemberEnd() && it->value.IsString() ? std::string(it->value.GetString(), it->value.GetStringLength())
                                                     : std::string();
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
  if (!trusted || !options.rule_files.empty()) {
    DataFile meta_file{meta_it->second->shown(), std::string(meta_it->second->text)};
    meta = std::make_unique<SchemaValidator>(meta_file.doc.root(), meta_file.name);
  }

  std::set<std::string> used_settings, seen_overrides;
  std::map<std::string, std::pair<std::string, std::string>> seen_ids;  // rule id -> its file and pointer
  // By code, then by rule id: the rule's own id, the narrower, has the last word
  // ({"4202": "off", "move-users/extension-taken": "warning"} keeps that one rule on).
  auto override_for = [&](const std::string& id, const std::string& code, RuleDoc& doc) {
    bool disabled = false;
    for (const std::string& key : {code, id}) {
      if (auto it = options.severities.find(key); it != options.severities.end())
        doc.severity = it->second, disabled = false, seen_overrides.insert(key);
      if (options.disabled.count(key)) disabled = true, seen_overrides.insert(key);  // off wins for one key
    }
    return disabled;
  };

  // The catalogue's rule files, then those layered on top of it. A file whose "operation"
  // is a string adds rules and settings to that operation: it is loaded with it.
  std::deque<DataFile> data;  // stable: settings point at their file
  std::vector<const DataFile*> defining, layers, untargeted;
  for (const auto& [name, src] : by_name)
    if (name.starts_with("rules/")) data.emplace_back(src->shown(), std::string(src->text));
  const std::size_t own = data.size();
  std::set<std::filesystem::path> read;  // a file named twice (config and --rules) is loaded once
  for (const std::string& path : options.rule_files) {
    if (path.empty()) throw IoError("a rule file's path is empty: give the file");
    if (read.insert(std::filesystem::absolute(path).lexically_normal()).second) data.emplace_back(path, read_file(path));
  }
  std::set<const DataFile*> added;  // files from LinterOptions::rule_files
  for (std::size_t i = 0; i < data.size(); ++i) {
    const DataFile& file = data[i];
    if (i >= own) added.insert(&file);
    if (meta && (i >= own || !trusted)) file.check_against(*meta);
    auto o = file.doc.root().FindMember("operation");
    if (o != file.doc.root().MemberEnd() && o->value.IsString()) layers.push_back(&file);
    else if (i < own || o != file.doc.root().MemberEnd()) defining.push_back(&file);
    else untargeted.push_back(&file);
  }
  std::vector<bool> layer_used(layers.size(), false);
  std::set<std::string> op_ids;  // a rule file's name names its operation unless it is another's operationId (find())
  for (const DataFile* f : defining)
    if (auto o = f->doc.root().FindMember("operation"); o != f->doc.root().MemberEnd()) op_ids.insert(str_member(o->value, "id"));

  for (const DataFile* base : defining) {
    const std::string& name = base->name;
    const rapidjson::Value& root = base->doc.root();
    auto op = std::make_unique<Operation>();
    op->data = std::make_unique<rapidjson::Document>();
    auto& alloc = op->data->GetAllocator();
    const bool has_op = root.HasMember("operation");
    if (has_op) {
      const auto& o = root["operation"];
      std::string file_name = std::filesystem::path(name).filename().string();
      if (file_name.ends_with(".rules.json")) file_name.resize(file_name.size() - std::string_view(".rules.json").size());
      op->doc = {str_member(o, "id"), str_member(o, "method"), str_member(o, "path"), str_member(o, "summary"),
                 file_name};
      if (find(op->doc.id))
        base->fail("/operation/id", "operation \"" + op->doc.id + "\" is defined twice; to add rules to it, write \"operation\": \"" +
                                        op->doc.id + "\"");
      if (o.HasMember("detect")) {
        // ["a", "b"]: one set; [["a", "b"], ["a", "c"]]: either set.
        const auto& d = o["detect"].GetArray();
        const bool names = !d.Empty() && d[0].IsString();
        if (names) op->detect.emplace_back();
        for (const auto& k : d) {
          if (k.IsString() != names)
            base->fail("/operation/detect", "holds member names or sets of them (arrays), not both");
          if (k.IsString()) {
            op->detect.back().emplace_back(k.GetString(), k.GetStringLength());
            continue;
          }
          auto& set = op->detect.emplace_back();
          for (const auto& key : k.GetArray()) set.emplace_back(key.GetString(), key.GetStringLength());
        }
      }
      if (std::string schema = str_member(o, "schema"); !schema.empty() && added.count(base)) {
        // An operation added on top of the catalogue: its schema is beside its rule file.
        const std::string path = (std::filesystem::path(name).parent_path() / schema).string();
        try {
          op->schema_text = read_file(path);
        } catch (const IoError& e) {
          base->fail("/operation/schema", std::string("its schema file: ") + e.what());  // where it is named
        }
        op->schema = load_schema(path, op->schema_text);
      } else if (!schema.empty()) {
        auto it = by_name.find("schemas/" + schema);
        if (it == by_name.end()) base->fail("/operation/schema", "no schema file schemas/" + schema);
        op->schema_text = it->second->text;
        if (trusted) {
          auto lazy = std::make_unique<LazySchema>();  // not make_unique(name, text): clang 14 lacks paren-init of aggregates
          lazy->name = it->second->shown();
          lazy->text = it->second->text;
          lazy_schemas_[op.get()] = std::move(lazy);
        } else {
          op->schema = load_schema(it->second->shown(), it->second->text);
        }
      }
    }
    // This file, then the layers that name its operation (by operationId or file name).
    std::vector<const DataFile*> sources{base};
    std::vector<Settings::Layer> setting_layers;
    for (std::size_t l = 0; has_op && l < layers.size(); ++l) {
      const auto& target = layers[l]->doc.root()["operation"];
      if (target != op->doc.id.c_str() && target != op->doc.name.c_str()) continue;
      sources.push_back(layers[l]);
      layer_used[l] = true;
    }
    for (const DataFile* f : sources) {
      auto sit = f->doc.root().FindMember("settings");
      setting_layers.push_back({sit != f->doc.root().MemberEnd() ? &sit->value : nullptr, f});
    }
    std::vector<std::string> op_names;
    if (has_op) op_names.push_back(op->doc.id);
    if (has_op && op->doc.name != op->doc.id && !op_ids.count(op->doc.name)) op_names.push_back(op->doc.name);
    Settings settings(setting_layers, op_names, options, used_settings, alloc);
    if (!has_op) {
      for (const auto& [n, v] : settings.values())
        if (v.value.IsInt64()) core_settings_[n] = v.value.GetInt64();
        else if (v.value.IsUint64()) core_settings_[n] = INT64_MAX;  // past it: as good as no limit
      // The core's whole-number settings, each with its least value.
      for (const auto& [name, least] : {std::pair<const char*, std::uint64_t>{"maxFindingsPerRule", 1},
                                        {"maxFileSize", 1}, {"snapshotMaxAgeDays", 0}}) {
        auto it = settings.values().find(name);
        if (it == settings.values().end()) continue;
        const Settings::Setting& s = it->second;
        if (!s.value.IsUint64() || s.value.GetUint64() < least) {
          const std::string problem = "must be a whole number of at least " + std::to_string(least) + ", not " + to_json_text(s.value);
          if (!s.user_key.empty()) throw ConfigError("setting \"" + s.user_key + "\": " + problem);
          base->fail("/settings/" + std::string(name), problem);
        }
      }
      if (auto it = settings.values().find("maxFindingsPerRule"); it != settings.values().end())
        max_findings_per_rule_ = static_cast<std::size_t>(std::min<std::uint64_t>(it->second.value.GetUint64(), SIZE_MAX));
    }

    std::optional<rapidjson::Document> reach_schema;  // the operation's, read for a policy's places
    for (const DataFile* source : sources) {
      const DataFile& file = *source;
      const bool layered = source != base;
      const bool users = added.count(source) > 0;  // a policy, or an operation a user adds: held to more
      settings.next_file();
      const auto& rules = file.doc.root()["rules"];
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
        if (!trusted || users) d.file = file.name;
        rule->message = d.message = str_member(r, "message");
        // --select, --ignore and a config's lists take them comma-separated.
        for (const auto& [key, name] : {std::pair{"/id", &d.id}, std::pair{"/code", &d.code}})
          if (name->find_first_of(", \t\n\r") != std::string::npos)
            file.fail(ptr + key, "may not hold a comma or white space: --select and --ignore take a list of ids and "
                                 "codes separated by commas");
        // WX codes name wxlint's findings: a policy's would share --ignore and explain with one.
        if (users && d.code.size() > 2 && d.code.starts_with("WX") &&
            d.code.find_first_not_of("0123456789", 2) == std::string::npos)
          file.fail(ptr + "/code", "\"" + d.code + "\" is a code of wxlint's own (WX and digits); give the rule a code "
                                   "of your organisation's, such as \"ORG001\" (a Webex API code, such as \"4202\", may be shared)");
        if (auto [seen, added] = seen_ids.emplace(d.id, std::pair(file.name, ptr)); !added)
          file.fail(ptr + "/id", "rule id \"" + d.id + "\" is used twice (first " +
                                     (seen->second.first == file.name ? "at " + seen->second.second
                                                                      : "in " + seen->second.first) + ")");
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
        if (d.check == "builtin" && !layered) {
          if (disabled) disabled_builtins_.insert(d.id);
          docs_.push_back(d);
          builtins_.emplace(d.id, std::move(rule));
          continue;
        }
        if (!has_op) file.fail(ptr, "a rule with a check must be in a rule file with an \"operation\"");
        const CheckKind* kind = find_check_kind(d.check);
        if (!kind) {
          std::string known;
          std::vector<std::string> names;
          for (const auto& k : check_kinds()) {
            known += (known.empty() ? "" : ", ") + std::string(k.name);
            names.emplace_back(k.name);
          }
          const auto near = formats::did_you_mean(d.check, names);
          file.fail(ptr + "/check", "unknown check kind \"" + d.check + "\"" + (near ? "; did you mean \"" + *near + "\"?" : "") +
                                        " (known: " + known + ")");
        }
        if (!r.HasMember("at"))
          file.fail(ptr, "a rule with a check names where it applies: \"at\", a JSON pointer pattern (\"*\" for every item "
                         "or member, \"\" for the whole request)");
        auto pattern = Pattern::parse(str_member(r, "at"));
        if (!pattern) file.fail(ptr + "/at", "not a JSON pointer pattern");
        rule->at = std::move(*pattern);
        rule->scope = str_member(r, "scope") == "envelope" ? Rule::Scope::envelope : Rule::Scope::request;
        const auto conditions = [&](const rapidjson::Value& object, const std::string& at) {
          std::vector<Condition> out;
          for (const auto& m : object.GetObject()) {
            auto target = RelPointer::parse({m.name.GetString(), m.name.GetStringLength()});
            if (!target) file.fail(at, "\"" + std::string(m.name.GetString()) + "\" is not a relative JSON pointer");
            out.push_back({std::move(*target), rapidjson::Value(m.value, alloc)});
          }
          return out;
        };
        if (auto w = r.FindMember("when"); w != r.MemberEnd()) rule->when = conditions(w->value, ptr + "/when");
        if (auto u = r.FindMember("unless"); u != r.MemberEnd()) {
          // An empty object holds no condition: it skips nothing, as before lists.
          const auto add = [&](std::vector<Condition> c) { if (!c.empty()) rule->unless.push_back(std::move(c)); };
          if (u->value.IsObject()) add(conditions(u->value, ptr + "/unless"));
          else
            for (rapidjson::SizeType k = 0; k < u->value.Size(); ++k)
              add(conditions(u->value[k], ptr + "/unless/" + std::to_string(k)));
        }
        // A user's places must be ones the request can have; the catalogue's are tested.
        if (users && rule->scope == Rule::Scope::request && !op->schema_text.empty()) {
          if (!reach_schema) reach_schema.emplace().Parse(op->schema_text.data(), op->schema_text.size());
          if (!reach_schema->HasParseError()) schema_reach::check_places(file, ptr, r, *reach_schema);
        }
        rapidjson::Value params;
        const std::string params_ptr = ptr + "/params";
        if (auto p = r.FindMember("params"); p != r.MemberEnd()) params = settings.resolve(p->value, file, params_ptr);
        Params reader(params.IsNull() ? nullptr : &params, [&](std::string_view key) {
          return param_place(file, settings, params_ptr, d.id, key);
        });
        rule->check = kind->make(reader);
        reader.done();
        check_placeholders(file, ptr + "/message", rule->message, *kind, *rule->check);
        docs_.push_back(d);
        if (!disabled) op->rules.push_back(std::move(rule));
      }
    }
    settings.check_read(setting_layers);
    if (has_op) operations_.push_back(std::move(op));
  }

  std::string op_list;
  for (const auto& op : operations_) op_list += (op_list.empty() ? "" : ", ") + op->doc.id;
  for (const DataFile* f : untargeted)
    f->fail("", "a rule file added on top of the catalogue names the operation it adds rules to: "
                "\"operation\": \"<operationId>\" (known: " + op_list + ")");
  for (std::size_t l = 0; l < layers.size(); ++l) {
    if (layer_used[l]) continue;
    const auto& target = layers[l]->doc.root()["operation"];
    std::vector<std::string> known;
    for (const auto& op : operations_) known.push_back(op->doc.id), known.push_back(op->doc.name);
    const auto near = formats::did_you_mean({target.GetString(), target.GetStringLength()}, known);
    layers[l]->fail("/operation", "unknown operation \"" + std::string(target.GetString()) + "\"" +
                                      (near ? "; did you mean \"" + *near + "\"?" : "") + " (known: " + op_list + ")");
  }

  for (const auto& [key, value] : options.settings)
    if (!used_settings.count(key)) throw ConfigError(unknown_setting(key));
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

// For "operation/name", whether the operation or the name is unknown.
std::string Catalogue::unknown_setting(const std::string& key) const {
  const auto slash = key.find('/');
  if (slash == std::string::npos) return "unknown setting \"" + key + "\"";
  const std::string op = key.substr(0, slash);
  for (std::size_t at = slash; at != std::string::npos; at = key.find('/', at + 1))
    if (find(std::string_view(key).substr(0, at))) return "unknown setting \"" + key + "\"";
  return "setting \"" + key + "\": unknown operation \"" + op + "\"" + operation_hint(op);
}

std::string Catalogue::known_operations() const {
  std::string known;
  for (const auto& o : operations_) {
    known += (known.empty() ? "\"" : ", \"") + o->doc.id + "\"";
    if (o->doc.name != o->doc.id) known += " (" + o->doc.name + ")";
  }
  return known;
}

std::string Catalogue::operation_hint(std::string_view operation) const {
  std::vector<std::string> names;
  for (const auto& o : operations_) names.push_back(o->doc.id), names.push_back(o->doc.name);
  const auto near = formats::did_you_mean(operation, names);
  return (near ? " (did you mean \"" + *near + "\"?)" : std::string()) + "; known operations: " + known_operations();
}

const Operation* Catalogue::find(std::string_view id) const {
  for (const auto& op : operations_)
    if (op->doc.id == id) return op.get();
  for (const auto& op : operations_)
    if (op->doc.name == id) return op.get();
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
