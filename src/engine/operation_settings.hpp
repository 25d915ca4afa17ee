// Internal: the settings of one operation (rule-file defaults, layered rule files, the
// user's options) and where each value came from, for messages placed where it was given.
#pragma once

#include "document/document.hpp"
#include "document/json_pointer.hpp"
#include "engine/check.hpp"
#include "engine/data_file.hpp"
#include "engine/params.hpp"
#include "formats/formats.hpp"

#include <wxlint/error.hpp>
#include <wxlint/linter.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace wxlint::detail {

// Settings of one operation: the rule file's defaults, then those of the rule files layered
// on top of it (LinterOptions::rule_files), overridden by the user's options.
class Settings {
 public:
  // Where a setting's value came from: the user's option `user_key` ("maxUsers" or
  // "operationId/maxUsers"), or, when it is empty, the rule file `file`.
  struct Setting {
    rapidjson::Value value;
    std::string name, user_key;
    const DataFile* file = nullptr;
    bool overrides = false;  // `file` gave a value to a setting an earlier layer declared
  };
  struct Layer {
    const rapidjson::Value* defaults;  // a rule file's "settings", or null
    const DataFile* file;
  };

  // `op_names`: the names the user may give this operation's own values under
  // ("operationId/name", "ruleFileName/name"); `used` gets every key of `options` that names
  // one of its settings, the value that wins or not.
  Settings(const std::vector<Layer>& layers, const std::vector<std::string>& op_names, const LinterOptions& options,
           std::set<std::string>& used, rapidjson::Document::AllocatorType& alloc)
      : alloc_(alloc) {
    for (const Layer& layer : layers) {
      if (!layer.defaults) continue;
      for (const auto& m : layer.defaults->GetObject()) {
        std::string name(m.name.GetString(), m.name.GetStringLength());
        auto [it, added] = values_.try_emplace(name);
        Setting& s = it->second;
        if (!added && !same_type(s.value, m.value))
          layer.file->fail(member("/settings", name), "must be " + json_type_words(json_type_name(s.value)) +
                                                         " like the default " + to_json_text(s.value) + " in " +
                                                         s.file->name + ", not " + json_type_words(json_type_name(m.value)));
        copy_value(s.value, m.value);
        s.name = std::move(name);
        s.file = layer.file;
        s.overrides = !added;
      }
    }
    for (auto& [name, s] : values_) {
      // The operation's own value wins over the one for every operation. Each one given is
      // type-checked and known even when overridden: "unknown" is for names no operation has.
      std::vector<std::string> keys;
      for (const std::string& op : op_names) keys.push_back(op + "/" + name);
      keys.push_back(name);
      std::string own;  // the operation's own key already taken
      std::string default_text;  // for messages: s.value changes below
      for (const std::string& key : keys) {
        auto it = options.settings.find(key);
        if (it == options.settings.end()) continue;
        if (!own.empty() && key != name)
          throw ConfigError("setting \"" + key + "\": the same setting as \"" + own + "\" (one operation, two names); give it once");
        const std::string& text = it->second;
        if (default_text.empty()) default_text = to_json_text(s.value);
        // The payloads' parser: no recursion, at most Document::kMaxDepth levels, so the
        // copies and walks of the value below stay shallow whatever the caller passed.
        const Document parsed(text);
        if (!parsed.parsed()) {
          const bool deep = !parsed.issues().empty() && parsed.issues().back().kind == ParseIssue::Kind::too_deep;
          throw ConfigError("setting \"" + key + "\": " + (deep ? parsed.issues().back().message : "value is not JSON: " + text));
        }
        const rapidjson::Value& d = parsed.root();
        if (!same_type(s.value, d))
          throw ConfigError("setting \"" + key + "\": must be " + json_type_words(json_type_name(s.value)) +
                            " like the default " + default_text + ", not " + json_type_words(json_type_name(d)));
        used.insert(key);
        if (!s.user_key.empty()) continue;
        copy_value(s.value, d);
        s.user_key = key;
        if (key != name) own = key;
      }
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
        if (!ref->value.IsString()) file.fail(ptr + "/$setting", "must be a string: the name of a setting");
        const std::string name = ref->value.GetString();
        auto it = values_.find(name);
        if (it == values_.end()) file.fail(ptr, "unknown setting \"" + name + "\" (declare it under \"settings\")");
        out.CopyFrom(it->second.value, alloc_);
        replaced_[ptr] = &it->second;
        read_.insert(name);
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
  // Pointers name places in one file: forget the last file's before resolving another's.
  void next_file() { replaced_.clear(); }

  // A setting that a rule file layered on top declares and that no rule of the operation reads
  // ({"$setting": name}): most likely a misspelt name of one it meant to change. Call after
  // every rule is read.
  void check_read(const std::vector<Layer>& layers) const {
    std::set<std::string> base;
    if (!layers.empty() && layers[0].defaults)
      for (const auto& m : layers[0].defaults->GetObject()) base.emplace(m.name.GetString(), m.name.GetStringLength());
    std::vector<std::string> names(base.begin(), base.end());
    for (std::size_t l = 1; l < layers.size(); ++l) {
      if (!layers[l].defaults) continue;
      for (const auto& m : layers[l].defaults->GetObject()) {
        const std::string name(m.name.GetString(), m.name.GetStringLength());
        if (base.count(name) || read_.count(name)) continue;
        const auto near = formats::did_you_mean(name, names);
        layers[l].file->fail(member("/settings", name),
                             "no rule reads this setting" + (near ? "; did you mean \"" + *near + "\"?" : std::string()) +
                                 " (a setting is read by a rule's {\"$setting\": \"" + name + "\"})");
      }
    }
  }

 private:
  static bool same_type(const rapidjson::Value& a, const rapidjson::Value& b) {
    return a.GetType() == b.GetType() || (a.IsBool() && b.IsBool());
  }
  // 1e2 kept as 100, as JSON Schema reads it: the whole-number settings take it.
  void copy_value(rapidjson::Value& to, const rapidjson::Value& from) {
    to.CopyFrom(from, alloc_);
    if (const auto n = to.IsDouble() ? whole_number(to) : std::nullopt) to.SetInt64(*n);
  }
  static std::string member(std::string parent, std::string_view name) {
    pointer::append_key(parent, name);
    return parent;
  }

  rapidjson::Document::AllocatorType& alloc_;
  std::map<std::string, Setting> values_;
  std::map<std::string, const Setting*> replaced_;
  std::set<std::string> read_;  // by any rule of the operation
};

// Where a problem with a rule's parameter is reported: at the user's option when the value
// came from one (the config file knows its place: Config::make_linter), at the rule file's
// setting when it is a default, else at the parameter in the rule file.
inline Params::Place param_place(const DataFile& file, const Settings& settings, const std::string& params_ptr,
                          const std::string& rule_id, std::string_view key) {
  std::string at = params_ptr;
  if (!key.empty()) pointer::append_key(at, key);
  if (const Settings::Setting* s = settings.replaced(at)) {
    const std::string used = key.empty() ? "" : "; rule " + rule_id + " uses it as \"" + std::string(key) + "\"";
    if (!s->user_key.empty()) return {"setting \"" + s->user_key + "\"", used, true};
    // Another file's setting (an organisation's rule using a built-in one): the mistake is the
    // use, at the parameter in this file; the built-in file is not on disk to be looked at. But a
    // value another file gave a setting of this one (an organisation's file overriding a
    // built-in default) is that file's mistake, at its setting.
    if (s->file != &file && !s->overrides)
      return {file.where(at), "; it is {\"$setting\": \"" + s->name + "\"}, " + to_json_text(s->value), false};
    std::string setting = "/settings";
    pointer::append_key(setting, s->name);
    return {s->file->where(setting), used, false};
  }
  if (file.doc.locate({at}).front().found) return {file.where(at), "", false};
  return {file.where(params_ptr) + (key.empty() ? "" : "/" + std::string(key)), "", false};
}


}  // namespace wxlint::detail
