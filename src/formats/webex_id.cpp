// Webex public ids: base64 of "ciscospark://<cluster>/<TYPE>/<id>".
#include "formats/formats.hpp"

#include "formats/ascii.hpp"

#include <cstdint>
#include <cstring>

namespace wxlint::formats {

namespace {

constexpr std::string_view kScheme = "ciscospark://";

// Character classes by table: one lookup per character on the hot path.
enum CharClass : unsigned char { kClusterChar = 1, kTypeChar = 2 };

constexpr std::array<unsigned char, 256> make_classes() {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    const bool alnum = ascii::is_alnum(static_cast<char>(c));
    // Clusters seen: "us", "eu", "urn:TEAM:us-east-2_a".
    if (alnum || c == ':' || c == '-' || c == '_' || c == '.') t[c] |= kClusterChar;
    if (alnum || c == '_') t[c] |= kTypeChar;
  }
  return t;
}

constexpr auto kClasses = make_classes();

// Length of the run of characters of class cls that s starts with.
std::size_t run_of(std::string_view s, CharClass cls) {
  std::size_t i = 0;
  while (i < s.size() && (kClasses[static_cast<unsigned char>(s[i])] & cls) != 0) ++i;
  return i;
}

bool all_of(std::string_view s, CharClass cls) { return run_of(s, cls) == s.size(); }

WebexIdResult fail(std::string problem) {
  WebexIdResult r;
  r.problem = std::move(problem);
  return r;
}

// The decoded bytes, in the scratch's inline buffer when they fit; nullopt when s is not base64.
std::optional<std::string_view> decode_into(std::string_view s, WebexIdScratch& scratch) {
  const std::size_t capacity = base64_decoded_capacity(s.size());
  char* out = scratch.inline_bytes.data();
  if (capacity > scratch.inline_bytes.size()) {
    scratch.overflow.resize(capacity);
    out = scratch.overflow.data();
  }
  const std::optional<std::size_t> n = base64_decode_into(s, out);
  if (!n) return std::nullopt;
  return std::string_view(out, *n);
}

// Every byte of s is printable and not a space (0x21..0x7E). Eight bytes at a time, the last
// word overlapping, so that there is no branchy tail; s has at least 8 bytes.
bool all_graphic(std::string_view s) {
  constexpr std::uint64_t kOnes = 0x0101010101010101, kHigh = 0x8080808080808080;
  // Sets a byte's high bit when it is below 0x21, is 0x7F, or has it set already. Carries and
  // borrows start only at such a byte, so the lowest bad byte is always flagged, a good word never.
  const auto flags = [](std::uint64_t w) { return ((w - 0x21 * kOnes) & ~w) | (w + kOnes) | w; };
  const auto word_at = [&s](std::size_t i) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, sizeof w);
    return w;
  };
  std::uint64_t seen = flags(word_at(s.size() - 8));
  for (std::size_t i = 0; i + 8 <= s.size(); i += 8) seen |= flags(word_at(i));
  return (seen & kHigh) == 0;
}

// The parts of a decoded id when uri_problem finds no fault with it; no strings built, as
// nearly every id is well formed.
std::optional<WebexIdView> split_uri(std::string_view text) {
  if (text.size() <= kScheme.size() || std::memcmp(text.data(), kScheme.data(), kScheme.size()) != 0)
    return std::nullopt;
  if (!all_graphic(text)) return std::nullopt;
  // '/' is in neither class, so each run ends at the first '/' when everything before it is fine.
  const std::string_view rest(text.data() + kScheme.size(), text.size() - kScheme.size());
  const std::size_t slash1 = run_of(rest, kClusterChar);
  if (slash1 == 0 || slash1 == rest.size() || rest[slash1] != '/') return std::nullopt;
  const std::string_view after_cluster(rest.data() + slash1 + 1, rest.size() - slash1 - 1);
  const std::size_t slash2 = run_of(after_cluster, kTypeChar);
  if (slash2 == 0 || slash2 + 1 >= after_cluster.size() || after_cluster[slash2] != '/') return std::nullopt;
  return WebexIdView{std::string_view(rest.data(), slash1), std::string_view(after_cluster.data(), slash2),
                     std::string_view(after_cluster.data() + slash2 + 1, after_cluster.size() - slash2 - 1)};
}

