// parse_cache.cc: the entry format (little-endian, lengths before contents) and the pack file.
#include "parse/parse_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

#include "migralint/sha256.h"
#include "parse/parse_file.h"
#include "parse/tree_image.h"

namespace fs = std::filesystem;

namespace migralint::parse {
namespace {

class Writer {
 public:
  template <typename T>
  void Put(T value) {
    out_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  void Text(std::string_view text) {
    Put(static_cast<std::uint64_t>(text.size()));
    out_.append(text);
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <typename T>
  bool Get(T& value) {
    if (in_.size() < sizeof value) return false;
    std::memcpy(&value, in_.data(), sizeof value);
    in_.remove_prefix(sizeof value);
    return true;
  }
  bool Text(std::string_view& text) {
    std::uint64_t n;
    if (!Get(n) || n > in_.size()) return false;
    text = in_.substr(0, n);
    in_.remove_prefix(n);
    return true;
  }
  bool Text(std::string& text) {
    std::string_view view;
    if (!Text(view)) return false;
    text = view;
    return true;
  }
  bool Count(std::uint64_t& n) {
    return Get(n) && n <= in_.size();  // every item takes a byte at least
  }
  bool done() const { return in_.empty(); }

 private:
  std::string_view in_;
};

// Detects a damaged entry (a disk error, a partial write, an edit): 8 bytes at a time, so that
// checking every entry used costs little next to reading it.
std::uint64_t Checksum(std::string_view bytes) {
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ bytes.size();
  auto mix = [&h](std::uint64_t word) {
    h = (h ^ word) * 0xFF51AFD7ED558CCDULL;
    h ^= h >> 32;
  };
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, bytes.data() + i, 8);
    mix(word);
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
  mix(tail);
  return h;
}

// What makes entries of one build unusable by another: the binary (size, modification time)
// and the layout of the trees.
std::string BuildIdentity() {
  std::string id =
      "migralint-parse-cache 3 " MIGRALINT_VERSION " " + std::to_string(TreeImageLayout());
  struct stat self {};
  if (::stat("/proc/self/exe", &self) == 0) {
    id += " " + std::to_string(self.st_size) + " " + std::to_string(self.st_mtim.tv_sec) + "." +
          std::to_string(self.st_mtim.tv_nsec);
  }
  return id;
}

}  // namespace

// A pack is replaced by renaming a new file over it, never rewritten in place: a mapping of the
// old one stays valid while it is read.
MappedFile::MappedFile(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    void* data =
        ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (data != MAP_FAILED) {
      data_ = data;
      size_ = static_cast<std::size_t>(st.st_size);
    }
  }
  ::close(fd);
}

MappedFile::~MappedFile() {
  if (data_) ::munmap(data_, size_);
}

std::string Serialize(const FileUnit& unit, const std::vector<Diagnostic>& found) {
  Writer w;
  w.Put<std::uint64_t>(unit.comments.size());
  for (const Comment& c : unit.comments) {
    w.Put(c.begin);
    w.Put(c.end);
    w.Put<std::uint8_t>(c.own_line);
    w.Text(c.text);
  }
  w.Put<std::uint64_t>(found.size());
  for (const Diagnostic& d : found) {
    w.Text(d.rule);
    w.Put(d.severity);
    w.Put(d.start);
    w.Put(d.end);
    w.Text(d.message);
    w.Text(d.help);
    w.Put<std::uint8_t>(d.lesser);
    w.Put(d.accepted_from);
  }
  TreeImageWriter trees;
  w.Put<std::uint64_t>(unit.statements.size());
  for (const Statement& s : unit.statements) {
    w.Put(s.begin);
    w.Put(s.end);
    w.Put(s.parse_base);
    w.Put(s.parent);
    w.Put(s.kind);
    w.Put<std::uint64_t>(s.node ? trees.Add(s.node) : 0);
    w.Put<std::uint64_t>(s.enclosures.size());
    for (const Enclosure& e : s.enclosures) {
      w.Put(e.kind);
      w.Text(e.condition);
      w.Put<std::uint64_t>(e.handled.size());
      for (const std::string& h : e.handled) w.Text(h);
    }
  }
  w.Text(trees.bytes());
  return w.Take();
}

bool Restore(std::string_view bytes, FileUnit& unit, std::vector<Diagnostic>& out) {
  Reader r(bytes);
  std::uint64_t n;
  std::vector<Comment> comments;
  if (!r.Count(n)) return false;
  comments.resize(n);
  for (Comment& c : comments) {
    std::uint8_t own_line;
    if (!r.Get(c.begin) || !r.Get(c.end) || !r.Get(own_line) || !r.Text(c.text) ||
        c.begin > c.end || c.end > unit.source.text().size())
      return false;
    c.own_line = own_line != 0;
  }
  std::vector<Diagnostic> found;
  if (!r.Count(n)) return false;
  found.resize(n);
  for (Diagnostic& d : found) {
    std::uint8_t lesser;
    if (!r.Text(d.rule) || !r.Get(d.severity) || !r.Get(d.start) || !r.Get(d.end) ||
        !r.Text(d.message) || !r.Text(d.help) || !r.Get(lesser) || !r.Get(d.accepted_from))
      return false;
    d.path = unit.source.path;
    d.lesser = lesser != 0;
  }
  std::vector<Statement> statements;
  std::vector<std::uint64_t> nodes;
  if (!r.Count(n)) return false;
  statements.resize(n);
  nodes.resize(n);
  for (std::size_t i = 0; i < statements.size(); ++i) {
    Statement& s = statements[i];
    std::uint64_t enclosures;
    if (!r.Get(s.begin) || !r.Get(s.end) || !r.Get(s.parse_base) || !r.Get(s.parent) ||
        !r.Get(s.kind) || !r.Get(nodes[i]) || !r.Count(enclosures) ||
        s.parent >= static_cast<int>(i) || s.begin > s.end || s.end > unit.source.text().size())
      return false;
    s.enclosures.resize(enclosures);
    for (Enclosure& e : s.enclosures) {
      std::uint64_t handled;
      if (!r.Get(e.kind) || !r.Text(e.condition) || !r.Count(handled)) return false;
      e.handled.resize(handled);
      for (std::string& h : e.handled) {
        if (!r.Text(h)) return false;
      }
    }
  }
  std::string_view image_bytes;
  if (!r.Text(image_bytes) || !r.done()) return false;
  auto arena = std::make_shared<Arena>(image_bytes.size() + 64);
  TreeImage image;
  if (!image.Load(image_bytes, *arena)) return false;
  for (std::size_t i = 0; i < statements.size(); ++i) {
    if (nodes[i] && !(statements[i].node = image.Node(nodes[i]))) return false;
  }
  unit.comments = std::move(comments);
  unit.statements = std::move(statements);
  unit.trees.push_back(std::move(arena));
  for (Diagnostic& d : found) out.push_back(std::move(d));
  return true;
}

ParseCache::ParseCache(const fs::path& dir, const fs::path& set_root) : dir_(dir) {
  std::error_code ec;
  const std::string root = fs::weakly_canonical(set_root, ec).string();
  pack_ = dir / ("set-" + Sha256Hex(root).substr(0, 24) + ".pack");
  read_ = std::make_unique<MappedFile>(pack_);
  Reader r(read_->bytes());
  std::string identity;
  std::uint64_t n;
  if (!r.Text(identity) || identity != BuildIdentity() || !r.Count(n)) return;
  for (std::uint64_t i = 0; i < n; ++i) {
    std::string hash;
    std::uint64_t checksum;
    std::string_view entry;
    if (!r.Text(hash) || !r.Get(checksum) || !r.Text(entry)) {
      found_.clear();  // damaged: an empty cache
      return;
    }
    found_.emplace(std::move(hash), Found{checksum, entry});
  }
}

void ParseCache::Parse(FileUnit& unit, std::vector<Diagnostic>& out) {
  // The text PostgreSQL is given depends on the placeholder values too.
  std::string hash = Sha256Hex(unit.source.text());
  if (unit.placeholders) {
    for (const auto& [name, value] : *unit.placeholders) hash += "\n" + name + "=" + value;
    hash = Sha256Hex(hash);
  }
  // A cache kept across runs: an entry made or checked by an earlier run. (Entries are never
  // changed or removed while runs use the cache: a view stays valid unlocked.)
  std::string_view known;
  bool checked = false;
  {
    std::lock_guard lock(mutex_);
    if (auto it = fresh_.find(hash); it != fresh_.end()) known = it->second;
    checked = !known.empty() || used_.count(hash);
  }
  if (!known.empty() && Restore(known, unit, out)) {
    std::lock_guard lock(mutex_);
    round_.insert(hash);
    ++hits_;
    return;
  }
  // A damaged entry (its checksum differs) is not read: the file is parsed again.
  if (auto it = found_.find(hash); it != found_.end() &&
                                   (checked || Checksum(it->second.entry) == it->second.checksum) &&
                                   Restore(it->second.entry, unit, out)) {
    std::lock_guard lock(mutex_);
    used_.insert(hash);
    round_.insert(hash);
    ++hits_;
    return;
  }
  const std::size_t before = out.size();
  ParseFile(unit, out);
  std::string entry =
      Serialize(unit, std::vector<Diagnostic>(out.begin() + static_cast<long>(before), out.end()));
  std::lock_guard lock(mutex_);
  round_.insert(hash);
  fresh_.emplace(hash, std::move(entry));
}

void ParseCache::Trim() {
  std::erase_if(fresh_, [&](const auto& entry) { return !round_.count(entry.first); });
  std::erase_if(used_, [&](const std::string& hash) { return !round_.count(hash); });
  round_.clear();
}

void ParseCache::Save() {
  if (fresh_.empty() && used_.size() == found_.size()) return;  // the pack read is right
  std::map<std::string_view, std::string_view> entries;
  for (const std::string& hash : used_) entries.emplace(hash, found_.at(hash).entry);
  for (const auto& [hash, entry] : fresh_) entries.emplace(hash, entry);
  std::error_code ec;
  fs::create_directories(dir_, ec);
  const fs::path temporary = pack_.string() + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    Writer header;
    header.Text(BuildIdentity());
    header.Put<std::uint64_t>(entries.size());
    out << header.Take();
    for (const auto& [hash, entry] : entries) {
      Writer w;
      w.Text(hash);
      w.Put(Checksum(entry));
      w.Text(entry);
      out << w.Take();
    }
    if (!out.flush()) {
      out.close();
      fs::remove(temporary, ec);
      return;
    }
  }
  fs::rename(temporary, pack_, ec);
  if (ec) fs::remove(temporary, ec);
}

}  // namespace migralint::parse
