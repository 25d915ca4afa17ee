// .wxlint.json: discovery, validation against its embedded schema, and translation into
// LinterOptions plus ignore entries.
#include "config/operation_globs.hpp"
#include "config/rule_files.hpp"
#include "document/json_pointer.hpp"
#include "engine/data_file.hpp"
#include "engine/embedded.hpp"
#include "engine/file_kind.hpp"
#include "engine/rule_suggestion.hpp"
#include "engine/schema_layer.hpp"
#include "formats/numbering_plan.hpp"

#include <algorithm>
#include <wxlint/config.hpp>
#include <wxlint/error.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace wxlint {
namespace {

constexpr std::string_view kConfigSchema = "schemas/wxlint.config.schema.json";

std::string name_of(const rapidjson::Value& v) { return std::string(v.GetString(), v.GetStringLength()); }
// A file's path: the system would read it only up to a NUL, and open another file.
std::string path_of(const DataFile& file, const rapidjson::Value& v, const std::string& ptr) {
  std::string path = name_of(v);
  if (path.find('\0') != std::string::npos) file.fail(ptr, "a path cannot hold a NUL character (\\u0000)");
  return path;
}

// "/parent/name", escaping member names that hold '/' or '~' (rule ids do).
std::string member_ptr(std::string parent, std::string_view name) {
  pointer::append_key(parent, name);
  return parent;
}

const SchemaValidator& config_schema() {
  static const SchemaValidator schema = [] {
    for (const auto& f : embedded::files())
      if (f.name == kConfigSchema) {
        DataFile file(std::string(f.name), std::string(f.text));
        return SchemaValidator(file.doc.root(), file.name);
      }
    throw ConfigError("the library has no " + std::string(kConfigSchema));
  }();
  return schema;
}

// The places of options and ignore entries, found in one scan of the file at the end: a
// scan per entry would make a file with many entries quadratic.
struct Places {
  std::vector<std::pair<std::string, std::string>> origins;  // option key, pointer
  std::vector<std::string> ignores;                         // pointer of ignore[i]'s place

  void fill(const DataFile& file, Config& c) const {
    std::vector<std::string> pointers;
    for (const auto& o : origins) pointers.push_back(o.second);
    pointers.insert(pointers.end(), ignores.begin(), ignores.end());
    std::vector<std::string> where = file.where(pointers);
    for (std::size_t i = 0; i < origins.size(); ++i) c.origins[origins[i].first] = std::move(where[i]);
    c.ignore_origins.assign(std::make_move_iterator(where.begin() + static_cast<std::ptrdiff_t>(origins.size())),
                            std::make_move_iterator(where.end()));
  }
};

// After "unknown rule id or code": the closest rule, or, for {"policy/*.rules.json": "on"}, where
// a rule file is written instead.
std::string override_hint(const std::string& key, const std::vector<RuleDoc>& rules) {
  if (key.ends_with(".json")) return "; a rule file goes in the list form: \"rules\": [\"" + key + "\"]";
  return rule_suggestion(key, rules);
}

void read_rules(const rapidjson::Value& rules, Config& c, Places& places, const std::string& at = "/rules") {
  for (const auto& m : rules.GetObject()) {
    const std::string key = name_of(m.name), value = name_of(m.value);
    places.origins.emplace_back(key, member_ptr(at, key));
    // A later entry for the same key (the list form) replaces an earlier one.
    c.options.disabled.erase(key);
    c.options.severities.erase(key);
    c.turned_on.erase(key);
    if (value == "off") c.options.disabled.insert(key);
    else if (value == "on") c.turned_on.insert(key);
    else c.options.severities[key] = *parse_severity(value);
  }
}

// "rules": [...]: rule files (paths or globs relative to the config file) layered on top of
// the catalogue, and objects of rule overrides.
void read_rule_list(const DataFile& file, const rapidjson::Value& list, Config& c, Places& places) {
  for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
    const std::string ptr = "/rules/" + std::to_string(i);
    if (list[i].IsObject()) {
      read_rules(list[i], c, places, ptr);
      continue;
    }
    const std::string pattern = path_of(file, list[i], ptr);
    const std::vector<std::string> found = glob_files(pattern, c.base_dir);
    if (found.empty()) file.fail(ptr, "no file matches \"" + pattern + "\"");
    for (const std::string& path : found) {
      std::error_code ec;
      if (!std::filesystem::is_regular_file(path, ec)) file.fail(ptr, "no rule file " + path);
      // Named as the user would name it, in the errors of the file itself.
      const std::string shown = relative_to(path, {});
      c.options.rule_files.push_back(shown.starts_with("../") ? path : shown);
    }
  }
}

