#include "snapshot/kinds.hpp"

#include "document/json_pointer.hpp"
#include "engine/check.hpp"
#include "engine/pattern.hpp"
#include "formats/formats.hpp"
#include "snapshot/store.hpp"

#include <algorithm>

namespace wxlint::snapshot {
namespace {

std::string ptr_of(std::string base, std::string_view key) {
  pointer::append_key(base, key);
  return base;
}

// The name messages show, of the object member `obj` ("" the item itself); its id when it has
// none (a hunt group's owner entry may carry only its id and type), so that a finding still
// says who.
std::string joined_name(const ItemReader& r, std::string_view obj) {
  const auto field = [&](std::string_view key) { return obj.empty() ? r.str(key) : r.str(obj, key); };
  std::string first = field("firstName"), last = field("lastName");
  std::string name = first + (first.empty() || last.empty() ? "" : " ") + last;
  if (name.empty()) name = field("displayName");
  return name.empty() ? field("id") : name;
}

// "a,b" licence ids packed in one string (an artefact of the spec's example): split them.
std::string split_commas(std::string s) {
  for (char& c : s)
    if (c == ',') c = '\n';
  return s;
}

std::vector<std::string> person(const ItemReader& r) {
  // A calling user's (one with a location, facts 1.2) numbers of Webex Calling. Not the
  // work_extension ones: those are ESNs (the location's routing prefix and the extension), no
  // phone numbers; read as +1 numbers they matched others' numbers. Not mobile and fax, nor
  // any of a person without calling: directory text, which two people may share.
  std::string location = r.str("locationId");
  std::string numbers = location.empty() ? "" : r.list("phoneNumbers", "value", {"work_extension", "mobile", "fax"});
  // callingUser is derived once every file is read (Store); until then it says whether the
  // item lists its licences at all: a filtered list's items may lack them (facts 1.2).
  return {r.str("id"), r.str("displayName"), r.list("emails"), std::move(location), r.str("extension"),
          std::move(numbers), split_commas(r.list("licenses")), std::string(r.has("licenses") ? "" : kLicencesNotListed)};
}

std::vector<std::string> number(const ItemReader& r) {
  return {r.str("phoneNumber"), r.str("extension"), r.str("esn"), r.str("location", "id"), r.str("location", "name"),
          r.str("owner", "id"), r.str("owner", "type"), joined_name(r, "owner"), r.str("state"), r.flag("mainNumber")};
}

std::vector<std::string> location(const ItemReader& r) {
  return {r.str("id"), r.str("name"), r.str("address", "country")};
}

std::vector<std::string> calling_location(const ItemReader& r) {
  return {r.str("id"), r.str("name"), r.str("callingLineId", "phoneNumber"), r.str("routingPrefix")};
}

std::vector<std::string> licence(const ItemReader& r) { return {r.str("id"), r.str("name")}; }

std::vector<std::string> call_park_extension(const ItemReader& r) {
  // Newer responses name the location "location": its name, a string (as wxc_sdk's
  // CallParkExtension reads it), or an object with its id and name.
  std::string loc = r.str("locationId"), loc_name = r.str("locationName");
  if (r.has_object("location")) {
    if (loc.empty()) loc = r.str("location", "id");
    if (loc_name.empty()) loc_name = r.str("location", "name");
  } else if (loc_name.empty()) {
    loc_name = r.str("location");
  }
  return {r.str("id"), r.str("name"), r.str("extension"), loc, loc_name};
}

std::vector<std::string> virtual_extension(const ItemReader& r) {
  std::string name = r.str("displayName");
  if (name.empty()) name = joined_name(r, {});
  return {r.str("id"), name, r.str("extension"), r.str("level"), r.str("locationId"), r.str("phoneNumber")};
}

std::vector<std::string> contact(const ItemReader& r) {
  return {r.str("contactId"), r.str("displayName"), r.list("emails", "value"), r.list("phoneNumbers", "value")};
}

}  // namespace

const std::vector<Kind>& kinds() {
  // Order matters for "items": a location is recognised before a person.
  static const std::vector<Kind> list = {
      // Its items name a number: a person's {"type", "value"} are not (a Create a Person body).
      {"numbers", "phoneNumbers", "{\"phoneNumbers\": [...]} from GET /telephony/config/numbers",
       {"phoneNumber", "extension", "location", "owner"}, number},
      {"locations", "items", "{\"items\": [locations]} from GET /locations", {"address", "timeZone"}, location, "id",
       "LOCATION"},
      {"licences", "items", "{\"items\": [licences]} from GET /licenses",
       {"totalUnits", "consumedUnits", "consumedByUsers", "consumedByWorkspaces", "subscriptionId", "siteUrl", "siteType"},
       licence, "id", "LICENSE"},
      {"people", "items", "{\"items\": [persons]} from GET /people?callingData=true", {"emails", "displayName", "firstName", "lastName"},
       person, "id", "PEOPLE"},
      {"callingLocations", "locations", "{\"locations\": [...]} from GET /telephony/config/locations", {},
       calling_location, "id"},
      {"callParkExtensions", "callParkExtensions",
       "{\"callParkExtensions\": [...]} from GET /telephony/config/callParkExtensions", {}, call_park_extension, "id"},
      {"virtualExtensions", "virtualExtensions",
       "{\"virtualExtensions\": [...]} from GET /telephony/config/virtualExtensions", {}, virtual_extension, "id"},
      {"contacts", "result", "{\"result\": [...]} from GET /contacts/organizations/{orgId}/contacts/search", {}, contact, "contactId"},
  };
  return list;
}

namespace {

bool has_member_of(const Kind& kind, const rapidjson::Value& item) {
  for (const std::string_view key : kind.item_keys)
    if (find_member(item, key)) return true;
  return false;
}

bool id_of_type(const Kind& kind, const rapidjson::Value& item) {
  const rapidjson::Value* id = kind.id_type.empty() ? nullptr : child(item, kind.id_key);
  if (!id || !id->IsString()) return false;
  const auto& decoded = formats::decode_webex_view_cached({id->GetString(), id->GetStringLength()});
  return decoded && decoded->type == kind.id_type;
}

}  // namespace

const Kind* detect_kind(const rapidjson::Value& root, const rapidjson::Value** items) {
  if (!root.IsObject()) return nullptr;
  // The members decide first (a person item whose id is of another type is still a person);
  // the id's type decides an item that has none of them.
  for (const bool by_id : {false, true})
    for (const auto& k : kinds()) {
      const rapidjson::Value* list = child(root, k.list_key);
      if (!list || !list->IsArray() || (by_id && k.item_keys.empty())) continue;
      // An item of the wrong shape is reported at its place by the loader; the first
      // object item decides between the kinds that share a list key.
      const rapidjson::Value* first = nullptr;
      for (const auto& v : list->GetArray())
        if (v.IsObject()) {
          first = &v;
          break;
        }
      // A list of its own key with no object item is the kind's still: an org with no numbers.
      if (!k.item_keys.empty() && (first ? !(by_id ? id_of_type(k, *first) : has_member_of(k, *first)) : !owns_list(k)))
        continue;
      *items = list;
      return &k;
    }
  return nullptr;
}

bool owns_list(const Kind& kind) {
  return std::count_if(kinds().begin(), kinds().end(), [&](const Kind& o) { return o.list_key == kind.list_key; }) == 1;
}

bool belongs(const Kind& kind, const rapidjson::Value& item) {
  if (kind.item_keys.empty()) return true;
  return item.IsObject() && (has_member_of(kind, item) || id_of_type(kind, item));
}

std::string no_kind_of_item(std::string_view list_key) {
  const bool vowel = !list_key.empty() && std::string_view("aeiou").find(list_key[0]) != std::string_view::npos;
  std::string s = std::string("an item of none of the kinds ") + (vowel ? "an" : "a") + " \"" + std::string(list_key) + "\" list holds:";
  for (const Kind& k : kinds()) {
    if (k.list_key != list_key || k.item_keys.empty()) continue;
    s += std::string(s.back() == ':' ? " " : "; ") + std::string(k.table) + " have ";
    for (std::size_t i = 0; i < k.item_keys.size(); ++i)
      s += std::string(i == 0 ? "" : i + 1 == k.item_keys.size() ? " or " : ", ") + "\"" + std::string(k.item_keys[i]) + "\"";
    if (!k.id_type.empty()) s += ", or a Webex id of type " + std::string(k.id_type);
  }
  return s;
}

std::vector<Table> make_tables() {
  using K = KeyType;
  std::vector<Table> t;
  t.emplace_back("people", std::vector<Column>{{"id", K::id, true}, {"displayName"}, {"email", K::lower, true},
                                                {"locationId", K::id, true}, {"extension", K::text, true, "locationId"},
                                                {"phoneNumber", K::number, true}, {"licenses", K::id, false},
                                                {"callingUser"}});
  t.emplace_back("numbers", std::vector<Column>{{"phoneNumber", K::number, true, "locationId"}, {"extension", K::text, true},
                                                 {"esn"}, {"locationId", K::id, true}, {"locationName"},
                                                 {"ownerId", K::id, true}, {"ownerType"}, {"ownerName"}, {"state"},
                                                 {"mainNumber"}});
  t.emplace_back("locations", std::vector<Column>{{"id", K::id, true}, {"name"}, {"country"}});
  t.emplace_back("licences", std::vector<Column>{{"id", K::id, true}, {"name"}});
  t.emplace_back("callingLocations", std::vector<Column>{{"id", K::id, true}, {"name"},
                                                          {"mainNumber", K::number, true}, {"routingPrefix"}});
  t.emplace_back("callParkExtensions", std::vector<Column>{{"id", K::id, true}, {"name"},
                                                            {"extension", K::text, true}, {"locationId", K::id, true},
                                                            {"locationName"}});
  t.emplace_back("virtualExtensions", std::vector<Column>{{"id", K::id, true}, {"displayName"},
                                                           {"extension", K::text, true}, {"level"},
                                                           {"locationId", K::id, true}, {"phoneNumber", K::number, true}});
  t.emplace_back("contacts", std::vector<Column>{{"contactId", K::lower, true}, {"displayName"},
                                                  {"email", K::lower, true}, {"phoneNumber", K::number, true}});
  t.emplace_back("extensions", std::vector<Column>{{"extension", K::text, true, "locationId"}, {"locationId", K::id, true},
                                                    {"ownerId", K::id, true}, {"ownerType"}, {"ownerName"},
                                                    {"source"}});
  const auto strings = std::make_shared<Strings>();
  for (Table& table : t) table.share_strings(strings);
  return t;
}

std::string known_kinds() {
  std::string s;
  for (const auto& k : kinds()) s += std::string(s.empty() ? "" : "; ") + std::string(k.table) + " (" + std::string(k.shape) + ")";
  return s + "; manifest ({\"capturedAt\": \"<ISO 8601 time>\"})";
}

// ItemReader

const rapidjson::Value* ItemReader::member(std::string_view key, std::string_view inner) const {
  const rapidjson::Value* v = child(item_, key);
  if (!v || inner.empty() || v->IsNull()) return v;
  if (!v->IsObject()) wrong(ptr_of(pointer_, key), "an object", *v);
  return child(*v, inner);
}

void ItemReader::wrong(const std::string& pointer, std::string_view expected, const rapidjson::Value& v) const {
  file_.fail(pointer, "expected " + std::string(expected) + ", not " + json_type_words(json_type_name(v)));
}

bool ItemReader::has(std::string_view key) const { return child(item_, key) != nullptr; }

bool ItemReader::has_object(std::string_view key) const {
  const rapidjson::Value* v = child(item_, key);
  return v && v->IsObject();
}

std::string ItemReader::str(std::string_view key, std::string_view inner) const {
  const rapidjson::Value* v = member(key, inner);
  if (!v || v->IsNull()) return {};
  if (!v->IsString()) {
    std::string p = ptr_of(pointer_, key);
    if (!inner.empty()) p = ptr_of(p, inner);
    // Numbers are accepted where a dump wrote them unquoted (an extension 1234).
    if (v->IsNumber()) return to_json_text(*v);
    wrong(p, "a string", *v);
  }
  return {v->GetString(), v->GetStringLength()};
}

std::string ItemReader::flag(std::string_view key) const {
  const rapidjson::Value* v = member(key, {});
  if (!v || v->IsNull()) return {};
  if (v->IsBool()) return v->GetBool() ? "true" : "false";
  if (v->IsString() && (std::string_view(v->GetString()) == "true" || std::string_view(v->GetString()) == "false"))
    return v->GetString();
  wrong(ptr_of(pointer_, key), "a boolean", *v);
}

std::string ItemReader::list(std::string_view key, std::string_view field,
                             std::initializer_list<std::string_view> skip_types) const {
  const rapidjson::Value* v = member(key, {});
  if (!v || v->IsNull()) return {};
  const std::string p = ptr_of(pointer_, key);
  if (!v->IsArray()) wrong(p, "an array", *v);
  std::string out;
  for (rapidjson::SizeType i = 0; i < v->Size(); ++i) {
    const rapidjson::Value* e = &(*v)[i];
    std::string ep = p + "/" + std::to_string(i);
    if (!field.empty()) {
      if (!e->IsObject()) wrong(ep, "an object", *e);
      if (const rapidjson::Value* type = child(*e, "type"); type && type->IsString() &&
          std::find(skip_types.begin(), skip_types.end(), std::string_view(type->GetString(), type->GetStringLength())) !=
              skip_types.end())
        continue;
      e = child(*e, field);
      ep = ptr_of(ep, field);
      if (!e || e->IsNull()) continue;
    }
    if (!e->IsString()) wrong(ep, "a string", *e);
    if (e->GetStringLength() == 0) continue;
    out += (out.empty() ? "" : "\n") + std::string(e->GetString(), e->GetStringLength());
  }
  return out;
}

void require_api_keys(const DataFile& file, const Kind& kind, const rapidjson::Value& item, const std::string& pointer) {
  const rapidjson::Value* id = kind.id_key.empty() ? nullptr : child(item, kind.id_key);
  const bool has_id = kind.id_key.empty() || (id && !id->IsNull() && !(id->IsString() && id->GetStringLength() == 0));
  // Made only for a message: this runs for every item of a snapshot.
  const auto what = [&] { return "a " + std::string(kind.table) + " item" + (has_id ? "" : " without \"" + std::string(kind.id_key) + "\""); };
  // The API's keys are camelCase: a snake_case key is a wxc_sdk model_dump() without by_alias,
  // whose members the rows would not find ("phone_number"), id or not (a virtual extension's
  // is "id" either way).
  for (const auto& m : item.GetObject())
    if (std::string_view name(m.name.GetString(), m.name.GetStringLength()); name.find('_') != std::string_view::npos)
      file.fail(pointer, what() + (has_id ? "" : ",") + " with snake_case keys (\"" + std::string(name) +
                             "\"): save wxc_sdk models with model_dump_json(), whose keys are the API's");
  if (!has_id) file.fail(pointer, what() + ": every item of the API's list response has one");
}

std::optional<std::string> error_answer(const rapidjson::Value& root) {
  const rapidjson::Value* message = child(root, "message");
  const rapidjson::Value* tracking = child(root, "trackingId");
  if (!message || !message->IsString() || !(child(root, "errors") || tracking)) return std::nullopt;
  return to_json_text(*message) + (tracking && tracking->IsString() ? ", trackingId " + to_json_text(*tracking) : "");
}

}  // namespace wxlint::snapshot
