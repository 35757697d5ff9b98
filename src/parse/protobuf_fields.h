// protobuf_fields.h: reading and writing a protobuf-c message's fields through its descriptor.
#pragma once

#include <protobuf-c/protobuf-c.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace migralint::parse {

/// Bytes one value of `type` takes in a message (or in a repeated field's array).
inline std::size_t ElementSize(ProtobufCType type) {
  switch (type) {
    case PROTOBUF_C_TYPE_INT64:
    case PROTOBUF_C_TYPE_SINT64:
    case PROTOBUF_C_TYPE_SFIXED64:
    case PROTOBUF_C_TYPE_UINT64:
    case PROTOBUF_C_TYPE_FIXED64:
    case PROTOBUF_C_TYPE_DOUBLE:
      return 8;
    case PROTOBUF_C_TYPE_STRING:
    case PROTOBUF_C_TYPE_MESSAGE:
      return sizeof(void*);
    case PROTOBUF_C_TYPE_BYTES:
      return sizeof(ProtobufCBinaryData);
    default:
      return 4;  // 32-bit integers, float, bool (protobuf_c_boolean), enum
  }
}

/// The field's storage in `message`; for a repeated field, the pointer to its array.
inline void* FieldAt(ProtobufCMessage* message, const ProtobufCFieldDescriptor& field) {
  return reinterpret_cast<char*>(message) + field.offset;
}
/// A repeated field's element count.
inline std::size_t& CountOf(ProtobufCMessage* message, const ProtobufCFieldDescriptor& field) {
  return *reinterpret_cast<std::size_t*>(reinterpret_cast<char*>(message) +
                                         field.quantifier_offset);
}
/// A oneof member's case slot.
inline std::uint32_t& CaseOf(ProtobufCMessage* message, const ProtobufCFieldDescriptor& field) {
  return *reinterpret_cast<std::uint32_t*>(reinterpret_cast<char*>(message) +
                                           field.quantifier_offset);
}

/// What walking a message type needs, for every message of pg_query.proto (reachable from
/// ParseResult), built once.
struct MessageInfo {
  const ProtobufCMessageDescriptor* descriptor;
  std::size_t index;  // a fixed position among all the messages
  /// Fields holding pointers (sub-messages, strings, arrays) outside any oneof.
  std::vector<const ProtobufCFieldDescriptor*> pointers;
  /// Each oneof's case slot (offset); the member set there is found by its id.
  std::vector<unsigned> oneofs;
};
const MessageInfo& InfoOf(const ProtobufCMessageDescriptor* descriptor);
/// The message at `index`, or null past the last.
const MessageInfo* InfoAt(std::size_t index);
/// A hash of every message's name, size and field layout.
std::uint64_t MessagesLayout();

/// True for the fields a deep copy or a relocation must follow: sub-messages, strings, arrays.
inline bool HoldsPointer(const ProtobufCFieldDescriptor& field) {
  return field.type == PROTOBUF_C_TYPE_MESSAGE || field.type == PROTOBUF_C_TYPE_STRING ||
         field.label == PROTOBUF_C_LABEL_REPEATED;
}

/// Calls visit(field) for the fields of `message` holding pointers right now: those outside
/// oneofs, and the member set of each oneof. False (and stops) when a oneof's case names no
/// member. (Node is one oneof of ~250 members: its case is looked up, not scanned for.)
template <typename Visit>
bool ForEachPointerField(ProtobufCMessage* message, const MessageInfo& info, Visit visit) {
  for (const ProtobufCFieldDescriptor* field : info.pointers) visit(*field);
  for (unsigned offset : info.oneofs) {
    const std::uint32_t id =
        *reinterpret_cast<std::uint32_t*>(reinterpret_cast<char*>(message) + offset);
    if (id == 0) continue;
    const ProtobufCFieldDescriptor* member =
        protobuf_c_message_descriptor_get_field(info.descriptor, id);
    if (!member) return false;
    if (HoldsPointer(*member)) visit(*member);
  }
  return true;
}

}  // namespace migralint::parse
