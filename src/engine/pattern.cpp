#include "engine/pattern.hpp"

#include "document/json_pointer.hpp"
#include "engine/path.hpp"

#include <charconv>

namespace wxlint {

std::optional<Pattern> Pattern::parse(std::string_view text) {
  auto tokens = pointer::split(text);
  if (!tokens) return std::nullopt;
  Pattern p;
  p.text = std::string(text);
  p.tokens = std::move(*tokens);
  return p;
}

std::optional<RelPointer> RelPointer::parse(std::string_view text) {
  RelPointer r;
  r.text = std::string(text);
  std::size_t i = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  if (i > 0) {
    if (text[0] == '0' && i > 1) return std::nullopt;  // no leading zeros
    auto [p, ec] = std::from_chars(text.data(), text.data() + i, r.up);
    if (ec != std::errc()) return std::nullopt;
  }
  auto tokens = pointer::split(text.substr(i));
  if (!tokens) return std::nullopt;
  r.tokens = std::move(*tokens);
  return r;
}

const rapidjson::Value* array_child(const rapidjson::Value& v, std::string_view token) {
  std::size_t i = 0;
  auto [p, ec] = std::from_chars(token.data(), token.data() + token.size(), i);
  if (ec != std::errc() || p != token.data() + token.size() || token.empty()) return nullptr;
  if (token.size() > 1 && token[0] == '0') return nullptr;
  return i < v.Size() ? &v[static_cast<rapidjson::SizeType>(i)] : nullptr;
}

const rapidjson::Value* RelPointer::resolve(const Path& path) const {
  if (up > path.depth()) return nullptr;
  const rapidjson::Value* v = path.step(path.depth() - up).value;
  for (const auto& t : tokens) {
    v = child(*v, t);
    if (!v) return nullptr;
  }
  return v;
}

std::string RelPointer::pointer(const Path& path) const {
  std::string out = path.pointer(up);
  for (const auto& t : tokens) pointer::append_key(out, t);
  return out;
}

std::string Path::pointer(std::size_t up) const {
  std::string out;
  const std::size_t last = steps_.size() - 1 - (up < steps_.size() ? up : steps_.size() - 1);
  for (std::size_t i = 1; i <= last; ++i) {
    if (steps_[i].is_key)
      pointer::append_key(out, steps_[i].key);
    else
      pointer::append_index(out, steps_[i].index);
  }
  return out;
}

std::string Path::last_token() const {
  const Step& s = steps_.back();
  if (steps_.size() == 1) return {};
  return s.is_key ? std::string(s.key) : std::to_string(s.index);
}

}  // namespace wxlint
