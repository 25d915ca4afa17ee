// A throwaway catalogue with one operation and the given rules, for testing check kinds
// and the rule loader in isolation.
#pragma once

#include <wxlint/linter.hpp>

#include <filesystem>
#include <fstream>
#include <string>

namespace test_support {

class RuleFixture {
 public:
  // `rules_json`: the JSON array of rules; `settings_json`: the settings object.
  explicit RuleFixture(const std::string& rules_json, const std::string& settings_json = "{}",
                       const std::string& schema_json = "") {
    static int counter = 0;
    dir_ = std::filesystem::temp_directory_path() /
           ("wxlint-fixture-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir_ / "rules");
    std::filesystem::create_directories(dir_ / "schemas");
    std::string op = R"({"id": "testOp", "method": "POST", "path": "/test", "detect": ["items"])";
    if (!schema_json.empty()) {
      std::ofstream(dir_ / "schemas" / "test.schema.json") << schema_json;
      op += R"(, "schema": "test.schema.json")";
    }
    op += "}";
    std::ofstream(dir_ / "rules" / "test.rules.json")
        << R"({"operation": )" << op << R"(, "settings": )" << settings_json << R"(, "rules": )" << rules_json << "}";
  }
  ~RuleFixture() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  wxlint::Linter linter(const wxlint::LinterOptions& o = {}) const { return wxlint::Linter::from_directory(dir_.string(), o); }
  std::filesystem::path dir() const { return dir_; }
  // How wxlint names one of the fixture's files in a message: where it was read from.
  std::string shown(const std::string& file) const { return (dir_ / file).lexically_normal().string(); }

 private:
  std::filesystem::path dir_;
};

// One rule as JSON, with the documentation members filled in.
inline std::string rule(const std::string& id, const std::string& check, const std::string& at,
                        const std::string& params, const std::string& message = "{value}",
                        const std::string& extra = "") {
  return R"({"id": ")" + id + R"(", "code": "T-)" + id + R"(", "severity": "error", "check": ")" + check +
         R"(", "at": ")" + at + R"(", "params": )" + params + R"(, "message": ")" + message +
         R"(", "summary": "s", "description": "d")" + extra + "}";
}

}  // namespace test_support
