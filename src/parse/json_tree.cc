// json_tree.cc: a generic JSON-to-protobuf-c reader driven by pg_query.proto's descriptors.
//
// libpg_query names JSON members by the proto's json_name: the field's own name (stmt_len), its
// lowerCamelCase (targetList), or, for the members of Node's oneof, the message type
// (SelectStmt). Each message's table accepts those forms; members arrive mostly in field order,
// so a lookup first scans forward from the previous match.
#include "parse/json_tree.h"

#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "parse/protobuf_fields.h"

namespace migralint::parse {
namespace {

struct MessageTable;

struct FieldEntry {
  const ProtobufCFieldDescriptor* field;
  std::string name;                       // as in the proto
  std::string camel;                      // lowerCamelCase, or the message type for Node's members
  const MessageTable* message = nullptr;  // for message fields
};

struct MessageTable {
  const ProtobufCMessageDescriptor* descriptor;
  std::vector<FieldEntry> fields;  // descriptor order
  std::unordered_map<std::string_view, const FieldEntry*> by_name;

  const FieldEntry* Find(std::string_view key, std::size_t& cursor) const {
    constexpr std::size_t kScan = 24;  // beyond this, hashing is cheaper than scanning
    if (fields.size() <= kScan) {
      for (std::size_t i = cursor; i < fields.size(); ++i) {
        if (fields[i].name == key || fields[i].camel == key) {
          cursor = i + 1;
          return &fields[i];
        }
      }
    }
    auto it = by_name.find(key);
    if (it == by_name.end()) return nullptr;
    cursor = static_cast<std::size_t>(it->second - fields.data()) + 1;
    return it->second;
  }
};

std::string LowerCamel(std::string_view name) {
  std::string out;
  bool upper = false;
  for (char c : name) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

// A table for every message of pg_query.proto (protobuf_fields' list), built once.
class Tables {
 public:
  Tables() {
    for (std::size_t i = 0; const MessageInfo* info = InfoAt(i); ++i) Add(info->descriptor);
    for (auto& [descriptor, table] : tables_) {
      for (FieldEntry& f : table->fields) {
        if (f.field->type == PROTOBUF_C_TYPE_MESSAGE)
          f.message =
              tables_.at(static_cast<const ProtobufCMessageDescriptor*>(f.field->descriptor)).get();
      }
    }
  }
  const MessageTable& root() const { return *tables_.at(&pg_query__parse_result__descriptor); }

 private:
  void Add(const ProtobufCMessageDescriptor* descriptor) {
    auto table = std::make_unique<MessageTable>();
    table->descriptor = descriptor;
    const bool node = descriptor == &pg_query__node__descriptor;
    for (unsigned i = 0; i < descriptor->n_fields; ++i) {
      const ProtobufCFieldDescriptor& field = descriptor->fields[i];
      FieldEntry entry{&field, field.name, LowerCamel(field.name)};
      if (node && field.type == PROTOBUF_C_TYPE_MESSAGE) {
        // The proto's message name ("pg_query.A_Const"); short_name is protobuf-c's ("AConst").
        const std::string_view type =
            static_cast<const ProtobufCMessageDescriptor*>(field.descriptor)->name;
        entry.camel = type.substr(type.rfind('.') + 1);
      }
      table->fields.push_back(std::move(entry));
    }
    for (const FieldEntry& f : table->fields) {
      table->by_name.emplace(f.name, &f);
      table->by_name.emplace(f.camel, &f);
    }
    tables_.emplace(descriptor, std::move(table));
  }

  std::unordered_map<const ProtobufCMessageDescriptor*, std::unique_ptr<MessageTable>> tables_;
};

class Reader {
 public:
  Reader(std::string_view sql, Arena& arena) : sql_(sql), arena_(arena) {}

  /// The tree, or null when the JSON does not fit or leaves an integer undecided.
  PgQuery__ParseResult* Tree(const MessageTable& root, simdjson::dom::element json) {
    ProtobufCMessage* tree = Message(root, json);
    return tree && undecided_ == 0 ? reinterpret_cast<PgQuery__ParseResult*>(tree) : nullptr;
  }

  ProtobufCMessage* Message(const MessageTable& table, simdjson::dom::element json) {
    simdjson::dom::object object;
    if (json.get_object().get(object)) return nullptr;
    auto* message =
        static_cast<ProtobufCMessage*>(arena_.Allocate(table.descriptor->sizeof_message));
    table.descriptor->message_init(message);
    std::size_t cursor = 0;
    for (simdjson::dom::key_value_pair member : object) {
      const FieldEntry* entry = table.Find(member.key, cursor);
      if (!entry) return nullptr;
      const ProtobufCFieldDescriptor& field = *entry->field;
      if (field.label == PROTOBUF_C_LABEL_REPEATED) {
        simdjson::dom::array items;
        if (member.value.get_array().get(items)) return nullptr;
        const std::size_t size = ElementSize(field.type);
        const std::size_t n = items.size();
        char* values = static_cast<char*>(arena_.Allocate(n * size));
        std::size_t i = 0;
        for (simdjson::dom::element item : items) {
          if (!Value(*entry, item, values + size * i++)) return nullptr;
        }
        CountOf(message, field) = n;
        *static_cast<void**>(FieldAt(message, field)) = values;
        continue;
      }
      if (!Value(*entry, member.value, FieldAt(message, field))) return nullptr;
      // (pg_query.proto is proto3: no optional fields with a has_ flag.)
      if (field.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) CaseOf(message, field) = field.id;
    }
    return Decide(message) ? message : nullptr;
  }

 private:
  template <typename T>
  static bool Integer(simdjson::dom::element json, void* out) {
    std::int64_t v;
    if (json.get_int64().get(v) || v < std::numeric_limits<T>::min() ||
        v > std::numeric_limits<T>::max())
      return false;
    *static_cast<T*>(out) = static_cast<T>(v);
    return true;
  }

  bool Value(const FieldEntry& entry, simdjson::dom::element json, void* out) {
    const ProtobufCFieldDescriptor& field = *entry.field;
    switch (field.type) {
      case PROTOBUF_C_TYPE_INT32:
      case PROTOBUF_C_TYPE_SINT32:
      case PROTOBUF_C_TYPE_SFIXED32:
        return Integer<std::int32_t>(json, out);
      case PROTOBUF_C_TYPE_UINT32:
      case PROTOBUF_C_TYPE_FIXED32:
        return Integer<std::uint32_t>(json, out);
      case PROTOBUF_C_TYPE_INT64:
      case PROTOBUF_C_TYPE_SINT64:
      case PROTOBUF_C_TYPE_SFIXED64:
        return !json.get_int64().get(*static_cast<std::int64_t*>(out));
      case PROTOBUF_C_TYPE_UINT64:
      case PROTOBUF_C_TYPE_FIXED64:
        return !json.get_uint64().get(*static_cast<std::uint64_t*>(out));
      case PROTOBUF_C_TYPE_DOUBLE:
        return !json.get_double().get(*static_cast<double*>(out));
      case PROTOBUF_C_TYPE_FLOAT: {
        double v;
        if (json.get_double().get(v)) return false;
        *static_cast<float*>(out) = static_cast<float>(v);
        return true;
      }
      case PROTOBUF_C_TYPE_BOOL: {
        bool v;
        if (json.get_bool().get(v)) return false;
        *static_cast<protobuf_c_boolean*>(out) = v;
        return true;
      }
      case PROTOBUF_C_TYPE_ENUM: {
        std::string_view name;
        if (json.get_string().get(name)) return false;
        const auto* descriptor = static_cast<const ProtobufCEnumDescriptor*>(field.descriptor);
        const ProtobufCEnumValueIndex* begin = descriptor->values_by_name;
        const ProtobufCEnumValueIndex* end = begin + descriptor->n_value_names;
        const ProtobufCEnumValueIndex* found = std::lower_bound(
            begin, end, name,
            [](const ProtobufCEnumValueIndex& v, std::string_view n) { return v.name < n; });
        if (found == end || found->name != name) return false;
        *static_cast<int*>(out) = descriptor->values[found->index].value;
        return true;
      }
      case PROTOBUF_C_TYPE_STRING: {
        std::string_view text;
        if (json.get_string().get(text)) return false;
        *static_cast<char**>(out) = arena_.Copy(text);
        return true;
      }
      case PROTOBUF_C_TYPE_MESSAGE: {
        ProtobufCMessage* message = Message(*entry.message, json);
        *static_cast<ProtobufCMessage**>(out) = message;
        return message != nullptr;
      }
      default:
        return false;  // bytes: pg_query.proto has none
    }
  }

  // libpg_query's JSON writes an Integer's ival only when it is positive: `{}` is 0 or a
  // negative number. Where the context tells which, it is decided here; an Integer left
  // undecided makes the caller take the protobuf path.
  bool Decide(ProtobufCMessage* message) {
    const ProtobufCMessageDescriptor* type = message->descriptor;
    if (type == &pg_query__integer__descriptor) {
      if (reinterpret_cast<PgQuery__Integer*>(message)->ival == 0) ++undecided_;
    } else if (type == &pg_query__a__const__descriptor) {
      // A literal: a negative one starts at its '-' (PostgreSQL folds the minus into it).
      auto* constant = reinterpret_cast<PgQuery__AConst*>(message);
      if (constant->val_case == PG_QUERY__A__CONST__VAL_IVAL && constant->ival->ival == 0) {
        const auto at = static_cast<std::size_t>(constant->location);
        if (constant->location < 0 || at >= sql_.size()) return false;
        if (sql_[at] == '-' && !Negative(at + 1, constant->ival->ival)) return false;
        --undecided_;
      }
    } else if (type == &pg_query__type_name__descriptor) {
      // An array bound: `[]` is -1, `[N]` is N. (`[0]` reads as `[]`: PostgreSQL ignores
      // declared bounds, so both declare the same type.)
      auto* name = reinterpret_cast<PgQuery__TypeName*>(message);
      for (std::size_t i = 0; i < name->n_array_bounds; ++i) {
        PgQuery__Node* bound = name->array_bounds[i];
        if (bound->node_case == PG_QUERY__NODE__NODE_INTEGER && bound->integer->ival == 0) {
          bound->integer->ival = -1;
          --undecided_;
        }
      }
    }
    return true;
  }

  // The number after a minus at `at`: `- 5`, `-(5)`, `- /* c */ 5`. False when it is not
  // plain decimal digits that fit an int32 (the protobuf path then decides).
  bool Negative(std::size_t at, std::int32_t& out) const {
    while (at < sql_.size()) {
      const char c = sql_[at];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '(') {
        ++at;
      } else if (sql_.compare(at, 2, "--") == 0) {
        at = sql_.find('\n', at);
      } else if (sql_.compare(at, 2, "/*") == 0) {
        return false;  // nested comments: rare enough to leave to the protobuf path
      } else {
        break;
      }
    }
    std::int64_t value = 0;
    std::size_t digits = 0;
    for (; at < sql_.size() && sql_[at] >= '0' && sql_[at] <= '9' && digits < 11; ++at, ++digits)
      value = value * 10 + (sql_[at] - '0');
    if (digits == 0 || value > std::int64_t{1} << 31) return false;
    if (at < sql_.size() &&
        (std::isalnum(static_cast<unsigned char>(sql_[at])) || sql_[at] == '.' || sql_[at] == '_'))
      return false;
    out = static_cast<std::int32_t>(-value);
    return true;
  }

  std::string_view sql_;
  Arena& arena_;
  int undecided_ = 0;
};

}  // namespace

simdjson::dom::parser BoundedJsonParser() {
  simdjson::dom::parser parser;
  // (On failure, the first parse allocates again, with the same depth.)
  [[maybe_unused]] const auto error = parser.allocate(simdjson::SIMDJSON_PADDING, kMaxJsonDepth);
  return parser;
}

PgQuery__ParseResult* ReadJsonTree(std::string_view json, std::string_view sql, Arena& arena,
                                   bool* too_deep) {
  static const Tables tables;
  simdjson::dom::element document;
  thread_local simdjson::dom::parser parser = BoundedJsonParser();
  if (const auto error = parser.parse(json.data(), json.size()).get(document)) {
    if (too_deep) *too_deep = error == simdjson::DEPTH_ERROR;
    return nullptr;
  }
  return Reader(sql, arena).Tree(tables.root(), document);
}

}  // namespace migralint::parse
