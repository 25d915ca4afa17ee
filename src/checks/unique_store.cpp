#include "checks/unique_store.hpp"

#include "document/json_pointer.hpp"

namespace wxlint::checks::unique_store {

void encode_path(const Path& path, std::string& out) {
  out.clear();
  for (std::size_t i = 1; i <= path.depth(); ++i) {
    const Step& s = path.step(i);
    const rapidjson::Value& parent = *path.step(i - 1).value;
    std::uint32_t k = static_cast<std::uint32_t>(s.index);
    if (parent.IsObject()) {
      const auto* first = reinterpret_cast<const char*>(&parent.MemberBegin()->value);
      k = static_cast<std::uint32_t>((reinterpret_cast<const char*>(s.value) - first) /
                                     static_cast<std::ptrdiff_t>(sizeof(rapidjson::Value::Member)));
    }
    while (k >= 0x80) {
      out.push_back(static_cast<char>((k & 0x7F) | 0x80));
      k >>= 7;
    }
    out.push_back(static_cast<char>(k));
  }
}

std::uint32_t read_step(const char*& enc) {
  std::uint32_t k = 0;
  for (unsigned shift = 0;; shift += 7) {
    const auto b = static_cast<unsigned char>(*enc++);
    k |= static_cast<std::uint32_t>(b & 0x7F) << shift;
    if (b < 0x80) return k;
  }
}

const char* skip_path(const char* enc, std::size_t depth) {
  for (std::size_t i = 0; i < depth; ++i) read_step(enc);
  return enc;
}

std::string decode_path(const rapidjson::Value& root, const char* enc, std::size_t depth) {
  std::string out;
  const rapidjson::Value* v = &root;
  for (std::size_t i = 0; i < depth; ++i) {
    const std::uint32_t k = read_step(enc);
    if (v->IsArray()) {
      pointer::append_index(out, k);
      v = &(*v)[k];
    } else {
      const auto m = v->MemberBegin() + k;
      pointer::append_key(out, {m->name.GetString(), m->name.GetStringLength()});
      v = &m->value;
    }
  }
  return out;
}

const rapidjson::Value& node_at(const rapidjson::Value& root, const char* enc, std::size_t depth) {
  const rapidjson::Value* v = &root;
  for (std::size_t i = 0; i < depth; ++i) {
    const std::uint32_t k = read_step(enc);
    v = v->IsArray() ? &(*v)[k] : &(v->MemberBegin() + k)->value;
  }
  return *v;
}

}  // namespace wxlint::checks::unique_store
