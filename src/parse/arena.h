// arena.h: a bump allocator that owns every node of a parse tree, freed all at once.
//
// libpg_query trees are thousands of small structs per statement; allocating them one by one
// (and freeing them one by one) cost more than PostgreSQL's grammar itself.
#pragma once

#include <protobuf-c/protobuf-c.h>

#include <cstddef>
#include <string_view>

namespace migralint::parse {

class Arena {
 public:
  /// `first_block`: bytes of the first block (later ones double, up to 256 KiB).
  explicit Arena(std::size_t first_block = 4096);
  ~Arena();
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  /// `size` bytes, 8-byte aligned, uninitialised; lives as long as the arena.
  void* Allocate(std::size_t size);
  /// A NUL-terminated copy of `text`.
  char* Copy(std::string_view text);
  /// For protobuf-c's unpack: allocations come from this arena, frees are no-ops.
  ProtobufCAllocator* protobuf() { return &protobuf_; }

 private:
  struct Block;
  Block* blocks_ = nullptr;
  char* cursor_ = nullptr;
  char* limit_ = nullptr;
  std::size_t next_block_ = 4096;
  ProtobufCAllocator protobuf_;
};

}  // namespace migralint::parse
