#include "engine/placeholders.hpp"

#include "engine/check.hpp"
#include "engine/data_file.hpp"
#include "formats/formats.hpp"

#include <algorithm>

namespace wxlint {
namespace {

bool is_name(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
  });
}

}  // namespace

std::vector<std::string_view> placeholders_in(std::string_view message) {
  std::vector<std::string_view> names;
  // As render() reads it: a '{' and the first '}' after it.
  for (std::size_t open = message.find('{'); open != std::string_view::npos; open = message.find('{', open + 1)) {
    const std::size_t close = message.find('}', open);
    if (close == std::string_view::npos) break;
    if (const std::string_view name = message.substr(open + 1, close - open - 1); is_name(name)) names.push_back(name);
  }
  return names;
}

void check_placeholders(const DataFile& file, const std::string& pointer, std::string_view message,
                        const CheckKind& kind, const Check& check) {
  std::vector<std::string> known{"value", "pointer", "other"};
  for (std::size_t at = 0; at < kind.placeholders.size();) {
    const std::size_t end = std::min(kind.placeholders.find(' ', at), kind.placeholders.size());
    known.emplace_back(kind.placeholders.substr(at, end - at));
    at = end + 1;
  }
  for (std::string& name : check.placeholders()) known.push_back(std::move(name));
  for (const std::string_view name : placeholders_in(message)) {
    if (std::find(known.begin(), known.end(), name) != known.end()) continue;
    std::string list;
    for (const std::string& k : known) list += (list.empty() ? "{" : ", {") + k + "}";
    const auto near = formats::did_you_mean(name, known);
    file.fail(pointer, "unknown placeholder {" + std::string(name) + "}" +
                           (near ? "; did you mean {" + *near + "}?" : "") + " (a " + std::string(kind.name) +
                           " rule's message can use " + list + ")");
  }
}

}  // namespace wxlint
