#include "checks/unique_store.hpp"

#include "document/json_pointer.hpp"

namespace wxlint::checks::unique_store {

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