void add_setting(const DataFile& file, const std::string& key, const rapidjson::Value& v, const std::string& ptr,
                 Config& c, Places& places) {
  // "settings" {"op/key"} and "operations" {"op": {"key"}} name one setting: one would win unseen.
  if (c.options.settings.count(key))
    for (const auto& [other_key, other_ptr] : places.origins)
      if (other_key == key) file.fail(ptr, "the same setting as " + other_ptr + " (\"" + key + "\"); give it once");
  c.options.settings[key] = to_json_text(v);
  places.origins.emplace_back(key, ptr);
}

// A glob of files as the files it is matched with are named: relative to the config file's
// directory. "./sub/*.json" is "sub/*.json", and an absolute one inside that directory is made
// relative; one outside it could match nothing, and says so.
std::string file_glob(const DataFile& file, std::string glob, const std::string& ptr, const std::string& base_dir) {
  while (glob.starts_with("./")) glob.erase(0, glob.find_first_not_of('/', 2));
  if (glob.empty() || glob == ".") file.fail(ptr, "names the config file's directory, not files in it (all of them: \"**\")");
  if (!glob.starts_with('/')) return glob;
  std::error_code ec;
  std::string base = std::filesystem::absolute(base_dir.empty() ? "." : base_dir, ec).lexically_normal().generic_string();
  if (base.size() > 1 && base.ends_with('/')) base.pop_back();
  if (glob.starts_with(base + "/")) return glob.substr(base.size() + 1);
  file.fail(ptr, "matches no file: \"" + glob + "\" is outside " + base +
                     ", the directory of the config file, which globs of files are relative to");
}

void read_ignores(const DataFile& file, const rapidjson::Value& list, Config& c, Places& places) {
  for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
    const auto& e = list[i];
    const std::string ptr = "/ignore/" + std::to_string(i);
    IgnoreEntry entry;
    for (auto [field, key] : {std::pair{&entry.files, "files"}, {&entry.pointer, "pointer"}, {&entry.rule, "rule"}})
      if (auto it = e.FindMember(key); it != e.MemberEnd()) *field = name_of(it->value);
    if (!entry.files.empty()) entry.files = file_glob(file, entry.files, ptr + "/files", c.base_dir);
    if (entry.files.empty() && entry.pointer.empty() && entry.rule.empty())
      file.fail(ptr, "an ignore entry needs at least one of \"files\", \"pointer\" or \"rule\"");
    if (!entry.pointer.empty() && entry.pointer[0] != '/' && entry.pointer[0] != '*')
      file.fail(ptr + "/pointer", "a JSON Pointer starts with \"/\" (or a glob \"**\")");
    c.ignore.push_back(std::move(entry));
    places.ignores.push_back(ptr + (e.HasMember("rule") ? "/rule" : ""));
  }
}

