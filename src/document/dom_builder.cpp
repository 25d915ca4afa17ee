#include "document/dom_builder.hpp"

#include <algorithm>
#include <cstring>
#include <new>
#include <utility>

#include <sys/mman.h>

namespace wxlint::detail {
struct AdoptTag;
}  // namespace wxlint::detail

namespace rapidjson {

// RapidJSON 1.1.0 can make an array or object only by copying its elements from
// contiguous memory (SetArrayRaw) or by growing it (PushBack, AddMember: from 16
// members, with the outgrown blocks left in the pool). GenericValue befriends every
// GenericDocument; this specialisation, for a tag of ours, hands a value the exact-size
// block the builder filled.
template <>
class GenericDocument<UTF8<>, MemoryPoolAllocator<CrtAllocator>, wxlint::detail::AdoptTag> {
 public:
  static void adopt_array(Value& v, Value* elements, SizeType count) {
    v.data_.f.flags = Value::kArrayFlag;
    v.SetElementsPointer(count ? elements : nullptr);
    v.data_.a.size = v.data_.a.capacity = count;
  }
  static void adopt_object(Value& v, Value::Member* members, SizeType count) {
    v.data_.f.flags = Value::kObjectFlag;
    v.SetMembersPointer(count ? members : nullptr);
    v.data_.o.size = v.data_.o.capacity = count;
  }
};

}  // namespace rapidjson

namespace wxlint::detail {
namespace {

using Adopt = rapidjson::GenericDocument<rapidjson::UTF8<>, rapidjson::MemoryPoolAllocator<rapidjson::CrtAllocator>, AdoptTag>;
using Value = rapidjson::Value;
constexpr std::size_t kChunkBytes = (std::size_t{1} << 14) * sizeof(Value);

// Values are moved by copying their bytes (as RapidJSON's own stack does), and the pool
// allocator never frees, so no destructor needs to run on a slot.
static_assert(!rapidjson::Document::AllocatorType::kNeedFree);
// An object's members are its name, value pairs as they lie on the stack.
static_assert(sizeof(Value::Member) == 2 * sizeof(Value));

// One chunk per thread outlives its builder, so that a batch of small files maps and unmaps
// none: each munmap also flushes the TLB, which the snapshot's tables then pay for.
struct ThreadChunk {
  Value* chunk = nullptr;
  ~ThreadChunk() {
    if (chunk != nullptr) munmap(chunk, kChunkBytes);
  }
};
thread_local ThreadChunk t_kept;

}  // namespace

DomBuilder::~DomBuilder() {
  for (Value* c : chunks_) release(c);
  if (spare_ == nullptr) return;
  if (t_kept.chunk == nullptr) t_kept.chunk = spare_;
  else munmap(spare_, kChunkBytes);
}

Value* DomBuilder::acquire() {
  if (spare_ != nullptr) return std::exchange(spare_, nullptr);
  if (t_kept.chunk != nullptr) return std::exchange(t_kept.chunk, nullptr);
  // Mapped, not malloc'd: a released chunk must go back to the system at once, for the
  // block that a closing container is being copied into.
  void* p = mmap(nullptr, kChunkBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  return static_cast<Value*>(p);
}

void DomBuilder::release(Value* chunk) {
  if (spare_ == nullptr) {
    spare_ = chunk;
  } else {
    munmap(chunk, kChunkBytes);
  }
}

Value& DomBuilder::push(Value&& v) {
  if (size_ == chunks_.size() * kChunkValues) chunks_.push_back(acquire());
  Value* slot = chunks_[size_ / kChunkValues] + size_ % kChunkValues;
  ++size_;
  return *new (slot) Value(std::move(v));
}

// Copies values [first, first + count) (the top of the stack) into a block of the
// document's allocator, unmapping each chunk once copied, and pops them.
Value* DomBuilder::gather(std::size_t first, std::size_t count) {
  if (count == 0) return nullptr;
  auto* out = static_cast<Value*>(allocator_.Malloc(count * sizeof(Value)));
  if (!out) throw std::bad_alloc();  // RapidJSON's pool returns null when memory runs out
  std::size_t i = first;
  while (i < size_) {
    const std::size_t c = i / kChunkValues, o = i % kChunkValues;
    const std::size_t n = std::min(kChunkValues - o, size_ - i);
    std::memcpy(static_cast<void*>(out + (i - first)), chunks_[c] + o, n * sizeof(Value));
    if (o == 0) {  // wholly above first: no longer needed
      release(chunks_[c]);
      chunks_[c] = nullptr;
    }
    i += n;
  }
  size_ = first;
  chunks_.resize((size_ + kChunkValues - 1) / kChunkValues);
  return out;
}

void DomBuilder::end_array(SizeType elements) {
  Value* block = gather(size_ - elements, elements);
  Adopt::adopt_array(push(), block, elements);
}

void DomBuilder::end_object(SizeType members) {
  Value* block = gather(size_ - 2 * std::size_t{members}, 2 * std::size_t{members});
  Adopt::adopt_object(push(), reinterpret_cast<Value::Member*>(block), members);
}

void DomBuilder::finish(rapidjson::Document& dom) {
  if (size_ == 0) return;
  static_cast<Value&>(dom) = chunks_[0][0];  // moves
  size_ = 0;
}

}  // namespace wxlint::detail
