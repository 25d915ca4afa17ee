// Loading a snapshot: one file at a time, parsed once (the document layer: iterative,
// depth-limited), recognised by its shape, its items turned into rows; its text and DOM are
// dropped before the next file is read. Then the derived columns, the indexes, and the
// snapshot's own inconsistencies (inconsistencies.hpp).
#include "snapshot/store.hpp"

#include "engine/check.hpp"
#include "engine/pattern.hpp"
#include "formats/formats.hpp"
#include "formats/numbering_plan.hpp"
#include "snapshot/inconsistencies.hpp"
#include "snapshot/kinds.hpp"
#include "snapshot/manifest.hpp"

#include <wxlint/error.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

namespace wxlint::snapshot {

class Loader {
 public:
  Loader(Store& s, const std::function<Snapshot::File(std::size_t)>& read, std::string_view region)
      : s_(s), read_(read), region_(formats::plan::checked_region(region)) {}

  void add(std::uint32_t index, Snapshot::File f) {
    names_.push_back(f.name);
    const DataFile file(std::move(f.name), std::move(f.text));
    add(index, f, file);
  }

  void add(std::uint32_t index, const Snapshot::File& f, const DataFile& file) {
    const rapidjson::Value& root = file.doc.root();
    if (!root.IsObject())
      file.fail("", "a snapshot file is a JSON object; the kinds are: " + known_kinds());
    if (std::optional<Manifest> m = read_manifest(file, root)) {
      manifest_time_ = std::min(manifest_time_.value_or(m->captured_at), m->captured_at);
      first_manifest_ = std::min(first_manifest_, index);
      asked_calling_data_.merge(m->asked_calling_data);
      kind_of_.merge(m->kind_of);
      for (auto& [kind, count] : m->counts)
        if (count.total > count.items) cut_short_.push_back({kind, count, index});
      for (auto& [path, ptr] : m->pages) listed_pages_.push_back({std::move(path), Place{index, std::move(ptr)}});
      return;
    }
    ++pages_;
    if (f.mtime > 0) oldest_mtime_ = std::min(oldest_mtime_.value_or(f.mtime), f.mtime);
    const rapidjson::Value* items = nullptr;
    const Kind* kind = detect_kind(root, &items);
    if (!kind) {
      for (const Kind& k : kinds()) {
        const rapidjson::Value* l = child(root, k.list_key);
        if (!l) continue;
        // The last page of a paged list is often empty: nothing to learn from it.
        if (l->IsArray() && l->Empty()) return;
        const std::string list_ptr = "/" + std::string(k.list_key);
        if (!l->IsArray()) file.fail(list_ptr, "expected an array (a page's list), not " + json_type_words(json_type_name(*l)));
        // A shared list ("items") whose first item no kind of it recognises: say so at the item.
        if (!k.item_keys.empty()) {
          const rapidjson::Value& first = (*l)[0];
          if (!first.IsObject()) file.fail(list_ptr + "/0", "expected an object (a list item), not " + json_type_words(json_type_name(first)));
          // A list of the kind's own key with wxc_sdk's snake_case keys ("phone_number"): say that.
          if (owns_list(k)) require_api_keys(file, k, first, list_ptr + "/0");
          file.fail(list_ptr + "/0", no_kind_of_item(k.list_key));
        }
      }
      if (const std::optional<std::string> error = error_answer(root))
        file.fail("", "an error answer of the Webex API, not a list page (" + *error + "): take this page again");
      file.fail("", "not a snapshot file of a known kind; the kinds are: " + known_kinds());
    }
    // One response per page: a second list would be dropped without a word.
    for (const Kind& k : kinds())
      if (k.list_key != kind->list_key && child(root, k.list_key))
        file.fail("/" + std::string(k.list_key), "a second list beside \"" + std::string(kind->list_key) +
                                                     "\": a snapshot file is one list response as the API gave it; "
                                                     "save each list in a file of its own");
    Table& table = *find(kind->table);
    table.mark_loaded();
    table.reserve(items->Size());
    const std::string list_ptr = "/" + std::string(kind->list_key);
    const char* list = kind->list_key.data();  // static text
    bool calling_fields = false;
    const std::size_t first_row = table.size();
    for (rapidjson::SizeType i = 0; i < items->Size(); ++i) {
      const rapidjson::Value& item = (*items)[i];
      std::string ptr = list_ptr + "/" + std::to_string(i);
      if (!item.IsObject()) file.fail(ptr, "expected an object (a list item), not " + json_type_words(json_type_name(item)));
      if (!belongs(*kind, item))
        file.fail(ptr, "this item is not of the file's kind (" + std::string(kind->table) + "), judged by its first item");
      require_api_keys(file, *kind, item, ptr);
      calling_fields = calling_fields || child(item, "locationId") || child(item, "extension");
      std::vector<std::string> cells = kind->row(ItemReader(file, item, ptr));
      table.add_row(cells, {index, i, list});
      note_national_numbers(table, cells);
    }
    auto& count = counts_[std::string(kind->table)];
    ++count.files;
    count.items += items->Size();
    if (kind->table == "people" && items->Size() > 0) people_pages_.push_back({index, first_row, table.size(), calling_fields});
  }

