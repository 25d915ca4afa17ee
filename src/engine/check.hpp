// A check kind is implemented once in C++ and bound to places in a payload by rules (data).
// One Check object exists per rule, immutable after construction; per-lint state lives in
// a CheckState so that one Linter can lint many files at once.
#pragma once

#include "engine/context.hpp"
#include "engine/fix.hpp"
#include "engine/params.hpp"
#include "engine/path.hpp"

#include <wxlint/diagnostic.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wxlint {

struct Rule;

// Where a finding points: the value itself, or the member's key (unknown property).
enum class Anchor { value, key };

struct Finding {
  const Rule* rule = nullptr;
  std::string pointer;  // relative to the linted root (the request)
  Anchor anchor = Anchor::value;
  std::vector<std::pair<std::string, std::string>> args;  // message placeholders
  std::vector<std::string> related;                       // pointers, rendered as {other}
  // The schema-layer failure this finding explains (e.g. "required" + "userId"); the
  // schema layer drops its own finding for the same place and keyword. Only checks
  // without state (start() returns null) may set it: the schema layer runs beside the others.
  std::string covers_keyword, covers_detail;
  // Not 0: a tally, not a finding. It stands for this many findings of the rule that are
  // not listed; `pointer` and `anchor` are the first one's.
  std::size_t unlisted = 0;
  std::shared_ptr<const FixSpec> fix;  // kept only when the rule opted in to fix.name
  // The value it was found at, while the DOM lives: places a finding whose pointer names two
  // values (under a duplicated key).
  const rapidjson::Value* node = nullptr;

  Finding& arg(std::string name, std::string value) {
    args.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

// A finding costs a kilobyte or two by the time it is placed and rendered, so a rule lists
// at most `limit` findings per walk; the rest are counted into one tally (Finding::unlisted)
// and never kept. The schema failures they explain are kept as hashes (covers_key).
class Emitter {
 public:
  Emitter(const Rule& rule, std::vector<Finding>& out, const LintContext* context = nullptr, std::size_t limit = SIZE_MAX,
          std::vector<std::uint64_t>* unlisted_covers = nullptr)
      : rule_(rule), out_(out), context_(context ? context : &kNoContext), room_(limit), covers_(unlisted_covers) {}
  // What the lint knows besides the payload (the org snapshot).
  const LintContext& context() const { return *context_; }
  Finding& emit(std::string pointer, Anchor anchor = Anchor::value);
  // At the current node; a scalar node's text becomes the {value} placeholder.
  Finding& emit(const Path& path, Anchor anchor = Anchor::value);
  // Whether the rule opted in to the fix `name` (rule file: "fix"): make a fix only then.
  bool fixes(std::string_view name) const;
  // Attaches the fix to a finding emit() returned, when the rule opted in to `name` (fix.cpp).
  void fix(Finding& f, std::string_view name, FixSpec spec) const;
  // After the walk: appends the tally of what was not listed, if anything.
  void close();

 private:
  void forget_spare();

  static inline const LintContext kNoContext{};  // not constexpr: it holds a std::string
  const Rule& rule_;
  std::vector<Finding>& out_;
  const LintContext* context_;
  std::size_t room_;
  std::vector<std::uint64_t>* covers_;
  Finding spare_;  // what emit() hands out once room_ is spent: filled in, then forgotten
  Finding tally_;
};

// What a schema failure is matched on by the findings that explain it: its place, keyword
// and detail (none: a finding that explains any detail). Hashed: a tally keeps no pointers.
// A rule's finding explains a schema failure only at its severity or above: an info-level
// policy rule does not hide the error the API would answer. The severity is in bits 1-2.
std::uint64_t covers_key(std::string_view pointer, std::string_view keyword, std::optional<std::string_view> what,
                         Severity severity);
inline bool explains_any(std::uint64_t covers_key) { return covers_key & 1; }  // made without a detail

struct CheckState {
  virtual ~CheckState() = default;
};

class Check {
 public:
  virtual ~Check() = default;
  // Fresh state for one lint, for checks that compare nodes with each other.
  virtual std::unique_ptr<CheckState> start() const { return nullptr; }
  // Called for every node matched by the rule's "at" pattern (and "when" conditions).
  virtual void visit(const Path& path, CheckState* state, Emitter& out) const = 0;
  // Called once after the walk; the state is dropped after it.
  virtual void finish(CheckState* /*state*/, Emitter& /*out*/) const {}
  // Whether it judges by the numbering plans: when their module cannot be loaded, a file its
  // rule lints gets numbering-plan/unavailable instead of a silent pass.
  virtual bool needs_numbering_plan() const { return false; }
  // Message placeholders its parameters add to its kind's (a snapshot row's columns).
  virtual std::vector<std::string> placeholders() const { return {}; }
  // Of its kind's placeholders, those its parameters never fill ({group} of a unique rule
  // without groupBy), each with the parameter that would: printed as they are, in every
  // finding, they are a mistake the rule file is told of.
  virtual std::vector<std::pair<std::string_view, std::string_view>> unfilled() const { return {}; }
};

struct CheckKind {
  std::string_view name;
  std::string_view summary;
  std::string_view params;  // one line per parameter
  // The message placeholders it fills, space-separated, beside every finding's {value},
  // {pointer} and {other}: a rule's message may use no other (engine/placeholders.hpp).
  std::string_view placeholders;
  std::unique_ptr<Check> (*make)(Params& params);
};

// The registry of check kinds (checks/registry.cpp): an explicit list, no static-init magic.
const std::vector<CheckKind>& check_kinds();
const CheckKind* find_check_kind(std::string_view name);

// Shared helpers for checks.
std::string scalar_text(const rapidjson::Value& v, std::size_t max_chars = 80);  // for {value}
bool is_blank_string(const rapidjson::Value& v);  // a string of only whitespace, or ""
// An integer, also when written as a real with no fraction (1e2, 100.0), as JSON Schema reads
// numbers: nullopt for anything else, or past int64.
std::optional<std::int64_t> whole_number(const rapidjson::Value& v);
// A member is there; with `non_empty`, null, blank strings and empty arrays/objects count as absent.
bool is_present(const rapidjson::Value* v, bool non_empty);
// Whether any of `members` (relative pointers from the node) is present and not empty: a
// rule's "unless" or "ifPresent" list.
bool any_present(const std::vector<RelPointer>& members, const Path& path);
// A number with no fraction, however written (7, 7.0, 7e0): an "integer" as JSON Schema
// (draft 6 on) reads one. Python's json writes a computed count as 10.0.
bool is_integer(const rapidjson::Value& v);
// "null", "boolean", "object", "array", "string", "integer" (is_integer()) or "number".
std::string_view json_type_name(const rapidjson::Value& v);
// The same with an article, for messages: "an object", "a string", "null".
std::string json_type_words(std::string_view type_name);
// Empty when `t` is a JSON type name json_type_name() gives (or "number"), else the problem.
std::string json_type_problem(std::string_view t);

}  // namespace wxlint