// A configuration found by searching upward may sit in a directory others can write (a
// shared /tmp, a shared drive) and could switch rules off or ignore every file. Like git's
// safe.directory, use it only when it is yours (or root's) and nobody else may change it;
// --config FILE is trusted as given. `what`: how the refusal names the file, when it is not
// the configuration itself (a rule file it names).
void check_trusted(const std::string& path, const std::string& config, const std::string& what = {}) {
  struct stat file {}, link {};
  if (::stat(path.c_str(), &file) != 0 || ::lstat(path.c_str(), &link) != 0 || !S_ISREG(file.st_mode))
    return;  // reading it will say why (a device, a FIFO)
  const uid_t me = ::geteuid();
  auto stranger = [me](uid_t owner) { return owner != me && owner != 0; };
  std::string why;
  if (stranger(link.st_uid)) {
    why = std::string(S_ISLNK(link.st_mode) ? "it is a symbolic link" : "it is") + " owned by uid " +
          std::to_string(link.st_uid) + ", not by you (uid " + std::to_string(me) + ")";
  } else if (stranger(file.st_uid)) {
    why = "it links to a file owned by uid " + std::to_string(file.st_uid) + ", not by you (uid " + std::to_string(me) + ")";
  } else if (file.st_mode & (S_IWGRP | S_IWOTH)) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(file.st_mode & 07777));
    why = std::string(file.st_mode & S_IWOTH ? "anyone" : "its group") + " may write it (mode " + mode + ")";
  }
  if (!why.empty())
    throw ConfigError("refusing " + path + what + ": " + why + "; name " + (what.empty() ? "it" : "the configuration") +
                      " to use it (--config " + config + ", or the library's \"config\" option)");
}

// Whether the search stops at `path`. Anything there does: skipping a .wxlint.json that
// cannot be read would lint with the one above it, a policy the project replaced.
bool present(const std::string& path) {
  struct stat link {}, file {};
  if (::lstat(path.c_str(), &link) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) return false;
    throw ConfigError(path + ": cannot tell whether this configuration is there: " + std::strerror(errno));
  }
  std::string why;
  const bool is_link = S_ISLNK(link.st_mode);
  if (::stat(path.c_str(), &file) != 0) {
    const int err = errno;
    std::error_code ec;
    const std::string target = std::filesystem::read_symlink(path, ec).string();
    if (err == ENOENT && is_link) why = "it is a symbolic link to " + target + ", which does not exist";
    else if (err == ELOOP) why = "it is a symbolic link to " + target + " that never reaches a file (a loop)";
    else why = std::string("cannot read it: ") + std::strerror(err);
  } else if (!S_ISREG(file.st_mode)) {
    why = std::string(is_link ? "it links to " : "it is ") + file_kind(file.st_mode) + ", not a file";
  }
  if (!why.empty())
    throw ConfigError(path + ": " + why + "; fix or remove it (wxlint uses the nearest .wxlint.json only, it does not fall "
                      "back to one above)");
  return true;
}

}  // namespace

Config parse_config(std::string text, const std::string& name, const std::string& base_dir) {
  DataFile file(name, std::move(text));
  file.check_against(config_schema());
  Config c;
  c.path = name;
  c.base_dir = base_dir;
  const rapidjson::Value& root = file.doc.root();
  Places places;
  if (auto it = root.FindMember("rules"); it != root.MemberEnd())
    it->value.IsArray() ? read_rule_list(file, it->value, c, places) : read_rules(it->value, c, places);
  if (auto it = root.FindMember("settings"); it != root.MemberEnd())
    for (const auto& m : it->value.GetObject())
      add_setting(file, name_of(m.name), m.value, member_ptr("/settings", name_of(m.name)), c, places);
  std::vector<std::string> operation_glob_ptrs;
  if (auto it = root.FindMember("operations"); it != root.MemberEnd())
    for (const auto& op : it->value.GetObject()) {
      // A string: the files this glob matches are that operation; an object: its settings.
      if (op.value.IsString()) {
        const std::string ptr = member_ptr("/operations", name_of(op.name));
        c.operation_globs.push_back({file_glob(file, name_of(op.name), ptr, c.base_dir), name_of(op.value)});
        operation_glob_ptrs.push_back(ptr);
        continue;
      }
      for (const auto& m : op.value.GetObject())
        add_setting(file, name_of(op.name) + "/" + name_of(m.name), m.value,
                    member_ptr(member_ptr("/operations", name_of(op.name)), name_of(m.name)), c, places);
    }
  if (auto it = root.FindMember("allowedSources"); it != root.MemberEnd())
    add_setting(file, "allowedSources", it->value, "/allowedSources", c, places);
  if (auto it = root.FindMember("ignore"); it != root.MemberEnd()) read_ignores(file, it->value, c, places);
  if (auto it = root.FindMember("region"); it != root.MemberEnd()) {
    if (auto problem = formats::plan::region_problem(name_of(it->value))) file.fail("/region", *problem);
    c.options.region = name_of(it->value);
  }
  places.fill(file, c);
  if (!operation_glob_ptrs.empty()) c.operation_glob_origins = file.where(operation_glob_ptrs);
  c.compiled_operation_globs = compile_operation_globs(c.operation_globs);
  if (auto it = root.FindMember("snapshot"); it != root.MemberEnd()) {
    std::vector<std::string> ptrs;
    const auto add = [&](const rapidjson::Value& v, std::string ptr) {
      // Relative to the config file, so the project's snapshot is found from any directory.
      const std::filesystem::path path(path_of(file, v, ptr));
      c.options.snapshot.push_back((path.is_relative() && !base_dir.empty() ? std::filesystem::path(base_dir) / path : path).string());
      ptrs.push_back(std::move(ptr));
    };
    if (it->value.IsString()) add(it->value, "/snapshot");  // one path, as --snapshot takes it
    else
      for (rapidjson::SizeType i = 0; i < it->value.Size(); ++i) add(it->value[i], "/snapshot/" + std::to_string(i));
    const std::vector<std::string> where = file.where(ptrs);
    for (std::size_t i = 0; i < where.size(); ++i) c.snapshot_origins.emplace(c.options.snapshot[i], where[i]);
  }
  return c;
}

