// reference: a value that names another part of the same request must name one that is
// there. A SCIM bulk operation's path "/Users/bulkId:qwerty" (and a group's member value
// "bulkId:qwerty") names the resource another operation of the request creates: its bulkId
// must be one of theirs (RFC 7644, 3.7.2). "targets" is the pattern of the named values, from
// the request root; "prefix" marks a reference within the value, which runs to the next '/'.
#include "checks/kinds.hpp"

#include <optional>
#include <string_view>
#include <unordered_set>

namespace wxlint::checks {
namespace {

// The targets' values, gathered once a lint from the root: the same for every node.
struct Targets final : CheckState {
  std::optional<std::unordered_set<std::string_view>> values;  // the DOM's strings
};

class Reference final : public Check {
 public:
  explicit Reference(Params& p) : prefix_(p.opt_str("prefix").value_or("")) {
    const std::optional<Pattern> targets = p.opt_pattern("targets");
    if (!targets) p.fail("targets", "a reference needs \"targets\": the pattern of the values it names");
    targets_ = targets->tokens;
  }

  std::unique_ptr<CheckState> start() const override { return std::make_unique<Targets>(); }

  void visit(const Path& path, CheckState* state, Emitter& out) const override {
    const rapidjson::Value& v = path.node();
    if (!v.IsString()) return;  // the schema reports the type
    std::string_view name(v.GetString(), v.GetStringLength());
    if (prefix_.empty()) {
      if (name.empty()) return;  // nothing named: the rules on the value's form say so
    } else {
      const std::size_t at = name.find(prefix_);
      if (at == std::string_view::npos) return;  // no reference here
      name = name.substr(at + prefix_.size());
      name = name.substr(0, name.find('/'));  // "bulkId:" alone names nothing there is
    }
    if (!values(path, *static_cast<Targets*>(state)).contains(name))
      out.emit(path).arg("reference", std::string(name));
  }

 private:
  const std::unordered_set<std::string_view>& values(const Path& at, Targets& state) const {
    if (!state.values) {
      state.values.emplace();
      Path root(*at.step(0).value);
      for_each_match(root, targets_, 0, [&](const Path& p) {
        if (p.node().IsString()) state.values->emplace(p.node().GetString(), p.node().GetStringLength());
      });
    }
    return *state.values;
  }

  std::vector<std::string> targets_;
  std::string prefix_;
};

}  // namespace

std::unique_ptr<Check> make_reference(Params& p) { return std::make_unique<Reference>(p); }

}  // namespace wxlint::checks
