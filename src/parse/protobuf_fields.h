// protobuf_fields.h: reading and writing a protobuf-c message's fields through its descriptor.
#pragma once

#include <protobuf-c/protobuf-c.h>

#include <cstddef>
#include <cstdint>

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

}  // namespace migralint::parse
