#include "engine/identity.hpp"

#include "checks/key_index.hpp"
#include "document/hash_bytes.hpp"
#include "document/json_pointer.hpp"
#include "document/stable_hash.hpp"

#include <cstdint>
#include <unordered_map>

namespace wxlint {
namespace {

// Members that name an item, first found wins: the ids the API gives people, contacts and
// locations, then the numbers that must be unique anyway, then a sub-item's value.
constexpr std::string_view kIdentityMembers[] = {"userId",      "contactId", "personId",  "id",    "locationId",
                                                 "phoneNumber", "number",    "extension", "email", "value"};
constexpr std::size_t kMaxShownValue = 128;  // longer values are hashed

bool scalar(const rapidjson::Value& v) { return !v.IsObject() && !v.IsArray(); }

std::string_view text_of(const rapidjson::Value& v, std::string& scratch) {
  if (v.IsString()) return {v.GetString(), v.GetStringLength()};
  return scratch = to_json_text(v);
}

// "[name=value]", or "[name#hash]" for a long value; "/" and "~" escaped as in pointers.
std::string named(std::string_view name, std::string_view value) {
  std::string out = "[";
  out.reserve(name.size() + value.size() + 4);
  out += name;
  if (value.size() > kMaxShownValue) return out + "#" + detail::hex16(detail::fnv1a(value)) + "]";
  out += '=';
  pointer::append_escaped(out, value);
  out += ']';
  return out;
}

// An item without an identity member is named by its own scalars (the members or elements
// that are neither objects nor arrays): items nested in it may come and go without renaming it.
std::string by_content(const rapidjson::Value& item) {
  std::uint64_t h = detail::kFnvBasis;
  std::string scratch;
  const auto add = [&](std::string_view name, const rapidjson::Value& v) {
    h = detail::fnv1a("\xFF", detail::fnv1a(name, h));
    if (scalar(v)) h = detail::fnv1a("\xFF", detail::fnv1a(to_json_text(v), h));
  };
  if (item.IsObject()) {
    for (const auto& m : item.GetObject()) add({m.name.GetString(), m.name.GetStringLength()}, m.value);
  } else {
    for (const auto& e : item.GetArray()) add("", e);
  }
  return "[#" + detail::hex16(h) + "]";
}

// What names an item: an identity member's (or the scalar's own) value, or its content.
struct ItemName {
  std::string_view name;   // the identity member; "" for a scalar item
  const rapidjson::Value* value = nullptr;  // nullptr: named by content
};

ItemName item_name(const rapidjson::Value& item) {
  if (scalar(item)) return {"", &item};
  if (item.IsObject()) {
    for (std::string_view name : kIdentityMembers) {
      const auto m = item.FindMember(rapidjson::Value(rapidjson::StringRef(name.data(), name.size())));
      if (m != item.MemberEnd() && scalar(m->value)) return {name, &m->value};
    }
  }
  return {};
}

std::string item_token(const rapidjson::Value& item, const ItemName& n) {
  std::string scratch;
  return n.value ? named(n.name, text_of(*n.value, scratch)) : by_content(item);
}

// Equal for items whose tokens are equal, and made without the token's string: the items
// before a finding are only counted, and a big array has many.
std::uint64_t item_count_key(const rapidjson::Value& item, const ItemName& n) {
  if (!n.value) return detail::fnv1a(by_content(item));
  std::string scratch;
  const std::string_view value = text_of(*n.value, scratch);
  // A long value's token shows its FNV hash: equal hashes, equal tokens.
  if (value.size() > kMaxShownValue) return detail::hash_bytes(n.name, detail::fnv1a(value));
  return detail::hash_bytes(value, detail::hash_bytes(n.name, 0x9E3779B97F4A7C15ull));
}

class Keys {
 public:
  std::string key(const rapidjson::Value& root, const std::string& ptr) {
    if (!pointer::is_valid(ptr)) return ptr;
    std::string out, plain;
    const rapidjson::Value* at = &root;
    pointer::each_token(ptr, 0, plain, [&](std::string_view token, std::size_t end) {
      std::size_t i = 0;
      if (at && at->IsArray() && pointer::parse_index(token, i) && i < at->Size()) {
        out += '/';
        out += item(*at, i);
        at = &(*at)[static_cast<rapidjson::SizeType>(i)];
        return;
      }
      pointer::append_key(out, token);
      // The last token needs no lookup: a wide object's many findings cost one each.
      at = at && at->IsObject() && end < ptr.size() ? member(*at, token) : nullptr;
    });
    return out;
  }

 private:
  // Item i's token; the nth item with the same token as earlier ones gets "*n" (a duplicate
  // is often the finding itself). Findings come in text order, so each array is swept
  // forward once, keeping only a count per token hash: no string per item of a big array.
  const std::string& item(const rapidjson::Value& array, std::size_t i) {
    Sweep& s = sweeps_[&array];
    if (i == s.last) return s.token;
    if (i < s.next) s = Sweep{};  // out of order: start again
    for (; s.next < i; ++s.next) {
      const rapidjson::Value& before = array[static_cast<rapidjson::SizeType>(s.next)];
      s.count(item_count_key(before, item_name(before)));
    }
    const rapidjson::Value& item = array[static_cast<rapidjson::SizeType>(i)];
    const ItemName name = item_name(item);
    s.token = item_token(item, name);
    if (const std::uint32_t n = s.count(item_count_key(item, name)); n > 1) s.token += "*" + std::to_string(n);
    s.next = i + 1, s.last = i;
    return s.token;
  }

  // Small objects are searched; wide ones get an index, built once.
  const rapidjson::Value* member(const rapidjson::Value& object, std::string_view name) {
    constexpr rapidjson::SizeType kSearched = 32;
    if (object.MemberCount() <= kSearched) {
      const auto m = object.FindMember(rapidjson::Value(rapidjson::StringRef(name.data(), name.size())));
      return m == object.MemberEnd() ? nullptr : &m->value;
    }
    auto [it, fresh] = objects_.try_emplace(&object);
    if (fresh)
      for (const auto& m : object.GetObject())
        it->second.try_emplace(std::string_view(m.name.GetString(), m.name.GetStringLength()), &m.value);  // the first wins
    const auto found = it->second.find(name);
    return found == it->second.end() ? nullptr : found->second;
  }

  struct Sweep {
    std::size_t next = 0;  // items before it are counted
    std::size_t last = SIZE_MAX;  // the item last asked for, and its token
    std::string token;
    // Items so far with this key, this one included. A flat table: a finding deep in a big
    // array counts every item before it.
    std::uint32_t count(std::uint64_t key) {
      const auto [k, fresh] = index.find_or_add(key, [&](std::uint32_t e) { return keys[e] == key; },
                                                [&](std::uint32_t e) { return keys[e]; });
      if (fresh) keys.push_back(key), counts.push_back(0);
      return ++counts[k];
    }
    checks::KeyIndex index;  // of keys
    std::vector<std::uint64_t> keys;
    std::vector<std::uint32_t> counts;
  };
  std::unordered_map<const rapidjson::Value*, Sweep> sweeps_;
  std::unordered_map<const rapidjson::Value*, std::unordered_map<std::string_view, const rapidjson::Value*>> objects_;
};

}  // namespace

std::string identity_key(const rapidjson::Value& root, const std::string& pointer) { return Keys().key(root, pointer); }

void assign_identity_keys(const Document& doc, std::vector<Diagnostic>& diagnostics) {
  Keys keys;
  for (auto& d : diagnostics) d.key = doc.parsed() ? keys.key(doc.root(), d.location.pointer) : d.location.pointer;
}

}  // namespace wxlint
