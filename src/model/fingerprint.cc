// fingerprint.cc: parse trees as location-free text, walked through protobuf-c's descriptors.
#include "model/fingerprint.h"

#include <protobuf-c/protobuf-c.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace migralint::model {
namespace {

const char* At(const ProtobufCMessage* m, std::size_t offset) {
  return reinterpret_cast<const char*>(m) + offset;
}

void Value(const ProtobufCFieldDescriptor& field, const void* slot, std::string& out);

void Message(const ProtobufCMessage* m, std::string& out) {
  if (!m) {
    out += "-";
    return;
  }
  const ProtobufCMessageDescriptor& d = *m->descriptor;
  out += d.short_name;
  out += '{';
  for (unsigned i = 0; i < d.n_fields; ++i) {
    const ProtobufCFieldDescriptor& f = d.fields[i];
    if (std::strcmp(f.name, "location") == 0) continue;
    if ((f.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) &&
        *reinterpret_cast<const std::uint32_t*>(At(m, f.quantifier_offset)) != f.id)
      continue;
    out += f.name;
    out += '=';
    if (f.label == PROTOBUF_C_LABEL_REPEATED) {
      const std::size_t n = *reinterpret_cast<const std::size_t*>(At(m, f.quantifier_offset));
      const char* items = *reinterpret_cast<char* const*>(At(m, f.offset));
      std::size_t size = 4;
      if (f.type == PROTOBUF_C_TYPE_STRING || f.type == PROTOBUF_C_TYPE_MESSAGE)
        size = sizeof(void*);
      else if (f.type == PROTOBUF_C_TYPE_INT64 || f.type == PROTOBUF_C_TYPE_UINT64 ||
               f.type == PROTOBUF_C_TYPE_DOUBLE || f.type == PROTOBUF_C_TYPE_SINT64 ||
               f.type == PROTOBUF_C_TYPE_FIXED64 || f.type == PROTOBUF_C_TYPE_SFIXED64)
        size = 8;
      out += '[';
      for (std::size_t k = 0; k < n; ++k) {
        Value(f, items + k * size, out);
        out += ',';
      }
      out += ']';
    } else {
      Value(f, At(m, f.offset), out);
    }
    out += ';';
  }
  out += '}';
}

void Value(const ProtobufCFieldDescriptor& field, const void* slot, std::string& out) {
  switch (field.type) {
    case PROTOBUF_C_TYPE_MESSAGE:
      Message(*static_cast<const ProtobufCMessage* const*>(slot), out);
      return;
    case PROTOBUF_C_TYPE_STRING: {
      const char* s = *static_cast<const char* const*>(slot);
      out += '"';
      out += s ? s : "";
      out += '"';
      return;
    }
    case PROTOBUF_C_TYPE_INT64:
    case PROTOBUF_C_TYPE_SINT64:
    case PROTOBUF_C_TYPE_SFIXED64:
      out += std::to_string(*static_cast<const std::int64_t*>(slot));
      return;
    case PROTOBUF_C_TYPE_UINT64:
    case PROTOBUF_C_TYPE_FIXED64:
      out += std::to_string(*static_cast<const std::uint64_t*>(slot));
      return;
    case PROTOBUF_C_TYPE_DOUBLE:
      out += std::to_string(*static_cast<const double*>(slot));
      return;
    case PROTOBUF_C_TYPE_FLOAT:
      out += std::to_string(*static_cast<const float*>(slot));
      return;
    case PROTOBUF_C_TYPE_BYTES:
      out += "bytes";
      return;
    case PROTOBUF_C_TYPE_INT32:
    case PROTOBUF_C_TYPE_SINT32:
    case PROTOBUF_C_TYPE_SFIXED32:
    case PROTOBUF_C_TYPE_ENUM:
      out += std::to_string(*static_cast<const std::int32_t*>(slot));
      return;
    default:  // uint32, fixed32, bool
      out += std::to_string(*static_cast<const std::uint32_t*>(slot));
      return;
  }
}

}  // namespace

std::string Fingerprint(const PgQuery__Node* node) {
  std::string out;
  if (node) Message(&node->base, out);
  return out;
}

std::string IndexKey(const PgQuery__IndexElem& elem) {
  const bool plain = elem.name && *elem.name && !elem.expr && elem.n_collation == 0 &&
                     elem.n_opclass == 0 && elem.n_opclassopts == 0 &&
                     elem.ordering <= PG_QUERY__SORT_BY_DIR__SORTBY_DEFAULT &&
                     elem.nulls_ordering <= PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_DEFAULT;
  if (plain) return elem.name;
  // The name PostgreSQL gives the index column (indexcolname) is not what it indexes.
  PgQuery__IndexElem copy = elem;
  copy.indexcolname = nullptr;
  std::string out;
  Message(&copy.base, out);
  return out;
}

std::string IndexDefinition(const std::string& method, const std::vector<std::string>& keys,
                            const std::vector<std::string>& include, const std::string& where) {
  std::string out = method + "(";
  for (std::size_t i = 0; i < keys.size(); ++i) out += (i ? ", " : "") + keys[i];
  out += ")";
  if (!include.empty()) {
    out += " include(";
    for (std::size_t i = 0; i < include.size(); ++i) out += (i ? ", " : "") + include[i];
    out += ")";
  }
  if (!where.empty()) out += " where " + where;
  return out;
}

}  // namespace migralint::model