Config load_config(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir = fs::absolute(path, ec).parent_path();
  return parse_config(read_file(path), path, dir.string());
}

Config load_found_config(const std::string& path) {
  Config c = load_config(path);
  // Its rule files (and the schemas beside them) change what is reported as much as it does,
  // and so do its snapshot's files (a person added, and User Not Found is not said).
  for (const std::string& rule_file : c.options.rule_files) {
    check_trusted(rule_file, path, " (a rule file " + path + " names)");
    if (const std::string schema = schema_beside(rule_file); !schema.empty())
      check_trusted(schema, path, " (the schema of " + rule_file + ", a rule file " + path + " names)");
  }
  for (const std::string& snapshot : c.options.snapshot)
    for (const std::string& file : expand_paths({snapshot}).files)
      check_trusted(file, path, " (a snapshot file " + path + " names)");
  return c;
}

std::optional<std::string> find_config(const std::string& start_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir = fs::absolute(start_dir.empty() ? fs::current_path(ec) : fs::path(start_dir), ec).lexically_normal();
  while (true) {
    fs::path candidate = dir / kConfigFileName;
    if (present(candidate.string())) {
      check_trusted(candidate.string(), candidate.string());
      return candidate.string();
    }
    if (!dir.has_relative_path()) return std::nullopt;  // the root
    dir = dir.parent_path();
  }
}

std::string relative_to(const std::string& path, const std::string& base_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path base = fs::absolute(base_dir.empty() ? fs::path(".") : fs::path(base_dir), ec).lexically_normal();
  const fs::path abs = fs::absolute(path, ec).lexically_normal();
  std::string rel = abs.lexically_relative(base).generic_string();
  if (rel.starts_with("../") || rel == "..") {
    // Outside the base as written; nearer to it once links are resolved (a baseline or config
    // named through a symlinked directory, $PWD's path against getcwd's, as on macOS): name it
    // from there, so that the file has one name however it is reached.
    const auto ups = [](const std::string& r) {
      std::size_t n = 0;
      while (r.compare(3 * n, 3, "../") == 0) ++n;
      return n + (r.size() == 3 * n + 2 && r.compare(3 * n, 2, "..") == 0);
    };
    const fs::path real_base = fs::weakly_canonical(base, ec);
    const fs::path real = fs::weakly_canonical(abs.parent_path(), ec) / abs.filename();
    if (const std::string resolved = real.lexically_relative(real_base).generic_string();
        !resolved.empty() && ups(resolved) < ups(rel)) rel = resolved;
  }
  if (rel.empty() || rel == ".") return fs::path(path).generic_string();  // another root, or the base itself
  return rel;
}

