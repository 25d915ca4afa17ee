// Internal: builds the DOM from parse events with every array and object allocated at
// its exact size, so that a dense input (3.5 million `[]` in 10 MB) costs its DOM and
// little more. rapidjson::Document, used as the handler, keeps all open values on one
// stack and copies a container out of it when it closes: a big array is then held
// twice. Here the open values live in chunks that are returned to the system as soon
// as a closing container has copied them.
#pragma once

#include <cstddef>
#include <vector>

#include <rapidjson/document.h>

namespace wxlint::detail {

class DomBuilder {
 public:
  using Value = rapidjson::Value;
  using SizeType = rapidjson::SizeType;

  explicit DomBuilder(rapidjson::Document::AllocatorType& allocator) : allocator_(allocator) {}
  ~DomBuilder();
  DomBuilder(const DomBuilder&) = delete;
  DomBuilder& operator=(const DomBuilder&) = delete;

  // v (moved) on top of the open values.
  Value& push(Value&& v = Value());
  // The top `elements` values (an object: `members` name, value pairs) become one array
  // (object) value in their place.
  void end_array(SizeType elements);
  void end_object(SizeType members);
  // Moves the one finished value into dom; the builder is then empty.
  void finish(rapidjson::Document& dom);

 private:
  static constexpr std::size_t kChunkValues = std::size_t{1} << 14;  // 256 KiB

  Value* gather(std::size_t first, std::size_t count);
  Value* acquire();
  void release(Value* chunk);

  rapidjson::Document::AllocatorType& allocator_;
  std::vector<Value*> chunks_;  // chunks_[i] holds values [i * kChunkValues, (i + 1) * kChunkValues)
  std::size_t size_ = 0;
  Value* spare_ = nullptr;  // one released chunk kept, so a stack rocking at a chunk edge does not map and unmap
};

}  // namespace wxlint::detail
