// Lints one text: parse, pick the operation, run the schema and rule layers, then resolve
// every finding's place in one scan of the text and render the messages.
#include "engine/catalogue.hpp"
#include "engine/embedded.hpp"
#include "engine/findings.hpp"
#include "engine/read_file.hpp"
#include "engine/schema_findings.hpp"
#include "engine/schema_layer.hpp"
#include "engine/undetected.hpp"
#include "engine/walker.hpp"
#include "formats/formats.hpp"
#include "formats/numbering_plan.hpp"
#include "snapshot/store.hpp"
#include "snapshot/time.hpp"

#include <wxlint/linter.hpp>
#include <wxlint/snapshot.hpp>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <system_error>
#include <thread>

namespace wxlint {
namespace {
// Below this a second thread costs more than it saves.
constexpr std::size_t kParallelBytes = std::size_t{4} << 20;
constexpr long long kMaxFileSize = 8 << 20;  // when rules/core.rules.json does not set maxFileSize
}  // namespace

struct Linter::Impl {
  std::unique_ptr<Catalogue> catalogue;
  // Built on an operation's first lint: a cold start builds only what it uses.
  struct Walkers {
    std::once_flag once, lanes_once;
    std::unique_ptr<RuleWalker> request, envelope;
    // For large requests: the rules that compare nodes with each other (their tables
    // dominate a big walk) and the rest, walked on two threads.
    std::unique_ptr<RuleWalker> comparing, others;
  };
  std::map<const Operation*, std::unique_ptr<Walkers>> walkers;
  Snapshot snapshot;
  LintContext context;
  std::optional<long long> stale_days;  // the snapshot's age, when older than snapshotMaxAgeDays
  std::string incomplete_tables;        // "people, numbers": lists the snapshot may lack items of
  bool list_every_finding = false;
  // Per operation, its enabled rules that judge by the numbering plans ("WX2006 and WX2007").
  std::map<const Operation*, std::string> plan_rules;

  explicit Impl(const std::vector<SourceFile>& files, const LinterOptions& options, bool trusted = false)
      : catalogue(std::make_unique<Catalogue>(files, options, trusted)), list_every_finding(options.list_every_finding) {
    for (const auto& op : catalogue->operations()) {
      walkers[op.get()] = std::make_unique<Walkers>();
      std::vector<std::string> codes;
      for (const auto& r : op->rules)
        if (r->check && r->check->needs_numbering_plan()) codes.push_back(r->doc.code);
      for (std::size_t i = 0; i < codes.size(); ++i)
        plan_rules[op.get()] += (i == 0 ? "" : i + 1 == codes.size() ? " and " : ", ") + codes[i];
    }
    if (!options.snapshot_data.empty() && !options.snapshot.empty())
      throw ConfigError("give the snapshot as paths or as loaded data, not both");
    context.region = formats::plan::checked_region(options.region);
    snapshot = options.snapshot_data.empty() && !options.snapshot.empty() ? Snapshot::load(options.snapshot, context.region)
                                                                          : options.snapshot_data;
    context.snapshot = snapshot.store();
    if (context.snapshot)
      for (const auto& t : context.snapshot->tables())
        if (t.loaded() && t.incomplete()) incomplete_tables += (incomplete_tables.empty() ? "" : ", ") + t.name();
    if (auto at = snapshot.captured_at()) {
      const long long max_days = catalogue->core_setting_int("snapshotMaxAgeDays", 7);
      const std::int64_t now = snapshot::now_seconds();
      const long long days = (now - *at) / 86400;
      // A limit of more days than time has seconds means none (max_days * 86400 would overflow).
      if (max_days <= INT64_MAX / 86400 && now - *at > max_days * 86400) stale_days = days;
    }
  }

  const Walkers& walkers_for(const Operation& op) const {
    Walkers& w = *walkers.at(&op);
    std::call_once(w.once, [&] {
      std::vector<const Rule*> request, envelope;
      for (const auto& r : op.rules) (r->scope == Rule::Scope::envelope ? envelope : request).push_back(r.get());
      w.request = std::make_unique<RuleWalker>(request);
      w.envelope = std::make_unique<RuleWalker>(envelope);
    });
    return w;
  }