std::vector<std::string> Config::own_files() const {
  std::vector<std::string> own = options.snapshot;
  for (const auto& [configured, place] : snapshot_origins) own.push_back(configured);
  if (!path.empty()) own.push_back(path);
  for (const auto& rule_file : options.rule_files) {
    own.push_back(rule_file);
    if (std::string schema = schema_beside(rule_file); !schema.empty()) own.push_back(std::move(schema));
  }
  return own;
}

void Config::check_snapshot_paths() const {
  for (const std::string& path : options.snapshot)
    if (const auto at = snapshot_origins.find(path); at != snapshot_origins.end()) {
      std::error_code ec;
      if (!std::filesystem::exists(path, ec)) throw ConfigError(at->second + ": no snapshot file or directory " + path);
    }
}

// A snapshot path of this file's that cannot be read is said at the place it was written,
// as a missing one is (check_snapshot_paths()): the path itself, or a file in it.
std::optional<std::string> Config::snapshot_place(std::string_view message) const {
  for (const auto& [configured, place] : snapshot_origins)
    if (message.starts_with(configured) && message.size() > configured.size() &&
        (message[configured.size()] == ':' || message[configured.size()] == '/'))
      return place;
  return std::nullopt;
}

Linter Config::make_linter(const std::string& rules_dir) const {
  check_snapshot_paths();
  auto build = [&] { return rules_dir.empty() ? Linter::embedded(options) : Linter::from_directory(rules_dir, options); };
  std::optional<Linter> linter;
  try {
    linter.emplace(build());
  } catch (const IoError& e) {
    if (const auto place = snapshot_place(e.what())) throw ConfigError(*place + ": " + e.what());
    throw;
  } catch (const ConfigError& e) {
    // The catalogue names the key; the config file knows where the key was written.
    // "setting \"k\": problem" becomes "where: problem"; the longest key wins (keys may hold quotes).
    const std::string_view msg = e.what();
    const std::pair<const std::string, std::string>* at = nullptr;
    std::string_view problem;
    for (const auto& origin : origins) {
      const std::string key = detail::without_nul(origin.first);  // as the message has it
      const std::string prefix = "setting \"" + key + "\": ";
      if (at && at->first.size() >= origin.first.size()) continue;
      if (msg == "unknown setting \"" + key + "\"" || msg == "unknown rule id or code \"" + key + "\"")
        at = &origin, problem = msg;
      else if (msg.starts_with(prefix))
        at = &origin, problem = msg.substr(prefix.size());
    }
    if (!at) throw;
    std::string hint;  // a misspelt rule: the catalogue without these options names the closest
    if (problem.starts_with("unknown rule id or code")) {
      try {
        hint = override_hint(at->first, (rules_dir.empty() ? Linter::embedded() : Linter::from_directory(rules_dir)).rules());
      } catch (const ConfigError&) {
      }
    }
    throw ConfigError(at->second + ": " + std::string(problem) + hint);
  }
  check_names(*linter);
  return std::move(*linter);
}

void Config::check_names(const Linter& linter) const {
  for (std::size_t i = 0; i < operation_globs.size(); ++i)
    if (!linter.has_operation(operation_globs[i].operation))
      throw ConfigError((i < operation_glob_origins.size() ? operation_glob_origins[i] : path) + ": unknown operation \"" +
                        operation_globs[i].operation + "\"" + linter.operation_hint(operation_globs[i].operation));
  const auto known = [&](const std::string& name) {
    return std::any_of(linter.rules().begin(), linter.rules().end(),
                       [&](const RuleDoc& r) { return r.id == name || r.code == name; });
  };
  for (const std::string& key : turned_on) {
    if (known(key)) continue;
    const auto at = origins.find(key);
    // {"policy/*.rules.json": "on"}: a rule file, written where a rule's override goes.
    const std::string hint = override_hint(key, linter.rules());
    throw ConfigError((at != origins.end() ? at->second : path) + ": unknown rule id or code \"" + key + "\"" + hint);
  }
  for (std::size_t i = 0; i < ignore.size(); ++i) {
    const std::string& rule = ignore[i].rule;
    if (rule.empty()) continue;
    if (!known(rule))
      throw ConfigError(ignore_origins[i] + ": unknown rule id or code \"" + rule + "\"" + rule_suggestion(rule, linter.rules()));
  }
}

}  // namespace wxlint
