// Diagnostics and per-file reports: the data every output format and the C ABI are built from.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wxlint {

// Ordered so that a threshold compares with >=.
enum class Severity : int { info = 0, warning = 1, error = 2 };

std::string_view to_string(Severity s) noexcept;
std::optional<Severity> parse_severity(std::string_view s) noexcept;

// A place in a file: JSON Pointer plus 1-based line/column (columns count characters).
struct Location {
  std::string pointer;
  std::uint32_t line = 0, column = 0;
  std::uint32_t end_line = 0, end_column = 0;  // column just after the value
};

// One edit of a fix: the bytes [offset, offset + length) of the linted file become `text`.
struct Edit {
  std::size_t offset = 0, length = 0;
  std::string text;
};

// How a finding can be fixed in the text. Safe: keeps the payload's meaning (a value in
// the case the API expects); unsafe: a guess or a removal that someone should review.
struct Fix {
  bool safe = true;
  std::string message;      // "Replace \"WORK\" with \"work\"."
  std::vector<Edit> edits;  // sorted, not overlapping; applied all together or not at all
};

struct Diagnostic {
  std::string code;      // the API's own code where it has one ("1026016"), else wxlint's ("WX2001")
  Severity severity = Severity::error;
  std::string rule;      // rule id, e.g. "move-users/number-or-extension"
  Location location;
  std::string message;
  std::vector<Location> related;  // e.g. the first occurrence of a duplicate
  // Not 0: this diagnostic sums up that many findings of its rule that are not listed one
  // by one (a file lists at most maxFindingsPerRule of each rule); it is at the first of them.
  std::size_t unlisted = 0;
  std::optional<Fix> fix;  // offered when the rule opted in to a fix (rule file: "fix")
  // The pointer with each array index replaced by the identity of the item there
  // ("/usersList/[locationId=...]/users/[userId=...]/extension"): baselines and fingerprints
  // use it, so inserting or reordering items keeps a finding's identity.
  std::string key;
};

struct FileReport {
  std::string path;       // as given by the caller (display name)
  std::string operation;  // operationId linted against; empty when none was recognised
  std::vector<Diagnostic> diagnostics;  // sorted by line, column, code

  // Findings of a severity, those a diagnostic sums up (unlisted) included.
  std::size_t count(Severity s) const noexcept;
};

}  // namespace wxlint
