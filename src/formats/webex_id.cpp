// Webex public ids: base64 of "ciscospark://<cluster>/<TYPE>/<id>".
#include "formats/formats.hpp"

namespace wxlint::formats {

namespace {

constexpr std::string_view kScheme = "ciscospark://";

bool is_alnum(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Clusters seen: "us", "eu", "urn:TEAM:us-east-2_a".
bool is_cluster_char(char c) { return is_alnum(c) || c == ':' || c == '-' || c == '_' || c == '.'; }

WebexIdResult fail(std::string problem) {
  WebexIdResult r;
  r.problem = std::move(problem);
  return r;
}

}  // namespace

WebexIdResult decode_webex_id(std::string_view s) {
  if (s.empty()) return fail("is empty");
  const std::optional<std::string> decoded = base64_decode(s);
  if (!decoded) return fail("is not base64 (" + base64_problem(s).value_or("malformed") + ")");  // rare: scan again for why
  const std::string& text = *decoded;

  // Non-printable bytes first: they are the usual sign of a truncated or hand-edited id.
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c >= 0x7f)
      return fail("decodes to bytes that are not printable text (" + detail::describe_byte(c) + " at position " +
                  std::to_string(i + 1) + ")");
  }
  if (text.compare(0, kScheme.size(), kScheme) != 0) return fail("does not decode to a ciscospark:// URI");
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == ' ') return fail("decodes to a URI with a space (at position " + std::to_string(i + 1) + ")");

  const std::string_view rest = std::string_view(text).substr(kScheme.size());
  const std::size_t slash1 = rest.find('/');
  const std::string_view cluster = rest.substr(0, slash1);
  if (cluster.empty()) return fail("decodes to a URI with an empty cluster");
  for (char c : cluster)
    if (!is_cluster_char(c))
      return fail("decodes to a URI whose cluster has an unexpected character " +
                  detail::describe_byte(static_cast<unsigned char>(c)));
  if (slash1 == std::string_view::npos) return fail("decodes to a URI with no resource type");

  const std::string_view after_cluster = rest.substr(slash1 + 1);
  const std::size_t slash2 = after_cluster.find('/');
  const std::string_view type = after_cluster.substr(0, slash2);
  if (type.empty()) return fail("decodes to a URI with no resource type");
  for (char c : type)
    if (!is_alnum(c) && c != '_')
      return fail("decodes to a URI with an invalid resource type '" + detail::excerpt(type, 40) + "'");
  // The id itself may hold '/', '+', '=' (inner base64) or ':' (composite ids).
  const std::string_view id =
      slash2 == std::string_view::npos ? std::string_view() : after_cluster.substr(slash2 + 1);
  if (id.empty()) return fail("decodes to a URI with an empty id");

  WebexIdResult r;
  r.id = WebexId{std::string(cluster), std::string(type), std::string(id)};
  return r;
}

}  // namespace wxlint::formats