  void finish() {
    national_numbers();
    // Before the calling users are derived: a licence on a page the snapshot lacks leaves
    // them unknown. Said below, after what explains them.
    std::vector<Inconsistency> lacking = pages_missing();
    for (Inconsistency& i : lists_cut_short()) lacking.push_back(std::move(i));
    Table& people = *find("people");
    mark_pages_without_calling_data(people);
    derive_calling_users(people);
    derive_extensions();
    for (auto& t : s_.tables_) t.build_indexes();
    undecoded_ids(s_.tables_, pending_);  // first: they explain what follows
    number_owners(*find("numbers"), *find("people"), pending_);
    listed_twice(s_.tables_, pending_);
    people_locations(*find("people"), *find("locations"), *find("callingLocations"), pending_);
    for (Inconsistency& i : lacking) report(std::move(i));
    if (pages_ == 0 && first_manifest_ != UINT32_MAX)  // a snapshot of only a manifest
      report({Place{first_manifest_, ""}, ": the snapshot holds no list, only a manifest: the rules that consult it judge "
                                          "nothing; save the list responses beside it"});
    s_.inconsistencies_ = name_places(std::move(pending_), names_, read_);
    for (const auto& k : kinds())
      if (auto it = counts_.find(std::string(k.table)); it != counts_.end())
        s_.kinds_.push_back({std::string(k.table), it->second.files, it->second.items});
    s_.from_manifest_ = manifest_time_.has_value();
    s_.captured_at_ = manifest_time_ ? manifest_time_ : oldest_mtime_;
  }

 private:
  struct Page {
    std::uint32_t file;
    std::size_t begin, end;
    bool calling_fields;
  };
  Table* find(std::string_view name) {
    for (auto& t : s_.tables_)
      if (t.name() == name) return &t;
    return nullptr;
  }
  void report(Inconsistency pieces) { pending_.push_back(std::move(pieces)); }
  // Number cells holding a value without + (a national format: list responses hold some,
  // facts 1.1), kept as read until the locations' countries are known.
  void note_national_numbers(Table& table, const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < table.columns().size() && c < cells.size(); ++c) {
      if (table.columns()[c].type != KeyType::number) continue;
      const std::string& v = cells[c];
      const bool national = each_value(v, [](std::string_view one) {
        const std::size_t first = one.find_first_not_of(" \t");
        return first != std::string_view::npos && one[first] != '+';
      });
      if (national) national_.push_back({&table, table.size() - 1, c, v});
    }
  }

