#include "snapshot/manifest.hpp"

#include "engine/pattern.hpp"
#include "snapshot/kinds.hpp"
#include "snapshot/time.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string_view>

namespace wxlint::snapshot {
namespace {

// callingData=true among the URL's query parameters, as a whole parameter.
bool has_calling_data(std::string_view url) {
  const std::size_t query = url.find('?');
  if (query == std::string_view::npos) return false;
  for (std::size_t start = query + 1; start <= url.size();) {
    const std::size_t end = std::min(url.find_first_of("&#", start), url.size());
    if (url.substr(start, end - start) == "callingData=true") return true;
    if (end == url.size() || url[end] == '#') break;
    start = end + 1;
  }
  return false;
}

}  // namespace

std::optional<Manifest> read_manifest(const DataFile& file, const rapidjson::Value& root) {
  const rapidjson::Value* at = child(root, "capturedAt");
  if (!at) return std::nullopt;
  // Taken as a manifest, its list would be dropped without a word.
  for (const Kind& k : kinds())
    if (child(root, k.list_key))
      file.fail("/" + std::string(k.list_key), "a manifest (it has \"capturedAt\") holds no list: save the list "
                                                 "response in a file of its own, and its capture time in manifest.json");
  const std::optional<std::int64_t> t = at->IsString() ? parse_time({at->GetString(), at->GetStringLength()}) : std::nullopt;
  if (!t) file.fail("/capturedAt", "expected a time in ISO 8601 form, e.g. \"2026-12-01T09:30:00Z\"");
  // A day of clock skew is allowed; later than that is a typo, and would hide staleness (WX0020).
  const std::int64_t now = now_seconds();
  if (*t > now + 86400) file.fail("/capturedAt", "is in the future (" + format_time(*t) + "); write when the snapshot was taken");
  Manifest m{*t, {}, {}, {}, {}};
  const rapidjson::Value* pages = child(root, "pages");
  if (!pages || !pages->IsArray()) return m;
  const std::filesystem::path dir = std::filesystem::path(file.name).parent_path();
  for (rapidjson::SizeType i = 0; i < pages->Size(); ++i) {
    const rapidjson::Value& page = (*pages)[i];
    const rapidjson::Value* name = page.IsObject() ? child(page, "file") : nullptr;
    if (!name || !name->IsString()) continue;
    const std::string path = (dir / std::string(name->GetString(), name->GetStringLength())).lexically_normal().string();
    m.pages.emplace_back(path, "/pages/" + std::to_string(i) + "/file");
    if (const rapidjson::Value* url = child(page, "url"); url && url->IsString())
      m.asked_calling_data[path] = has_calling_data({url->GetString(), url->GetStringLength()});
    if (const rapidjson::Value* kind = child(page, "kind"); kind && kind->IsString()) {
      const std::string k(kind->GetString(), kind->GetStringLength());
      m.kind_of[path] = k;
      Manifest::Count& count = m.counts[k];
      // Counts a list can have (a hand-edited 1e18 neither overflows the sum nor counts).
      constexpr std::int64_t kMaxCount = std::int64_t{1} << 40;
      const auto count_of = [&](std::string_view key) -> std::optional<std::int64_t> {
        const rapidjson::Value* v = child(page, key);
        if (!v || !v->IsInt64() || v->GetInt64() < 0 || v->GetInt64() > kMaxCount) return std::nullopt;
        return v->GetInt64();
      };
      if (const auto items = count_of("items")) count.items = std::min(count.items + *items, kMaxCount);
      if (const auto total = count_of("total")) count.total = *total, count.pointer = "/pages/" + std::to_string(i) + "/total";
    }
  }
  return m;
}

}  // namespace wxlint::snapshot