// Why split_uri rejects the decoded text, checking in the order that best names the mistake.
std::string uri_problem(std::string_view text) {
  // Non-printable bytes first: they are the usual sign of a truncated or hand-edited id.
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c >= 0x7f)
      return "decodes to bytes that are not printable text (" + detail::describe_byte(c) + " at position " +
             std::to_string(i + 1) + ")";
  }
  if (text.substr(0, kScheme.size()) != kScheme) return "does not decode to a ciscospark:// URI";
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == ' ') return "decodes to a URI with a space (at position " + std::to_string(i + 1) + ")";

  const std::string_view rest = text.substr(kScheme.size());
  const std::size_t slash1 = rest.find('/');
  const std::string_view cluster = rest.substr(0, slash1);
  if (cluster.empty()) return "decodes to a URI with an empty cluster";
  if (const std::size_t ok = run_of(cluster, kClusterChar); ok < cluster.size())
    return "decodes to a URI whose cluster has an unexpected character " +
           detail::describe_byte(static_cast<unsigned char>(cluster[ok]));
  if (slash1 == std::string_view::npos) return "decodes to a URI with no resource type";

  const std::string_view after_cluster = rest.substr(slash1 + 1);
  const std::size_t slash2 = after_cluster.find('/');
  const std::string_view type = after_cluster.substr(0, slash2);
  if (type.empty()) return "decodes to a URI with no resource type";
  if (!all_of(type, kTypeChar))
    return "decodes to a URI with an invalid resource type '" + detail::excerpt(type, 40) + "'";
  // Only an empty id is left. The id itself may hold '/', '+', '=' (inner base64) or ':' (composite ids).
  return "decodes to a URI with an empty id";
}

}  // namespace

std::optional<WebexIdView> decode_webex_view(std::string_view s, WebexIdScratch& scratch) {
  const std::optional<std::string_view> text = decode_into(s, scratch);  // "" decodes to "": rejected
  return text ? split_uri(*text) : std::nullopt;
}

std::string_view canonical_id_type(std::string_view type) { return type == "PERSON" ? "PEOPLE" : type; }

namespace {

// The last id decoded on this thread, known by its text. The rules at one place ask for one id
// one after another (webex-id's two, unique, snapshot-lookup): a decode costs several hundred
// instructions, a comparison a few dozen.
struct LastId {
  std::string in;
  WebexIdScratch scratch;  // view points into it
  std::optional<WebexIdView> view;
  std::string identity;  // webex_identity(in), once asked for
  bool has_identity = false;
};

LastId& decoded(std::string_view s) {
  thread_local LastId last;  // in "" and no view: what "" decodes to
  if (s.size() != last.in.size() || std::memcmp(s.data(), last.in.data(), s.size()) != 0) {
    last.in.assign(s);
    last.view = decode_webex_view(s, last.scratch);
    last.has_identity = false;
  }
  return last;
}

}  // namespace

const std::optional<WebexIdView>& decode_webex_view_cached(std::string_view s) { return decoded(s).view; }

std::optional<std::string_view> webex_identity_cached(std::string_view s) {
  LastId& last = decoded(s);
  if (!last.view) return std::nullopt;
  if (!last.has_identity) {
    std::string& id = last.identity;
    id.assign(canonical_id_type(last.view->type));
    id += '/';
    const std::size_t at = id.size();
    id += last.view->id;
    if (is_uuid(last.view->id))  // hex digits and dashes: setting 0x20 lowers the letters and keeps the rest
      for (std::size_t i = at; i < id.size(); ++i) id[i] = static_cast<char>(id[i] | 0x20);
    last.has_identity = true;
  }
  return last.identity;
}

bool webex_identity(std::string_view s, std::string& out) {
  const std::optional<std::string_view> id = webex_identity_cached(s);
  if (id) out = *id;
  return id.has_value();
}

WebexIdResult decode_webex_id(std::string_view s) {
  if (s.empty()) return fail("is empty");
  WebexIdScratch scratch;
  const std::optional<std::string_view> text = decode_into(s, scratch);
  if (!text) return fail("is not base64 (" + base64_problem(s).value_or("malformed") + ")");  // rare: scan again for why
  const std::optional<WebexIdView> parts = split_uri(*text);
  if (!parts) return fail(uri_problem(*text));
  WebexIdResult r;
  r.id = WebexId{std::string(parts->cluster), std::string(parts->type), std::string(parts->id)};
  return r;
}

}  // namespace wxlint::formats
