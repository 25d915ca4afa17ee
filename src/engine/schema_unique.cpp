#include "engine/schema_unique.hpp"

#include <valijson/constraint_builder.hpp>
#include <valijson/constraints/concrete_constraints.hpp>
#include <valijson/internal/adapter.hpp>
#include <valijson/validation_results.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace wxlint::schema_unique {
namespace {

using Adapter = valijson::adapters::Adapter;

// JSON Schema's equality: numbers by value (1 == 1.0), object members in any order.
// Integers are read as valijson reads them (a uint64 above INT64_MAX wraps).
struct Number {
  bool integral;
  std::int64_t i;
  std::uint64_t bits;
};

Number number(const Adapter& v) {
  std::int64_t i = 0;
  if (v.getInteger(i)) return {true, i, 0};
  double d = 0;
  v.getDouble(d);
  if (std::trunc(d) == d && d >= -9223372036854775808.0 && d < 9223372036854775808.0)
    return {true, static_cast<std::int64_t>(d), 0};
  std::uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  return {false, 0, bits};
}

std::uint64_t mix(std::uint64_t x) {  // splitmix64's finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

std::uint64_t hash_bytes(std::uint64_t h, const std::string& s) {
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return mix(h ^ s.size());
}

// Equal values hash alike; unequal ones rarely do (hash_of's callers compare to be sure).
std::uint64_t hash_of(const Adapter& v) {
  if (v.isNull()) return 1;
  if (v.isBool()) return v.getBool() ? 2 : 3;
  if (v.isNumber()) {
    const Number n = number(v);
    return mix(n.integral ? static_cast<std::uint64_t>(n.i) * 4 + 4 : n.bits ^ 5);
  }
  if (v.isString()) return hash_bytes(6, v.getString());
  std::uint64_t h;
  if (v.isArray()) {
    h = 7;
    v.applyToArray([&h](const Adapter& item) {
      h = mix(h * 31 + hash_of(item));
      return true;
    });
  } else {
    h = 8;  // members in any order: a sum
    v.applyToObject([&h](const std::string& name, const Adapter& value) {
      h += mix(hash_bytes(9, name) ^ (hash_of(value) * 3));
      return true;
    });
  }
  return mix(h);
}

void append_sized(std::string& out, char tag, const std::string& s) {
  out += tag;
  out += std::to_string(s.size());
  out += ':';
  out += s;
}

// A text that two values share exactly when they are equal.
void canonical(const Adapter& v, std::string& out) {
  if (v.isNull()) {
    out += 'n';
  } else if (v.isBool()) {
    out += v.getBool() ? 't' : 'f';
  } else if (v.isNumber()) {
    const Number n = number(v);
    out += n.integral ? 'i' + std::to_string(n.i) + ';' : 'd' + std::to_string(n.bits) + ';';
  } else if (v.isString()) {
    append_sized(out, 's', v.getString());
  } else if (v.isArray()) {
    out += '[';
    v.applyToArray([&out](const Adapter& item) {
      canonical(item, out);
      return true;
    });
    out += ']';
  } else {
    std::vector<std::string> members;
    v.applyToObject([&members](const std::string& name, const Adapter& value) {
      std::string m;
      append_sized(m, 'k', name);
      canonical(value, m);
      members.push_back(std::move(m));
      return true;
    });
    std::sort(members.begin(), members.end());
    out += '{';
    for (const auto& m : members) out += m;
    out += '}';
  }
}

class UniqueItems final : public valijson::constraints::PolyConstraint {
 public:
  bool validate(const Adapter& target, const std::vector<std::string>& context,
                valijson::ValidationResults* results) const override {
    if (!target.isArray()) return true;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keys;  // (hash, index)
    target.applyToArray([&keys](const Adapter& item) {
      keys.emplace_back(hash_of(item), static_cast<std::uint32_t>(keys.size()));
      return true;
    });
    std::sort(keys.begin(), keys.end());
    // Only items that share a hash with another are compared, by their canonical text.
    std::vector<bool> shared(keys.size(), false);
    bool any = false;
    for (std::size_t i = 1; i < keys.size(); ++i)
      if (keys[i].first == keys[i - 1].first) shared[keys[i].second] = shared[keys[i - 1].second] = any = true;
    if (!any) return true;
    std::vector<std::string> text(keys.size());
    std::uint32_t at = 0;
    target.applyToArray([&](const Adapter& item) {
      if (shared[at]) canonical(item, text[at]);
      ++at;
      return true;
    });
    // Each repeated item paired with the first item equal to it, in valijson's order.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    for (std::size_t a = 0; a < keys.size();) {
      std::size_t b = a + 1;
      while (b < keys.size() && keys[b].first == keys[a].first) ++b;
      if (b - a > 1) {
        std::vector<std::uint32_t> run;
        for (std::size_t k = a; k < b; ++k) run.push_back(keys[k].second);
        std::sort(run.begin(), run.end(), [&text](std::uint32_t x, std::uint32_t y) {
          return text[x] != text[y] ? text[x] < text[y] : x < y;
        });
        for (std::size_t k = 1, first = 0; k < run.size(); ++k) {
          if (text[run[k]] != text[run[first]]) first = k;
          else pairs.emplace_back(run[first], run[k]);
        }
      }
      a = b;
    }
    if (pairs.empty()) return true;
    if (!results) return false;
    std::sort(pairs.begin(), pairs.end());
    for (const auto& [i, j] : pairs)
      results->pushError(context, "Elements at indexes #" + std::to_string(i) + " and #" + std::to_string(j) +
                                      " violate uniqueness constraint.");
    return false;
  }

 private:
  valijson::constraints::Constraint* cloneInto(void* p) const override { return new (p) UniqueItems(*this); }
  std::size_t sizeOf() const override { return sizeof(UniqueItems); }
};

class Builder final : public valijson::ConstraintBuilder {
 public:
  valijson::constraints::Constraint* make(const Adapter&) const override { return new UniqueItems(); }
};

}  // namespace

valijson::ConstraintBuilder* make_builder() { return new Builder(); }

}  // namespace wxlint::schema_unique
