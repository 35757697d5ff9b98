// tree_image.cc: writing copies each struct and rewrites its pointer fields (message, string,
// repeated) as image offsets + 1 (0 stays null); loading walks from each root, checking bounds,
// alignment and descriptors before it turns an offset back into a pointer.
#include "parse/tree_image.h"

#include <cstring>

#include "parse/protobuf_fields.h"

namespace migralint::parse {
namespace {

constexpr std::size_t kAlign = 8;

}  // namespace

std::uint64_t TreeImageLayout() { return MessagesLayout(); }

std::uint64_t TreeImageWriter::Reserve(std::size_t size) {
  const std::size_t at = (image_.size() + kAlign - 1) & ~(kAlign - 1);
  image_.resize(at + ((size + kAlign - 1) & ~(kAlign - 1)), '\0');
  return at;
}

std::uint64_t TreeImageWriter::Add(const PgQuery__Node* node) { return Message(&node->base) + 1; }

std::uint64_t TreeImageWriter::Message(const ProtobufCMessage* from) {
  const MessageInfo& info = InfoOf(from->descriptor);
  const std::uint64_t at = Reserve(info.descriptor->sizeof_message);
  std::memcpy(image_.data() + at, from, info.descriptor->sizeof_message);
  // (Reserve may move the image: `at` is re-read as an address after each call.)
  auto here = [&] { return reinterpret_cast<ProtobufCMessage*>(image_.data() + at); };
  here()->descriptor = reinterpret_cast<const ProtobufCMessageDescriptor*>(info.index);
  here()->n_unknown_fields = 0;
  here()->unknown_fields = nullptr;
  auto value = [&](ProtobufCType type, const void* pointer) -> std::uint64_t {
    if (!pointer) return 0;
    if (type == PROTOBUF_C_TYPE_MESSAGE)
      return Message(static_cast<const ProtobufCMessage*>(pointer)) + 1;
    const std::string_view text(static_cast<const char*>(pointer));
    const std::uint64_t s = Reserve(text.size() + 1);  // zeroed: the NUL is there
    std::memcpy(image_.data() + s, text.data(), text.size());
    return s + 1;
  };
  auto* source = const_cast<ProtobufCMessage*>(from);
  ForEachPointerField(source, info, [&](const ProtobufCFieldDescriptor& field) {
    const void* pointer = *static_cast<void* const*>(FieldAt(source, field));
    std::uint64_t reference = 0;
    if (field.label != PROTOBUF_C_LABEL_REPEATED) {
      reference = value(field.type, pointer);
    } else if (const std::size_t n = CountOf(source, field); n) {
      const std::size_t size = ElementSize(field.type);
      const std::uint64_t items = Reserve(size * n);
      std::memcpy(image_.data() + items, pointer, size * n);
      if (field.type == PROTOBUF_C_TYPE_MESSAGE || field.type == PROTOBUF_C_TYPE_STRING) {
        for (std::size_t k = 0; k < n; ++k) {
          const std::uint64_t item = value(field.type, static_cast<void* const*>(pointer)[k]);
          std::memcpy(image_.data() + items + k * sizeof item, &item, sizeof item);
        }
      }
      reference = items + 1;
    }
    std::memcpy(FieldAt(here(), field), &reference, sizeof reference);
  });
  return at;
}

bool TreeImage::Load(std::string_view bytes, Arena& arena) {
  if (bytes.size() % kAlign) return false;
  size_ = bytes.size();
  base_ = static_cast<char*>(arena.Allocate(size_));
  std::memcpy(base_, bytes.data(), size_);
  return true;
}

const PgQuery__Node* TreeImage::Node(std::uint64_t reference) {
  if (reference == 0 || !Relocate(reference - 1, &pg_query__node__descriptor)) return nullptr;
  return reinterpret_cast<const PgQuery__Node*>(base_ + reference - 1);
}

bool TreeImage::Relocate(std::uint64_t at, const ProtobufCMessageDescriptor* expected) {
  if (at % kAlign || at + sizeof(ProtobufCMessage) > size_) return false;
  auto* message = reinterpret_cast<ProtobufCMessage*>(base_ + at);
  // A message seen twice (a damaged image) holds a real descriptor by now: no such index.
  const MessageInfo* info = InfoAt(reinterpret_cast<std::uintptr_t>(message->descriptor));
  if (!info || info->descriptor != expected || at + expected->sizeof_message > size_) return false;
  message->descriptor = expected;
  message->n_unknown_fields = 0;  // (written so; never trusted)
  message->unknown_fields = nullptr;
  // Turns the offset in `slot` into a pointer, after checking what it points at.
  auto pointer = [&](const ProtobufCFieldDescriptor& field, void*& slot) {
    const auto reference = reinterpret_cast<std::uintptr_t>(slot);
    if (reference == 0) return true;  // null stays null
    const std::uint64_t target = reference - 1;
    if (field.type == PROTOBUF_C_TYPE_MESSAGE) {
      if (!Relocate(target, static_cast<const ProtobufCMessageDescriptor*>(field.descriptor)))
        return false;
    } else if (target >= size_ || !std::memchr(base_ + target, '\0', size_ - target)) {
      return false;  // a string must end inside the image
    }
    slot = base_ + target;
    return true;
  };
  bool ok = true;
  ok &= ForEachPointerField(message, *info, [&](const ProtobufCFieldDescriptor& field) {
    if (!ok) return;
    void*& slot = *static_cast<void**>(FieldAt(message, field));
    if (field.label != PROTOBUF_C_LABEL_REPEATED) {
      ok = pointer(field, slot);
      return;
    }
    const std::size_t n = CountOf(message, field);
    const auto reference = reinterpret_cast<std::uintptr_t>(slot);
    const std::size_t size = ElementSize(field.type);
    if (n == 0) {
      slot = nullptr;
      return;
    }
    if (reference == 0 || (reference - 1) % kAlign || n > size_ / size ||
        reference - 1 + n * size > size_) {
      ok = false;
      return;
    }
    slot = base_ + reference - 1;
    if (field.type == PROTOBUF_C_TYPE_MESSAGE || field.type == PROTOBUF_C_TYPE_STRING) {
      auto** items = static_cast<void**>(slot);
      for (std::size_t k = 0; k < n && ok; ++k) ok = items[k] && pointer(field, items[k]);
    }
  });
  return ok;
}

}  // namespace migralint::parse