  const Walkers& lanes_for(const Operation& op) const {
    Walkers& w = *walkers.at(&op);
    std::call_once(w.lanes_once, [&] {
      std::vector<const Rule*> comparing, others;
      // Only checks that compare nodes with each other keep state across a walk.
      for (const auto& r : op.rules)
        if (r->scope == Rule::Scope::request) (r->check->start() ? comparing : others).push_back(r.get());
      w.comparing = std::make_unique<RuleWalker>(comparing);
      w.others = std::make_unique<RuleWalker>(others);
    });
    return w;
  }

  std::string known_operations() const { return catalogue->known_operations(); }

  // `parallel` (large requests): the rules that compare nodes walk on a second thread
  // while the other rules and the schema run on this one. `ctx`: what the checks know
  // besides the request (for an envelope's requests, the envelope's path too).
  void lint_request(const Operation& op, const rapidjson::Value& request, const std::string& prefix,
                    FindingList& list, const LintContext& ctx, bool parallel = false) const {
    const std::size_t limit = list.fixable_past_max() ? SIZE_MAX : list.max_per_rule();
    std::vector<Finding> rule_findings, second_findings;
    std::vector<std::uint64_t> covers, second_covers;
    std::exception_ptr second_error;
    const SchemaValidator* schema = catalogue->schema(op);
    {
      std::jthread second;  // joins before anything below reads its findings
      const RuleWalker* here = walkers_for(op).request.get();
      if (parallel) {
        const Walkers& lanes = lanes_for(op);
        try {
          second = std::jthread([&] {
            try {
              lanes.comparing->run(request, second_findings, limit, second_covers, &ctx);
            } catch (...) {
              second_error = std::current_exception();
            }
          });
          here = lanes.others.get();
        } catch (const std::system_error&) {
          // no thread to be had: walk every rule here
        }
      }
      here->run(request, rule_findings, limit, covers, &ctx);
      // Only checks without state explain schema failures (check.hpp): all of them walked here.
      if (schema) add_schema_findings(*catalogue, *schema, request, rule_findings, std::move(covers), list, prefix);
    }
    if (second_error) std::rethrow_exception(second_error);
    const bool second_explains = !second_covers.empty() || std::any_of(second_findings.begin(), second_findings.end(),
                                                                       [](const Finding& f) { return !f.covers_keyword.empty(); });
    if (schema && second_explains) throw std::logic_error("a check with state explained a schema failure");
    for (auto& f : rule_findings) list.add(std::move(f), prefix);
    for (auto& f : second_findings) list.add(std::move(f), prefix);
  }

  // Past this size the DOM could outgrow 4x the text: a Webex request body is far smaller.
  unsigned long long max_size() const {
    return static_cast<unsigned long long>(catalogue->core_setting_int("maxFileSize", kMaxFileSize));
  }
  // A file past max_size(): reported, not parsed (nor read, by lint_file()).
  FileReport too_large(std::string path, unsigned long long size) const {
    FileReport report;
    report.path = std::move(path);
    const Document doc(std::string(), true);
    FindingList list(*catalogue, catalogue->max_findings_per_rule());
    list.add_builtin("json/too-large", "", {{"size", grouped(size)}, {"max", grouped(max_size())}});
    report.diagnostics = list.finish(doc);
    // At the file's start, ending there: its text, unread, has no place of its own.
    for (Diagnostic& d : report.diagnostics) {
      d.location.end_line = d.location.line;
      d.location.end_column = d.location.column;
    }
    return report;
  }

