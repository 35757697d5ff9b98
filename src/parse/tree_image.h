// tree_image.h: parse trees as position-independent bytes (for the parse cache), and back.
//
// The image is the trees' structs laid out as they are in memory, with every pointer replaced by
// an offset into the image and every descriptor pointer by an index: restoring it is one copy
// and one walk that turns offsets back into pointers.
#pragma once

#include <pg_query/pg_query.pb-c.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "parse/arena.h"

namespace migralint::parse {

class TreeImageWriter {
 public:
  /// Adds the tree under `node`; returns its reference in the image (never 0).
  std::uint64_t Add(const PgQuery__Node* node);
  const std::string& bytes() const { return image_; }

 private:
  std::uint64_t Message(const ProtobufCMessage* message);
  std::uint64_t Reserve(std::size_t size);
  std::string image_;
};

/// The image in `arena`, relocated; Node(reference) gives back each added tree. Every offset is
/// checked: a damaged image is refused, never followed.
class TreeImage {
 public:
  /// False when `bytes` is not a well-formed image.
  bool Load(std::string_view bytes, Arena& arena);
  /// The tree added as `reference`, or null when there is none.
  const PgQuery__Node* Node(std::uint64_t reference);

 private:
  bool Relocate(std::uint64_t offset, const ProtobufCMessageDescriptor* expected);
  char* base_ = nullptr;
  std::size_t size_ = 0;
};

/// Identifies the layout of images (pg_query.proto's messages and their sizes): part of the
/// cache key, so that a libpg_query with other structs never reads another's images.
std::uint64_t TreeImageLayout();

}  // namespace migralint::parse
