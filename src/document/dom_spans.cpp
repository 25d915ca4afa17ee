#include "document/dom_spans.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

#include "document/json_pointer.hpp"
#include "document/json_text.hpp"

namespace wxlint::detail {
namespace {

constexpr std::size_t kUnknown = SIZE_MAX;
// Objects up to this many members are searched in order; wider ones through their index.
constexpr rapidjson::SizeType kNarrow = 16;
using Value = rapidjson::Value;

std::string_view name_of(const Value::Member& m) { return {m.name.GetString(), m.name.GetStringLength()}; }

class TextSpans {
 public:
  explicit TextSpans(std::string_view text) : t_(text) {}

  // The offset of a string's first byte when the DOM points into the text.
  std::size_t in_text(const Value& s) const {
    const auto p = reinterpret_cast<std::uintptr_t>(s.GetString());
    const auto b = reinterpret_cast<std::uintptr_t>(t_.data());
    return p > b && p - b + s.GetStringLength() < t_.size() ? p - b : kUnknown;
  }

  // Where a member's value begins: past its key, the colon and whitespace.
  std::size_t value_begin(const Value::Member& m) const {
    const std::size_t k = in_text(m.name);
    if (k == kUnknown) return kUnknown;
    const std::size_t colon = skip_ws(k + m.name.GetStringLength() + 1);
    return colon < t_.size() && t_[colon] == ':' ? skip_ws(colon + 1) : kUnknown;
  }

  // Where v begins, from v alone: a string's quote, or the bracket before a
  // container's first member or element.
  std::size_t begin_of(const Value& v) const {
    std::size_t first = kUnknown;
    if (v.IsString()) {
      const std::size_t s = in_text(v);
      return s == kUnknown ? kUnknown : s - 1;
    }
    if (v.IsObject() && v.MemberCount() > 0) {
      first = in_text(v.MemberBegin()->name);
      if (first != kUnknown) --first;  // the key's quote
    } else if (v.IsArray() && !v.Empty()) {
      first = begin_of(v[0]);
    }
    if (first == kUnknown) return kUnknown;
    const std::size_t b = back_ws(first);
    return b > 0 && t_[b - 1] == (v.IsObject() ? '{' : '[') ? b - 1 : kUnknown;
  }

  // Just past v, which begins at `begin` (kUnknown if not known).
  std::size_t end_of(const Value& v, std::size_t begin) const {
    if (v.IsString()) {
      const std::size_t s = in_text(v);
      return s == kUnknown ? kUnknown : s + v.GetStringLength() + 1;
    }
    if (v.IsObject()) {
      if (v.MemberCount() == 0) return closing(begin == kUnknown ? kUnknown : begin + 1, '}');
      const Value::Member& last = *(v.MemberEnd() - 1);
      const std::size_t b = value_begin(last);
      return closing(b == kUnknown ? kUnknown : end_of(last.value, b), '}');
    }
    if (v.IsArray()) {
      if (v.Empty()) return closing(begin == kUnknown ? kUnknown : begin + 1, ']');
      const rapidjson::SizeType n = v.Size();
      const std::size_t b = element_begin(v, n - 1, begin);
      return closing(b == kUnknown ? kUnknown : end_of(v[n - 1], b), ']');
    }
    if (begin == kUnknown) return kUnknown;
    std::size_t p = begin;  // a number or literal
    while (p < t_.size() && !is_json_ws(t_[p]) && t_[p] != ',' && t_[p] != ']' && t_[p] != '}') ++p;
    return p;
  }

  // Where element i of array a begins; the first one also from the array's begin.
  std::size_t element_begin(const Value& a, rapidjson::SizeType i, std::size_t array_begin) const {
    const std::size_t b = begin_of(a[i]);
    if (b != kUnknown || i != 0 || array_begin == kUnknown) return b;
    return skip_ws(array_begin + 1);
  }

 private:
  std::size_t skip_ws(std::size_t p) const {
    while (p < t_.size() && is_json_ws(t_[p])) ++p;
    return p;
  }
  std::size_t back_ws(std::size_t p) const {
    while (p > 0 && is_json_ws(t_[p - 1])) --p;
    return p;
  }
  // Just past the bracket c that follows p after whitespace.
  std::size_t closing(std::size_t p, char c) const {
    if (p == kUnknown) return kUnknown;
    p = skip_ws(p);
    return p < t_.size() && t_[p] == c ? p + 1 : kUnknown;
  }

  std::string_view t_;
};

}  // namespace

const Value::Member* DomSpans::member(const Value& object, std::string_view name) {
  const rapidjson::SizeType n = object.MemberCount();
  if (n == 0) return nullptr;  // an empty object has no member to take the address of
  const Value::Member* first = &*object.MemberBegin();
  if (n <= kNarrow) {
    for (rapidjson::SizeType i = 0; i < n; ++i)
      if (name_of(first[i]) == name) return first + i;
    return nullptr;
  }
  // Sorted by name, then position: the first of repeated keys comes first, as in the skim.
  // A sort, not a hash table: no choice of keys can make it slow.
  auto [it, fresh] = by_name_.try_emplace(&object);
  std::vector<std::uint32_t>& order = it->second;
  if (fresh) {
    order.resize(n);
    for (rapidjson::SizeType i = 0; i < n; ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      const int c = name_of(first[a]).compare(name_of(first[b]));
      return c < 0 || (c == 0 && a < b);
    });
  }
  const auto at = std::lower_bound(order.begin(), order.end(), name,
                                   [&](std::uint32_t i, std::string_view key) { return name_of(first[i]) < key; });
  return at != order.end() && name_of(first[*at]) == name ? first + *at : nullptr;
}

bool DomSpans::span(std::string_view pointer, Span& out) {
  if (!pointer::is_valid(pointer)) return false;
  const TextSpans d(text_);
  const Value* v = &root_;
  std::size_t begin = kUnknown, key_begin = SIZE_MAX;
  bool found = true;
  pointer::each_token(pointer, 0, plain_, [&](std::string_view token, std::size_t) {
    if (!found) return;
    if (v->IsObject()) {
      const Value::Member* m = member(*v, token);
      const std::size_t k = m ? d.in_text(m->name) : kUnknown;
      if (k == kUnknown) {
        found = false;
        return;
      }
      key_begin = k - 1;
      begin = d.value_begin(*m);
      v = &m->value;
    } else if (std::size_t i = 0; v->IsArray() && pointer::parse_index(token, i) && i < v->Size()) {
      key_begin = SIZE_MAX;
      begin = d.element_begin(*v, static_cast<rapidjson::SizeType>(i), begin);
      v = &(*v)[static_cast<rapidjson::SizeType>(i)];
    } else {
      found = false;
    }
  });
  if (!found) return false;
  if (begin == kUnknown) begin = d.begin_of(*v);
  const std::size_t end = begin == kUnknown ? kUnknown : d.end_of(*v, begin);
  if (end == kUnknown) return false;
  out = Span{true, begin, end, key_begin};
  return true;
}

bool DomSpans::span_of(const Value& v, Span& out) const {
  const TextSpans d(text_);
  const std::size_t begin = d.begin_of(v);
  const std::size_t end = begin == kUnknown ? kUnknown : d.end_of(v, begin);
  if (end == kUnknown) return false;
  out = Span{true, begin, end, SIZE_MAX};
  return true;
}

}  // namespace wxlint::detail
