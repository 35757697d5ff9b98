// arena.cc: blocks grow geometrically (up to 256 KiB) so that small trees stay small and big ones
// need few blocks; a request larger than a block gets a block of its own.
#include "parse/arena.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <new>

namespace migralint::parse {

struct Arena::Block {
  Block* next;
  std::size_t size;  // usable bytes after the header
};

namespace {
constexpr std::size_t kAlign = 8;
constexpr std::size_t kMaxBlock = 256 * 1024;
constexpr std::size_t kHeader = (sizeof(void*) * 2 + kAlign - 1) & ~(kAlign - 1);
}  // namespace

Arena::Arena(std::size_t first_block) : next_block_(first_block) {
  protobuf_.alloc = [](void* self, std::size_t size) {
    return static_cast<Arena*>(self)->Allocate(size);
  };
  protobuf_.free = [](void*, void*) {};
  protobuf_.allocator_data = this;
}

Arena::~Arena() {
  while (blocks_) {
    Block* next = blocks_->next;
    ::operator delete(blocks_);
    blocks_ = next;
  }
}

void* Arena::Allocate(std::size_t size) {
  size = (std::max<std::size_t>(size, 1) + kAlign - 1) & ~(kAlign - 1);
  if (static_cast<std::size_t>(limit_ - cursor_) < size) {
    const std::size_t usable = std::max(size, next_block_);
    next_block_ = std::min(next_block_ * 2, kMaxBlock);
    auto* block = static_cast<Block*>(::operator new(kHeader + usable));
    block->next = blocks_;
    block->size = usable;
    blocks_ = block;
    reserved_ += kHeader + usable;
    cursor_ = reinterpret_cast<char*>(block) + kHeader;
    limit_ = cursor_ + usable;
  }
  void* out = cursor_;
  cursor_ += size;
  return out;
}

char* Arena::Copy(std::string_view text) {
  auto* out = static_cast<char*>(Allocate(text.size() + 1));
  std::memcpy(out, text.data(), text.size());
  out[text.size()] = '\0';
  return out;
}

}  // namespace migralint::parse