  // Those cells again, each value read in the country of the row's location (its locationId,
  // or the calling location itself) when the snapshot's locations give it, else in the
  // configured region: "021 234 5678" of a location in IE is +353212345678, as a payload has it.
  void national_numbers() {
    if (national_.empty()) return;
    std::unordered_map<std::string_view, std::string> country;  // location id (normalised) -> region
    std::unordered_map<std::string_view, std::string_view> unknown;  // -> a country that is no region code
    const Table& locations = *find("locations");
    for (std::size_t r = 0; r < locations.size(); ++r) {
      const std::string_view given = locations.cell(r, "country");
      if (auto code = formats::plan::region_code(given)) country.emplace(locations.cell(r, "id"), *code);
      else if (!given.empty()) unknown.emplace(locations.cell(r, "id"), given);
    }
    const auto location_of = [](const National& n) {
      const Table& t = *n.table;
      if (auto col = t.column("locationId")) return t.cell(n.row, *col);
      return t.name() == "callingLocations" ? t.cell(n.row, *t.column("id")) : std::string_view();
    };
    std::map<const Table*, std::pair<const National*, std::size_t>> unread;  // the first, how many
    for (const National& n : national_) {
      Table& t = *n.table;
      const std::string_view location = location_of(n);
      const auto it = location.empty() ? country.end() : country.find(location);
      const std::string& region = it != country.end() ? it->second : region_;
      if (region.empty()) {
        // A contact's, in no location, is only compared for likely duplicates: left as guessed.
        if (location.empty() && !t.column("locationId")) continue;
        ++unread.try_emplace(&t, &n, 0).first->second.second;  // said, with how to read it
        t.mark_unread_number(location);
      }
      std::string out;  // as Table::add_row joins a multi-valued cell's values
      each_value(n.raw, [&](std::string_view v) {
        // Unread, it stays as written, which is no E.164 number: it matches no payload's (a
        // guess, +1 for ten digits, would match another country's number).
        const std::string read = region.empty() ? normalise(KeyType::text, v, {})  // trimmed
                                                : normalise(KeyType::number, v, region);
        out += (out.empty() ? "" : "\n") + read;
      });
      t.set_cell(n.row, n.col, out);
    }
    for (const auto& [t, first] : unread) {
      const National& n = *first.first;
      const std::size_t more = first.second - 1;
      const std::string_view shown = std::string_view(n.raw).substr(0, n.raw.find('\n'));  // its first value
      const auto bad = unknown.find(location_of(n));
      const std::string why =
          bad == unknown.end()
              ? "no country for the location (the locations list gives it)"
              : "the location's country " + quoted(bad->second) + " is no region code (US, GB...)";
      report({Place{t->file_of(n.row), t->pointer_of(n.row)},
              ": " + quoted(shown) +
                  (more ? " and " + std::to_string(more) + (more == 1 ? " other number" : " other numbers") : std::string()) +
                  " in national format cannot be read: " + why +
                  "; give the region they are in (--region, or \"region\" in .wxlint.json)"});
    }
  }

  // A page of people without locationId or extension whose request lacked callingData=true:
  // as its manifest entry says, or, without one, when the first page had them (a next link
  // that dropped it). Its people's calling status is unknown. A page of people who are all
  // not calling users has neither either, and its manifest entry tells it apart.
  void mark_pages_without_calling_data(const Table& people) {
    const bool first_had = !people_pages_.empty() && people_pages_.front().calling_fields;
    for (const Page& p : people_pages_) {
      if (p.calling_fields) continue;
      const auto asked = asked_calling_data_.find(std::filesystem::path(names_[p.file]).lexically_normal().string());
      const bool known = asked != asked_calling_data_.end();
      if (known ? asked->second : !first_had) continue;
      for (std::size_t r = p.begin; r < p.end; ++r) unknown_rows_.push_back(r);
      report({Place{p.file, people.pointer_of(p.begin)},
              known ? ": this page of people has no locationId or extension: its request lacked callingData=true "
                      "(its url in the manifest)"
                    : ": this page of people has no locationId or extension, while the first page had "
                      "them: its request lacked callingData=true (a next link that dropped it?)"});
    }
  }

