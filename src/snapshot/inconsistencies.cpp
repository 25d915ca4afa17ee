#include "snapshot/inconsistencies.hpp"

#include "engine/check.hpp"
#include "engine/data_file.hpp"
#include "formats/formats.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace wxlint::snapshot {
namespace {

// Characters of a name an inconsistency quotes: one name can be quoted once per row.
constexpr std::size_t kMaxShown = 256;

}  // namespace

std::string quoted(std::string_view text) {
  const std::string shown = formats::clipped(text, kMaxShown);
  return to_json_text(rapidjson::Value(rapidjson::StringRef(shown.data(), shown.size())));
}

void number_owners(const Table& numbers, const Table& people, std::vector<Inconsistency>& out) {
  // Places and labels are only made for what is reported.
  struct Holder {
    std::string_view owner;
    const Table* table;
    std::size_t row;
  };
  // Clipped: one number of many owners is reported once per owner, with the first's name.
  auto label = [&](const Table& t, std::size_t r) {
    if (t.name() == "people") return formats::clipped(t.cell(r, "displayName"), kMaxShown) + " (PEOPLE)";
    return formats::clipped(t.cell(r, "ownerName"), kMaxShown) + " (" + formats::clipped(t.cell(r, "ownerType"), kMaxShown) + ")";
  };
  std::unordered_map<std::string_view, Holder> first;
  first.reserve(numbers.size() + people.size());
  auto visit = [&](const Table& t, std::size_t r, std::string_view values, std::string_view owner) {
    if (owner.empty()) return;
    each_value(values, [&](std::string_view n) {
      if (n[0] != '+') return;  // ESNs and extensions are per location
      auto [it, fresh] = first.try_emplace(n, Holder{owner, &t, r});
      if (!fresh && it->second.owner != owner)
        out.push_back({place_of(t, r),
                       ": number " + std::string(n) + " is held by two owners: " + label(t, r) + " here and " +
                           label(*it->second.table, it->second.row) + " at ",
                       place_of(*it->second.table, it->second.row)});
    });
  };
  for (std::size_t r = 0; r < numbers.size(); ++r) visit(numbers, r, numbers.cell(r, "phoneNumber"), numbers.cell(r, "ownerId"));
  for (std::size_t r = 0; r < people.size(); ++r) visit(people, r, people.cell(r, "phoneNumber"), people.cell(r, "id"));
}

// Pages of a list that changed while it was paged (an item added on an earlier page shifts
// the next page's items by one), so another item may be on no page. Said once per item, at
// its second row. A number held by two owners is said by number_owners() instead.
void listed_twice(std::vector<Table>& tables, std::vector<Inconsistency>& out) {
  for (Table& t : tables) {
    if (!t.loaded() || t.columns().empty()) continue;
    const std::string& key = t.columns()[0].name;
    if (key != "id" && key != "contactId" && key != "phoneNumber") continue;
    const std::optional<std::size_t> name = t.column("displayName") ? t.column("displayName") : t.column("name");
    const std::optional<std::size_t> owner = t.column("ownerId");
    const auto two_owners = [&](std::uint32_t a, std::uint32_t b) {
      return owner && !t.cell(a, *owner).empty() && !t.cell(b, *owner).empty() && t.cell(a, *owner) != t.cell(b, *owner);
    };
    std::vector<std::pair<std::uint32_t, std::uint32_t>> twice;  // (second row, first row), said in row order
    t.each_repeated(0, [&](std::span<const std::uint32_t> rows) {
      if (t.cell(rows[0], 0).empty()) return;
      t.mark_incomplete();  // a number of two owners too: reassigned while the list was paged
      if (!two_owners(rows[0], rows[1])) twice.emplace_back(rows[1], rows[0]);
    });
    std::sort(twice.begin(), twice.end());
    for (const auto& [r, first] : twice) {
      const std::string_view shown = name ? t.cell(r, *name) : t.cell(r, 0);
      out.push_back({place_of(t, r),
                     ": " + (shown.empty() ? std::string("this item") : formats::clipped(shown, kMaxShown)) + " (" +
                         t.name() + ") is listed twice, here and at ",
                     place_of(t, first),
                     ": its list changed while it was paged, so another item may be missing; take the snapshot again"});
    }
  }
}

void people_locations(const Table& people, const Table& locations, const Table& calling, std::vector<Inconsistency>& out) {
  if (!locations.loaded() && !calling.loaded()) return;
  const std::size_t col = *people.column("locationId");
  for (std::size_t r = 0; r < people.size(); ++r) {
    std::string_view loc = people.cell(r, col);
    if (loc.empty() || !locations.find(0, loc).empty() || !calling.find(0, loc).empty()) continue;
    out.push_back({place_of(people, r), ": " + formats::clipped(people.cell(r, "displayName"), kMaxShown) +
                                            " has a locationId that is in no locations list of the snapshot"});
  }
}

// Kept as text, it matches no payload's id: a payload naming the same thing (its id as the
// API gives it) would be reported as not found.
void undecoded_ids(const std::vector<Table>& tables, std::vector<Inconsistency>& out) {
  for (const Table& t : tables)
    for (const Table::Undecoded& u : t.undecoded()) {
      const std::size_t more = u.count - 1;
      out.push_back({place_of(t, u.first_row),
                     ": " + quoted(u.first) + " (" + t.name() + ", " + t.columns()[u.col].name + ") is not a Webex id" +
                         (more == 0 ? std::string() : more == 1 ? " and neither is 1 more there" : " and neither are " + std::to_string(more) + " more there") +
                         ": no payload id matches it, so what the payload names by it is judged missing; save the "
                         "list response as the API gave it"});
    }
}

std::vector<std::string> name_places(std::vector<Inconsistency> found, const std::vector<std::string>& names,
                                     const std::function<Snapshot::File(std::size_t)>& read) {
  // All of a file's places located in one batch: one scan of the file per place was
  // quadratic in its places.
  std::map<std::uint32_t, std::vector<Place*>> by_file;
  for (auto& pieces : found)
    for (Piece& p : pieces)
      if (auto* place = std::get_if<Place>(&p)) by_file[place->file].push_back(place);
  for (const auto& [file, places] : by_file) {
    std::vector<std::string> pointers;
    for (Place* p : places) pointers.push_back(std::move(p->pointer));
    std::vector<std::string> named;
    try {
      named = DataFile(names[file], read(file).text, true).where(pointers);
    } catch (const std::runtime_error&) {  // changed or gone since: the places without line and column
      for (const auto& pointer : pointers) named.push_back(names[file] + ": " + pointer);
    }
    for (std::size_t i = 0; i < places.size(); ++i) places[i]->named = std::move(named[i]);
  }
  std::vector<std::string> messages;
  messages.reserve(found.size());
  for (auto& pieces : found) {
    std::string& out = messages.emplace_back();
    for (const Piece& p : pieces)
      out += std::holds_alternative<std::string>(p) ? std::get<std::string>(p) : std::get<Place>(p).named;
    pieces = {};  // freed as it goes: the pieces and the messages are not all held at once
  }
  return messages;
}

}  // namespace wxlint::snapshot
