#include "snapshot/keys.hpp"

#include "formats/formats.hpp"
#include "formats/ascii.hpp"
#include "formats/numbering_plan.hpp"

namespace wxlint::snapshot {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii::to_lower(c);
  return out;
}

}  // namespace

std::optional<std::string_view> as_is(KeyType type, std::string_view value) {
  value = trim(value);
  switch (type) {
    case KeyType::text: return value;
    case KeyType::lower:
      for (const char c : value)
        if (ascii::is_upper(c)) return std::nullopt;
      return value;
    case KeyType::id: return std::nullopt;
    case KeyType::number: return formats::is_e164(value) ? std::optional(value) : std::nullopt;
  }
  return std::nullopt;
}

std::string normalise(KeyType type, std::string_view value, std::string_view region) {
  if (const std::optional<std::string_view> same = as_is(type, value)) return std::string(*same);
  value = trim(value);
  switch (type) {
    case KeyType::text: return std::string(value);  // as_is() took it
    case KeyType::lower: return lower(value);
    case KeyType::id: {
      std::string id;
      if (formats::webex_identity(value, id)) return id;
      return std::string(value);  // not an id: compared as text
    }
    case KeyType::number: {
      if (!region.empty() && !value.starts_with('+'))
        if (auto j = formats::plan::judge(value, region); j.verdict == formats::plan::Verdict::valid) return j.e164;
      if (auto e164 = formats::suggest_e164(value)) return *e164;
      return std::string(value);
    }
  }
  return std::string(value);
}

std::optional<std::string_view> id_form(std::string_view value) { return formats::webex_identity_cached(trim(value)); }

bool normal_form(KeyType type, std::string_view value, std::string& out) {
  if (type != KeyType::id) {
    out = normalise(type, value);
    return true;
  }
  if (const std::optional<std::string_view> id = id_form(value)) {
    out.assign(*id);
    return true;
  }
  out.assign(trim(value));
  return false;
}

}  // namespace wxlint::snapshot