  // 1026010: a calling user has a location and, when the licences are known (the org's and
  // the person's), a licence whose name says Webex Calling (wxcadm's test).
  void derive_calling_users(Table& people) {
    const Table& licences = *find("licences");
    std::map<std::string, bool, std::less<>> calling_licence;
    // A list that may lack licences (a page missing, one listed twice): a licence id it does
    // not hold may be a Webex Calling one, so its holder's calling is unknown.
    bool lacking = licences.incomplete();
    for (std::size_t r = 0; r < licences.size(); ++r)
      lacking |= !calling_licence.insert_or_assign(std::string(licences.cell(r, "id")),
                                                   licences.cell(r, "name").find("Webex Calling") != std::string_view::npos)
                      .second;
    const std::size_t col = *people.column("callingUser");
    std::vector<std::string_view> values(people.size());
    for (std::size_t r = 0; r < people.size(); ++r) {
      bool calling = !people.cell(r, "locationId").empty(), unknown = false;
      // An item without "licenses" says nothing of them: its location decides.
      if (calling && licences.loaded() && people.cell(r, col) != kLicencesNotListed) {
        bool licensed = false;
        each_value(people.cell(r, "licenses"), [&](std::string_view id) {
          auto it = calling_licence.find(id);
          licensed = licensed || (it != calling_licence.end() && it->second);
          unknown = unknown || (lacking && it == calling_licence.end());
        });
        calling = licensed;
        unknown = unknown && !licensed;
      }
      values[r] = unknown ? "unknown" : calling ? "true" : "false";
    }
    for (std::size_t r : unknown_rows_) values[r] = "unknown";
    for (std::size_t r = 0; r < people.size(); ++r) people.set_cell(r, col, values[r]);
  }

  // Every holder of an extension in a location: numbers rows with an owner, people, call
  // park extensions and location-level virtual extensions (facts 1.1, 1.7).
  void derive_extensions() {
    Table& out = *find("extensions");
    const Table& numbers = *find("numbers");
    const Table& people = *find("people");
    const Table& park = *find("callParkExtensions");
    const Table& virt = *find("virtualExtensions");
    out.reserve(numbers.size() + people.size() + park.size() + virt.size());
    // The rows of t with an extension and a location (and, given `when`, whose column `when`
    // is not empty, or equals `equals`). A name in cols that is not a column of t is a text
    // (the owner's type).
    auto add = [&](const Table& t, std::initializer_list<std::string_view> cols, std::string_view when = {},
                   std::string_view equals = {}) {
      std::vector<std::size_t> at;
      std::vector<std::uint32_t> text;
      for (std::string_view c : cols) {
        const auto col = t.column(c);
        at.push_back(col ? *col : SIZE_MAX);
        text.push_back(col ? 0 : out.intern(c));
      }
      const std::size_t ext = at[0], loc = at[1];
      const std::optional<std::size_t> when_col = when.empty() ? std::nullopt : t.column(when);
      const std::uint32_t source = out.intern(t.name());
      std::vector<std::uint32_t> cells(cols.size() + 1);
      for (std::size_t r = 0; r < t.size(); ++r) {
        if (when_col) {
          const std::string_view w = t.cell(r, *when_col);
          if (equals.empty() ? w.empty() : w != equals) continue;
        }
        if (t.cell_id(r, ext) == 0 || t.cell_id(r, loc) == 0) continue;
        for (std::size_t i = 0; i < at.size(); ++i) cells[i] = at[i] == SIZE_MAX ? text[i] : t.cell_id(r, at[i]);
        cells.back() = source;
        out.add_row_ids(cells, t.origin_of(r));
      }
    };
    add(numbers, {"extension", "locationId", "ownerId", "ownerType", "ownerName"}, "ownerId");
    add(people, {"extension", "locationId", "id", "PEOPLE", "displayName"});
    add(park, {"extension", "locationId", "id", "CALL_PARK_EXTENSION", "name"});
    add(virt, {"extension", "locationId", "id", "VIRTUAL_EXTENSION", "displayName"}, "level", "LOCATION");
    // Loaded when any of its sources is: otherwise it knows nothing.
    if (numbers.loaded() || people.loaded() || park.loaded() || virt.loaded()) out.mark_loaded();
  }

