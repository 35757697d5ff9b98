// tree_copy.cc: a generic deep copy through pg_query.proto's descriptors: scalars come with the
// message's bytes; strings, sub-messages and arrays are copied one by one.
#include "parse/tree_copy.h"

#include <cstring>

#include "parse/protobuf_fields.h"

namespace migralint::parse {
namespace {

const ProtobufCFieldDescriptor* FieldNamed(const ProtobufCMessageDescriptor& descriptor,
                                           const char* name) {
  return protobuf_c_message_descriptor_get_field_by_name(&descriptor, name);
}

class Copier {
 public:
  Copier(Arena& arena, Rows rows)
      : arena_(arena),
        values_lists_(rows == Rows::kDrop
                          ? FieldNamed(pg_query__select_stmt__descriptor, "values_lists")
                          : nullptr) {}

  ProtobufCMessage* Message(const ProtobufCMessage* from) {
    const MessageInfo& info = InfoOf(from->descriptor);
    auto* to = static_cast<ProtobufCMessage*>(arena_.Allocate(info.descriptor->sizeof_message));
    std::memcpy(to, from, info.descriptor->sizeof_message);
    ForEachPointerField(to, info, [&](const ProtobufCFieldDescriptor& field) {
      void*& slot = *static_cast<void**>(FieldAt(to, field));
      if (field.label != PROTOBUF_C_LABEL_REPEATED) {
        if (slot) slot = Value(field.type, slot);
        return;
      }
      std::size_t& n = CountOf(to, field);
      if (&field == values_lists_) n = 0;
      const std::size_t size = ElementSize(field.type) * n;
      void* items = n ? arena_.Allocate(size) : nullptr;
      if (n) std::memcpy(items, slot, size);
      slot = items;
      if (field.type == PROTOBUF_C_TYPE_MESSAGE || field.type == PROTOBUF_C_TYPE_STRING) {
        auto** values = static_cast<void**>(items);
        for (std::size_t k = 0; k < n; ++k) values[k] = Value(field.type, values[k]);
      }
    });
    return to;
  }

 private:
  void* Value(ProtobufCType type, void* from) {
    if (type == PROTOBUF_C_TYPE_STRING) return arena_.Copy(static_cast<const char*>(from));
    return Message(static_cast<const ProtobufCMessage*>(from));
  }

  Arena& arena_;
  const ProtobufCFieldDescriptor* values_lists_;
};

}  // namespace

const PgQuery__Node* CopyNode(const PgQuery__Node* node, Arena& arena, Rows rows) {
  return reinterpret_cast<const PgQuery__Node*>(Copier(arena, rows).Message(&node->base));
}

}  // namespace migralint::parse
