// protobuf_fields.cc: the message table, walked once from ParseResult's descriptor.
#include "parse/protobuf_fields.h"

#include <pg_query/pg_query.pb-c.h>

#include <algorithm>
#include <memory>
#include <unordered_map>

namespace migralint::parse {
namespace {

class Messages {
 public:
  Messages() { Add(&pg_query__parse_result__descriptor); }
  const MessageInfo& Of(const ProtobufCMessageDescriptor* d) const { return *all_[index_.at(d)]; }
  const MessageInfo* At(std::size_t i) const { return i < all_.size() ? all_[i].get() : nullptr; }
  std::uint64_t layout() const { return layout_; }

 private:
  void Add(const ProtobufCMessageDescriptor* d) {
    if (index_.count(d)) return;
    auto info = std::make_unique<MessageInfo>();
    info->descriptor = d;
    info->index = all_.size();
    index_.emplace(d, all_.size());
    auto mix = [&](std::uint64_t v) { layout_ = (layout_ ^ v) * 0x100000001b3ULL; };  // FNV-1a
    for (const char* c = d->name; *c; ++c) mix(static_cast<unsigned char>(*c));
    mix(d->sizeof_message);
    for (unsigned i = 0; i < d->n_fields; ++i) {
      const ProtobufCFieldDescriptor& field = d->fields[i];
      mix(field.offset);
      mix(field.type);
      mix(field.label);
      if (!(field.flags & PROTOBUF_C_FIELD_FLAG_ONEOF)) {
        if (HoldsPointer(field)) info->pointers.push_back(&field);
      } else if (std::find(info->oneofs.begin(), info->oneofs.end(), field.quantifier_offset) ==
                 info->oneofs.end()) {
        info->oneofs.push_back(field.quantifier_offset);
      }
    }
    all_.push_back(std::move(info));
    for (unsigned i = 0; i < d->n_fields; ++i) {
      if (d->fields[i].type == PROTOBUF_C_TYPE_MESSAGE)
        Add(static_cast<const ProtobufCMessageDescriptor*>(d->fields[i].descriptor));
    }
  }
  std::vector<std::unique_ptr<MessageInfo>> all_;
  std::unordered_map<const ProtobufCMessageDescriptor*, std::size_t> index_;
  std::uint64_t layout_ = 0xcbf29ce484222325ULL;
};

const Messages& All() {
  static const Messages messages;
  return messages;
}

}  // namespace

const MessageInfo& InfoOf(const ProtobufCMessageDescriptor* descriptor) {
  return All().Of(descriptor);
}
const MessageInfo* InfoAt(std::size_t index) { return All().At(index); }
std::uint64_t MessagesLayout() { return All().layout(); }

}  // namespace migralint::parse
