// How two Documents of the same text differ: parse outcome, issues, the DOM down to
// each number's stored type, and where locate() places each value. Empty when they are
// the same. Shared by the unit tests and the differential fuzzer (fast reader and DOM
// spans against RapidJSON's reader and the skim).
#pragma once

#include <cstring>
#include <string>
#include <string_view>

#include <vector>

#include "document/document.hpp"
#include "document/json_pointer.hpp"

namespace wxlint::testing {

inline std::string value_diff(const rapidjson::Value& a, const rapidjson::Value& b, const std::string& at) {
  auto differ = [&](const char* what) { return std::string(what) + " differs at '" + at + "'"; };
  if (a.GetType() != b.GetType()) return differ("type");
  if (a.IsNumber()) {
    if (a.IsInt() != b.IsInt() || a.IsUint() != b.IsUint() || a.IsInt64() != b.IsInt64() ||
        a.IsUint64() != b.IsUint64() || a.IsDouble() != b.IsDouble())
      return differ("number type");
    if (a.IsDouble()) {
      const double x = a.GetDouble(), y = b.GetDouble();
      if (std::memcmp(&x, &y, sizeof x) != 0) return differ("double");
    } else if (a.IsUint64() ? a.GetUint64() != b.GetUint64() : a.GetInt64() != b.GetInt64()) {
      return differ("integer");
    }
  } else if (a.IsString()) {
    if (std::string_view(a.GetString(), a.GetStringLength()) != std::string_view(b.GetString(), b.GetStringLength()))
      return differ("string");
  } else if (a.IsBool()) {
    if (a.GetBool() != b.GetBool()) return differ("bool");
  } else if (a.IsArray()) {
    if (a.Size() != b.Size()) return differ("array size");
    for (rapidjson::SizeType i = 0; i < a.Size(); ++i) {
      std::string d = value_diff(a[i], b[i], at + "/" + std::to_string(i));
      if (!d.empty()) return d;
    }
  } else if (a.IsObject()) {
    if (a.MemberCount() != b.MemberCount()) return differ("member count");
    for (auto x = a.MemberBegin(), y = b.MemberBegin(); x != a.MemberEnd(); ++x, ++y) {
      const std::string_view kx(x->name.GetString(), x->name.GetStringLength());
      if (kx != std::string_view(y->name.GetString(), y->name.GetStringLength())) return differ("key");
      std::string d = value_diff(x->value, y->value, at + "/" + std::string(kx));
      if (!d.empty()) return d;
    }
  }
  return {};
}

inline std::string document_diff(const Document& a, const Document& b) {
  if (a.parsed() != b.parsed()) return "parsed() differs";
  if (a.issues().size() != b.issues().size()) return "issue count differs";
  for (std::size_t i = 0; i < a.issues().size(); ++i) {
    const ParseIssue &x = a.issues()[i], &y = b.issues()[i];
    if (x.kind != y.kind || x.offset != y.offset || x.pointer != y.pointer || x.message != y.message)
      return "issue " + std::to_string(i) + " differs: '" + x.message + "' at " + std::to_string(x.offset) +
             " against '" + y.message + "' at " + std::to_string(y.offset);
  }
  return a.parsed() ? value_diff(a.root(), b.root(), "") : std::string();
}

// The pointer of every value in v, then of a missing member or element of each
// container; at most `limit` of them.
inline void all_pointers(const rapidjson::Value& v, const std::string& at, std::vector<std::string>& out,
                         std::size_t limit = SIZE_MAX) {
  if (out.size() >= limit) return;
  out.push_back(at);
  if (v.IsObject()) {
    for (const auto& m : v.GetObject()) {
      std::string p = at;
      pointer::append_key(p, {m.name.GetString(), m.name.GetStringLength()});
      all_pointers(m.value, p, out, limit);
    }
    out.push_back(at + "/no such member");
  } else if (v.IsArray()) {
    for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
      std::string p = at;
      pointer::append_index(p, i);
      all_pointers(v[i], p, out, limit);
    }
    out.push_back(at + "/" + std::to_string(v.Size()));
    out.push_back(at + "/-");
  }
}

// Where a and b (two parsed Documents of one text) place each of a's values.
inline std::string span_diff(const Document& a, const Document& b, std::size_t limit = SIZE_MAX) {
  std::vector<std::string> pointers;
  all_pointers(a.root(), "", pointers, limit);
  const std::vector<Span> x = a.locate(pointers), y = b.locate(pointers);
  for (std::size_t i = 0; i < pointers.size(); ++i)
    if (x[i].found != y[i].found || x[i].begin != y[i].begin || x[i].end != y[i].end || x[i].key_begin != y[i].key_begin)
      return "span of '" + pointers[i] + "' differs: " + std::to_string(x[i].begin) + "-" + std::to_string(x[i].end) +
             " against " + std::to_string(y[i].begin) + "-" + std::to_string(y[i].end);
  return {};
}

}  // namespace wxlint::testing