  // `text_back`: where the text goes after the lint, for Linter::fix (no copy of it).
  // `all`: past maxFindingsPerRule, the findings with a fix listed too (the passes of
  // Linter::fix(), whose fixes are the listed findings'); the others are counted, so that a
  // file of millions of findings without a fix costs no memory for each.
  FileReport lint(std::string text, std::string path, std::string_view forced, std::string* text_back = nullptr,
                  bool all = false) const {
    if (const std::size_t size = text.size(); size > max_size()) {
      if (text_back) *text_back = std::move(text);
      return too_large(std::move(path), size);
    }
    FileReport report;
    report.path = std::move(path);
    Document doc(std::move(text), true);  // lives until the report is made
    FindingList list(*catalogue, list_every_finding ? SIZE_MAX : catalogue->max_findings_per_rule(),
                     all && !list_every_finding);
    if (stale_days)
      list.add_builtin("snapshot/stale", "",
                       {{"age", std::to_string(*stale_days)},
                        {"max", std::to_string(catalogue->core_setting_int("snapshotMaxAgeDays", 7))}});
    if (!incomplete_tables.empty()) list.add_builtin("snapshot/incomplete", "", {{"tables", incomplete_tables}});
    for (const auto& issue : doc.issues()) list.add_issue(issue);
    if (!doc.parsed()) {
      report.diagnostics = list.finish(doc);
      if (text_back) *text_back = doc.take_text();
      return report;
    }
    const rapidjson::Value& root = doc.root();
    const Operation* op = forced.empty() ? nullptr : catalogue->find(forced);
    const rapidjson::Value* id = child(root, "operationId");
    const rapidjson::Value* method = child(root, "method");
    const rapidjson::Value* request_path = child(root, "path");
    const bool by_request = method && method->IsString() && request_path && request_path->IsString();
    const bool envelope = root.IsObject() && root.HasMember("requestExamples") && (id || by_request);
    if (envelope) {
      // Its operationId, or else its method and path template.
      if (!op && id && id->IsString()) op = catalogue->find({id->GetString(), id->GetStringLength()});
      if (!op && by_request)
        op = catalogue->by_request({method->GetString(), method->GetStringLength()},
                                   {request_path->GetString(), request_path->GetStringLength()});
      if (!op && id) {
        list.add_builtin("operation/unknown", "/operationId",
                         {{"value", scalar_text(*id)}, {"known", known_operations()}});
      } else if (!op) {
        list.add_builtin("operation/undetected", "/path",
                         {{"hint", "; no operation is " + scalar_text(*method) + " " + scalar_text(*request_path) + ";"},
                          {"known", known_operations()}});
      } else {
        std::vector<Finding> envelope_findings;
        std::vector<std::uint64_t> no_schema;  // envelope rules have no schema to explain
        walkers_for(*op).envelope->run(root, envelope_findings, list.max_per_rule(), no_schema, &context);
        for (auto& f : envelope_findings) list.add(std::move(f), "");
        const rapidjson::Value& examples = root["requestExamples"];
        bool any = false;
        LintContext in_envelope = context;
        if (request_path && request_path->IsString())
          in_envelope.request_path.assign(request_path->GetString(), request_path->GetStringLength());
        if (examples.IsArray()) {
          for (rapidjson::SizeType i = 0; i < examples.Size(); ++i) {
            const rapidjson::Value* ex = child(examples[i], "example");
            if (!ex) continue;
            any = true;
            lint_request(*op, *ex, "/requestExamples/" + std::to_string(i) + "/example", list, in_envelope);
          }
        }
        if (!any) list.add_builtin("envelope/no-example", "/requestExamples", {});
      }
    } else {
      std::vector<const Operation*> detected;
      if (!op) {
        detected = catalogue->detect(root);
        if (detected.size() == 1) op = detected.front();  // several: ambiguous
      }
      if (op) {
        lint_request(*op, root, "", list, context, doc.text().size() >= kParallelBytes);
      } else {
        Undetected u = undetected(*catalogue, root, detected);
        list.add_builtin("operation/undetected", std::move(u.at), {{"hint", u.hint}, {"known", known_operations()}});
      }
    }
    if (op) {
      report.operation = op->doc.id;
      // Rules that judge by the numbering plans find nothing without their module: say so.
      if (auto it = plan_rules.find(op); it != plan_rules.end() && !it->second.empty())
        if (std::string why = formats::plan::unavailable_reason(); !why.empty())
          list.add_builtin("numbering-plan/unavailable", "", {{"rules", it->second}, {"reason", why}});
    }
    report.diagnostics = list.finish(doc);
    if (text_back) *text_back = doc.take_text();
    return report;
  }
};

Linter::Linter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Linter::Linter(Linter&&) noexcept = default;
Linter& Linter::operator=(Linter&&) noexcept = default;
Linter::~Linter() = default;

Linter Linter::embedded(const LinterOptions& options) {
  std::vector<SourceFile> files;
  for (const auto& f : embedded::files()) files.push_back({std::string(f.name), f.text});
  return Linter(std::make_unique<Impl>(files, options, true));
}

Linter Linter::from_directory(const std::string& dir, const LinterOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw IoError(dir + ": not a directory");
  std::vector<SourceFile> files;
  std::deque<std::string> texts;  // what files[i].text views
  auto take = [&](const fs::path& sub, const std::string& prefix, const std::string& suffix) {
    std::vector<fs::path> found;
    for (const auto& e : fs::directory_iterator(sub, ec)) {
      const std::string name = e.path().filename().string();
      if (e.is_regular_file() && name.size() > suffix.size() && name.ends_with(suffix)) found.push_back(e.path());
    }
    if (ec) throw IoError(sub.string() + ": cannot read directory: " + ec.message());
    for (const auto& p : found)
      files.push_back({prefix + p.filename().string(), texts.emplace_back(read_file(p.string())), p.lexically_normal().string()});
  };
  const fs::path root(dir);
  const fs::path rules = fs::is_directory(root / "rules") ? root / "rules" : root;
  take(rules, "rules/", ".rules.json");
  // It replaces the built-in catalogue: one without an operation would lint nothing, and with
  // --only-payloads pass every file (a mistyped directory in a pre-commit hook).
  if (std::none_of(files.begin(), files.end(), [](const SourceFile& f) { return f.name != "rules/core.rules.json"; }))
    throw IoError(rules.string() + ": no rule file of an operation (*.rules.json) here: --rules-dir replaces the built-in "
                  "rules, so it needs DIR/rules/ (or DIR) with the operations' rule files and DIR/schemas/ with their schemas");
  take(fs::is_directory(root / "schemas") ? root / "schemas" : root, "schemas/", ".json");
  // wxlint's own meta-schemas come with the library unless the directory overrides them.
  for (const auto& f : embedded::files()) {
    std::string name(f.name);
    bool core = name.rfind("schemas/wxlint.", 0) == 0 || name == "rules/core.rules.json";
    bool present = std::any_of(files.begin(), files.end(), [&](const SourceFile& s) { return s.name == name; });
    if (core && !present) files.push_back({name, f.text});
  }
  return Linter(std::make_unique<Impl>(files, options));
}

namespace {
// A forced operation that the catalogue lacks is the caller's mistake, not a cue to detect one.
std::string_view known(const Linter& l, std::string_view operation) {
  if (!operation.empty() && !l.has_operation(operation))
    throw ConfigError("unknown operation \"" + formats::printable(operation) + "\"" + l.operation_hint(operation));
  return operation;
}
}  // namespace

// known() comes first: arguments are evaluated in no set order (the text moved, the file read).
FileReport Linter::lint(std::string text, std::string path, std::string_view operation) const {
  const std::string_view op = known(*this, operation);
  return impl_->lint(std::move(text), std::move(path), op);
}

FileReport Linter::relint(std::string& text, const std::string& path, std::string_view operation, bool all) const {
  const std::string_view op = known(*this, operation);
  return impl_->lint(std::move(text), path, op, &text, all);
}

FileReport Linter::lint_file(const std::string& path, std::string_view operation) const {
  const std::string_view op = known(*this, operation);
  FileReport too_large;
  std::optional<std::string> text = read_within_limit(path, too_large);
  if (!text) return too_large;
  return impl_->lint(std::move(*text), path == "-" ? "<stdin>" : path, op);
}

unsigned long long Linter::max_file_size() const { return impl_->max_size(); }

std::size_t Linter::max_findings_per_rule() const { return impl_->catalogue->max_findings_per_rule(); }

std::optional<std::string> Linter::read_within_limit(const std::string& path, FileReport& too_large) const {
  // Sized before it is read: a 6 GB file is reported in no more memory than a small one.
  unsigned long long size = 0;
  std::optional<std::string> text = read_file_within(path, impl_->max_size(), size);
  if (!text) too_large = impl_->too_large(path == "-" ? "<stdin>" : path, size);
  return text;
}

std::vector<OperationDoc> Linter::operations() const {
  std::vector<OperationDoc> out;
  for (const auto& op : impl_->catalogue->operations()) out.push_back(op->doc);
  return out;
}

bool Linter::has_operation(std::string_view id) const { return impl_->catalogue->find(id) != nullptr; }

std::string Linter::known_operations() const { return impl_->known_operations(); }
std::string Linter::operation_hint(std::string_view operation) const { return impl_->catalogue->operation_hint(operation); }

const std::vector<RuleDoc>& Linter::rules() const { return impl_->catalogue->docs(); }

}  // namespace wxlint
