// A rule's message is checked against the placeholders its check fills, when the rule loads:
// a typo ({valeu}) would otherwise print as it is in every finding.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace wxlint {

class Check;
struct CheckKind;
struct DataFile;

// The names a message template uses: each {name} that render() would fill if it were given,
// that is an identifier (letters, digits, '_' and '.'); other braces are text.
std::vector<std::string_view> placeholders_in(std::string_view message);

// Fails at `pointer` of `file` (the rule's /message) on a placeholder neither the kind nor the
// check's parameters fill, naming the nearest and the ones there are.
void check_placeholders(const DataFile& file, const std::string& pointer, std::string_view message,
                        const CheckKind& kind, const Check& check);

}  // namespace wxlint
