// arena.cc: blocks grow geometrically (up to 256 KiB) so that small trees stay small and big ones
// need few blocks; a request larger than a block gets a block of its own. Blocks of the usual
// sizes are kept for the next arena: a tree per file, freed once replayed, made malloc
// consolidate its free lists on nearly every block.
#include "parse/arena.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <new>
#include <vector>

namespace migralint::parse {

struct Arena::Block {
  Block* next;
  std::size_t size;  // usable bytes after the header
};

namespace {
constexpr std::size_t kAlign = 8;
constexpr std::size_t kMinPooled = 512, kMaxBlock = 256 * 1024;
constexpr std::size_t kHeader = (sizeof(void*) * 2 + kAlign - 1) & ~(kAlign - 1);

// Free blocks by usable size (powers of two, 512 B to 256 KiB), shared by all threads.
class BlockPool {
 public:
  void* Take(std::size_t usable) {
    if (const int c = Class(usable); c >= 0) {
      std::lock_guard lock(mutex_);
      if (!free_[c].empty()) {
        void* block = free_[c].back();
        free_[c].pop_back();
        pooled_ -= usable;
        return block;
      }
    }
    return ::operator new(kHeader + usable);
  }
  void Give(void* block, std::size_t usable) {
    if (const int c = Class(usable); c >= 0) {
      std::lock_guard lock(mutex_);
      if (pooled_ + usable <= kMaxPooled) {
        free_[c].push_back(block);
        pooled_ += usable;
        return;
      }
    }
    ::operator delete(block);
  }
  ~BlockPool() {
    for (auto& blocks : free_) {
      for (void* block : blocks) ::operator delete(block);
    }
  }

 private:
  static constexpr std::size_t kMaxPooled = 16 << 20;
  static int Class(std::size_t usable) {
    if (usable < kMinPooled || usable > kMaxBlock || (usable & (usable - 1))) return -1;
    int c = 0;
    for (std::size_t s = kMinPooled; s < usable; s <<= 1) ++c;
    return c;
  }
  std::mutex mutex_;
  std::array<std::vector<void*>, 10> free_;  // 512 B .. 256 KiB
  std::size_t pooled_ = 0;
};

BlockPool& Pool() {
  static BlockPool pool;
  return pool;
}

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
    Pool().Give(blocks_, blocks_->size);
    blocks_ = next;
  }
}

void* Arena::Allocate(std::size_t size) {
  size = (std::max<std::size_t>(size, 1) + kAlign - 1) & ~(kAlign - 1);
  if (static_cast<std::size_t>(limit_ - cursor_) < size) {
    const std::size_t usable = std::max(size, next_block_);
    next_block_ = std::min(next_block_ * 2, kMaxBlock);
    auto* block = static_cast<Block*>(Pool().Take(usable));
    block->next = blocks_;
    block->size = usable;
    blocks_ = block;
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
