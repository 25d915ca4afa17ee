// How snapshot and payload values are made comparable: one normal form per key type.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace wxlint::snapshot {

enum class KeyType {
  text,    // as is, trimmed
  id,      // a Webex id: its decoded TYPE/id, so padded, unpadded and urlsafe forms match
  number,  // a phone number: E.164 when it can be derived ("+1 408 526 7209" -> "+14085267209")
  lower,   // ASCII case-insensitive (emails, raw UUIDs)
};

// `region` ("GB"): a number not starting with + is read in that region's numbering plan
// first, and becomes its E.164 form when the plan finds it valid there.
std::string normalise(KeyType type, std::string_view value, std::string_view region = {});
// The value trimmed, when that is its normal form (an extension, an E.164 number, a
// lower-case email; never an id): nothing to make.
std::optional<std::string_view> as_is(KeyType type, std::string_view value);
// out = normalise(type, value), and whether the value can be compared as this type: an id must
// decode (a malformed id is its own finding, and looking it up would only repeat it).
bool normal_form(KeyType type, std::string_view value, std::string& out);
// An id's normal form, when it decodes, without a copy: valid until this thread decodes
// another id (formats::webex_identity_cached).
std::optional<std::string_view> id_form(std::string_view value);

}  // namespace wxlint::snapshot
