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

// Whether the space-separated `words` hold `word`.
bool has_word(std::string_view words, std::string_view word) {
  for (std::size_t at = 0, end; at < words.size(); at = end + 1) {
    end = std::min(words.find(' ', at), words.size());
    if (words.substr(at, end - at) == word) return true;
  }
  return false;
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
  for (const std::string_view name : placeholders_in(message)) {
    if (name == "value" || name == "pointer" || name == "other" || has_word(kind.placeholders, name)) continue;
    // Rare: the names the rule's parameters add (a snapshot row's columns), then the error.
    const std::vector<std::string> added = check.placeholders();
    if (std::find(added.begin(), added.end(), name) != added.end()) continue;
    std::vector<std::string> known{"value", "pointer", "other"};
    for (std::size_t at = 0, end; at < kind.placeholders.size(); at = end + 1) {
      end = std::min(kind.placeholders.find(' ', at), kind.placeholders.size());
      known.emplace_back(kind.placeholders.substr(at, end - at));
    }
    known.insert(known.end(), added.begin(), added.end());
    std::string list;
    for (const std::string& k : known) list += (list.empty() ? "{" : ", {") + k + "}";
    const auto near = formats::did_you_mean(name, known);
    file.fail(pointer, "unknown placeholder {" + std::string(name) + "}" +
                           (near ? "; did you mean {" + *near + "}?" : "") + " (a " + std::string(kind.name) +
                           " rule's message can use " + list + ")");
  }
}

}  // namespace wxlint
