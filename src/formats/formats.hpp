// Format primitives used by the rule checks: pure, total (never throw), linear time, no regex.
// Reasons returned as strings are short sentence fragments meant to follow the value's name,
// e.g. "'email' " + "has no '@'". Positions in them are 1-based.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wxlint::formats {

// Digits only, non-empty.
bool is_digits(std::string_view s);

// Number of UTF-8 code points (invalid bytes count as one each).
std::size_t utf8_length(std::string_view s);
// s, or its first max_chars code points and "..." when it is longer: a message quotes a
// value whatever its length, in bounded space.
std::string clipped(std::string_view s, std::size_t max_chars);
// s in its terminal display form (display.hpp: controls as \n, \t, \r, \x1b; bytes that are
// not UTF-8 as \xNN): a file name in a message on stderr, where a line break in it would
// start a line that seems wxlint's own.
std::string printable(std::string_view s);

// s with each %XX decoded (a URI's path segment, a $ref's pointer token); nullopt when a '%'
// is not followed by two hex digits.
std::optional<std::string> percent_decoded(std::string_view s);

// Well-formed UTF-8 (no overlong forms, surrogates or code points above U+10FFFF).
bool is_valid_utf8(std::string_view s);

// E.164 as the Webex move-users API wants it: '+', first digit 1-9, 2..15 digits in all, nothing else.
bool is_e164(std::string_view s);

// The E.164 form of a loosely formatted number when it can be derived honestly, else nullopt
// (also nullopt when s already is E.164).
std::optional<std::string> suggest_e164(std::string_view s);

// Base64 with either alphabet ('+/' or '-_', even mixed), padding optional but exact if present.
std::optional<std::string> base64_decode(std::string_view s);

// Room base64_decode_into needs for an input of n characters (a bound, not the exact size).
constexpr std::size_t base64_decoded_capacity(std::size_t n) { return n / 4 * 3 + 2; }

// base64_decode without allocating: writes into out (base64_decoded_capacity(s.size()) bytes)
// and returns the number of bytes decoded, else nullopt.
std::optional<std::size_t> base64_decode_into(std::string_view s, char* out);

// Why base64_decode(s) fails, e.g. "unexpected character '!' at position 12"; nullopt when it succeeds.
std::optional<std::string> base64_problem(std::string_view s);

// A Webex public id: base64 of "ciscospark://<cluster>/<TYPE>/<id>".
struct WebexId {
  std::string cluster, type, id;
};

struct WebexIdResult {
  std::optional<WebexId> id;  // set when well formed
  std::string problem;        // when not: e.g. "does not decode to a ciscospark:// URI"
};

WebexIdResult decode_webex_id(std::string_view s);

// The parts of a well formed Webex id, viewing into a WebexIdScratch.
struct WebexIdView {
  std::string_view cluster, type, id;
};

// Where decode_webex_view decodes: in place for ids of usual length (~60 bytes decoded), on
// the heap only for unusually long ones.
struct WebexIdScratch {
  std::array<char, 192> inline_bytes;  // left uninitialised: only written bytes are read
  std::string overflow;
};

// decode_webex_id for hot paths: nothing is allocated for ids that fit the scratch. The parts
// when s is well formed (exactly when decode_webex_id(s).id is set), else nullopt, and
// decode_webex_id(s).problem says why.
std::optional<WebexIdView> decode_webex_view(std::string_view s, WebexIdScratch& scratch);
// The same, the last id decoded kept per thread (by its text) and shared with webex_identity():
// the rules at one place decode it once. The view is valid until this thread's next call with
// another id.
const std::optional<WebexIdView>& decode_webex_view_cached(std::string_view s);

// The resource type a Webex id names, with aliases folded: Cisco's own examples for people
// use PERSON ids where the API names PEOPLE, and both address the same person.
std::string_view canonical_id_type(std::string_view type);

// What a Webex id identifies, "TYPE/id" (the cluster left out, the type canonical, a UUID in
// lower case), so that padded, unpadded and urlsafe spellings of one id compare equal. Written
// to out (its buffer reused: hot paths call it per value); false, out untouched, when s is not
// a well formed id.
bool webex_identity(std::string_view s, std::string& out);
// The same for the last id decoded (decode_webex_view_cached), made once: valid until this
// thread's next call with another id.
std::optional<std::string_view> webex_identity_cached(std::string_view s);

// 8-4-4-4-12 hex digits, either case.
bool is_uuid(std::string_view s);

// nullopt when s is a plausible email address, else a short reason ("has no '@'").
std::optional<std::string> email_problem(std::string_view s);

// nullopt when s is "user@host" or a sip:/sips: URI, else a short reason ("has no host").
std::optional<std::string> sip_problem(std::string_view s);

// Dotted-quad IPv4 (no leading zeros), and IPv6 text (RFC 4291, "::" and embedded IPv4, no zone).
bool is_ipv4(std::string_view s);
bool is_ipv6(std::string_view s);

enum class UrlKind { https, http, invalid };

// Absolute http(s) URL, scheme case-insensitive, non-empty host, no whitespace/control characters.
UrlKind classify_url(std::string_view s);

// The candidate equal to s ignoring ASCII case, else the closest one by Damerau-Levenshtein
// distance (ASCII case-insensitive, bytes) when that is <= max(1, len/3); ties go to the earlier
// candidate. Only the first 64 bytes of s are compared; any excess counts as distance.
std::optional<std::string> did_you_mean(std::string_view s, const std::vector<std::string>& candidates);

namespace detail {
// "'x'" for a printable ASCII byte, "byte 0x1F" otherwise.
std::string describe_byte(unsigned char c);
// "'é'" for the valid UTF-8 character starting at s[i], else describe_byte(s[i]). i < s.size().
std::string describe_char_at(std::string_view s, std::size_t i);
// s cut to at most max_chars code points (never inside a UTF-8 sequence), "..." appended if cut.
std::string excerpt(std::string_view s, std::size_t max_chars);
// Length of the UTF-8 sequence at s[i] if it is valid, else 0. i < s.size().
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);
// Code point of the valid UTF-8 sequence of length n (1 to 4) at s[i].
unsigned decode_at(std::string_view s, std::size_t i, std::size_t n);
// Length of a Unicode space or zero-width character (NBSP, U+2000..U+200B, U+3000...) at s[i], else 0.
std::size_t unicode_space_length(std::string_view s, std::size_t i);
// Reason for the first whitespace or control character in s ("has a space", "has a tab"...), if any.
std::optional<std::string> whitespace_problem(std::string_view s);
}  // namespace detail

}  // namespace wxlint::formats
