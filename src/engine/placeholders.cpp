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

// Calls f with each of the space-separated `words` until it returns true; whether it did.
template <class F>
bool any_word(std::string_view words, F&& f) {
  for (std::size_t at = 0, end; at < words.size(); at = end + 1) {
    end = std::min(words.find(' ', at), words.size());
    if (f(words.substr(at, end - at))) return true;
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
  static constexpr std::string_view kEvery = "value pointer other";  // every finding fills them
  for (const std::string_view name : placeholders_in(message)) {
    const auto same = [&](std::string_view w) { return w == name; };
    if (any_word(kEvery, same)) continue;
    const std::vector<std::string> added = check.placeholders();  // a snapshot row's columns
    if (any_word(kind.placeholders, same) || std::find(added.begin(), added.end(), name) != added.end()) {
      for (const auto& [unfilled, why] : check.unfilled())
        if (unfilled == name)
          file.fail(pointer, "placeholder {" + std::string(name) + "} is never filled by this rule: " + std::string(why) +
                                 "; it would show as it is in every finding");
      continue;
    }
    std::vector<std::string> known;
    const auto keep = [&](std::string_view w) { return known.emplace_back(w), false; };
    any_word(kEvery, keep), any_word(kind.placeholders, keep);
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