  // A page a manifest lists that is not among the files: its items are missing, and would
  // be reported as not found.
  std::vector<Inconsistency> pages_missing() {
    // By what the names lead to: the manifest named by an absolute path, a page through a link.
    const auto real = [](const std::string& name) {
      std::error_code ec;
      const std::filesystem::path absolute = std::filesystem::absolute(name, ec);
      const std::filesystem::path p = std::filesystem::weakly_canonical(absolute, ec);
      return (ec ? absolute : p).lexically_normal().string();
    };
    std::set<std::string> loaded;
    for (const std::string& n : names_) loaded.insert(real(n));
    std::vector<Inconsistency> out;
    for (auto& [path, place] : listed_pages_)
      if (!loaded.count(real(path))) {
        out.push_back({std::move(place), ": the manifest lists " + path +
                                             ", which is not among the snapshot's files: copy the whole directory, or "
                                             "take the snapshot again"});
        const auto kind = kind_of_.find(path);
        Table* t = kind == kind_of_.end() ? nullptr : find(kind->second);
        if (t) t->mark_incomplete();
        else  // of a kind the manifest does not say
          for (Table& each : s_.tables_) each.mark_incomplete();
      }
    return out;
  }

  // A list whose answer said it holds more items than its pages do: it ended early (a proxy
  // that dropped the Link header), and what it lacks would be reported as not found.
  std::vector<Inconsistency> lists_cut_short() {
    std::vector<Inconsistency> out;
    for (CutShort& c : cut_short_) {
      if (Table* t = find(c.kind)) t->mark_incomplete();
      out.push_back({Place{c.manifest, std::move(c.count.pointer)},
                     ": the " + c.kind + " list's answer says it holds " + std::to_string(c.count.total) +
                         " items, its pages " + std::to_string(c.count.items) +
                         ": it ended early (a next link lost on the way?); take the snapshot again"});
    }
    return out;
  }

  struct Count {
    std::size_t files = 0, items = 0;
  };
  struct National {
    Table* table;
    std::size_t row, col;
    std::string raw;
  };
  Store& s_;
  const std::function<Snapshot::File(std::size_t)>& read_;  // the file again, to name a place
  // The region code national-format numbers are read in where their location's country is
  // unknown ("" none), checked before any file is read.
  std::string region_;
  std::vector<National> national_;
  std::vector<std::string> names_;
  std::vector<Inconsistency> pending_;  // their places not yet named
  std::map<std::string, Count> counts_;
  std::vector<Page> people_pages_;
  std::map<std::string, bool> asked_calling_data_;  // the manifests' (Manifest::asked_calling_data)
  std::map<std::string, std::string> kind_of_;      // the manifests' (Manifest::kind_of)
  struct CutShort {
    std::string kind;
    Manifest::Count count;
    std::uint32_t manifest;
  };
  std::vector<CutShort> cut_short_;
  std::uint32_t first_manifest_ = UINT32_MAX;
  std::size_t pages_ = 0;  // files that are no manifest  // lists whose pages hold fewer items than the answer's total
  std::vector<std::pair<std::string, Place>> listed_pages_;  // the manifests' pages, and where each is listed
  std::vector<std::size_t> unknown_rows_;
  std::optional<std::int64_t> manifest_time_, oldest_mtime_;
};

Store::Store(std::size_t count, const std::function<Snapshot::File(std::size_t)>& read, std::string_view region)
    : tables_(make_tables()) {
  Loader loader(*this, read, region);
  for (std::uint32_t i = 0; i < count; ++i) loader.add(i, read(i));
  loader.finish();
}

std::string location_region(const Store& store, std::string_view location) {
  const Table& locations = *store.table("locations");
  if (!locations.loaded() || location.empty()) return {};
  for (std::uint32_t row : locations.find(0, location))
    if (auto code = formats::plan::region_code(locations.cell(row, "country"))) return *code;
  return {};
}

const Table* Store::table(std::string_view name) const {
  for (const auto& t : tables_)
    if (t.name() == name) return &t;
  return nullptr;
}

}  // namespace wxlint::snapshot
