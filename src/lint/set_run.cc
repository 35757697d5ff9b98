// set_run.cc: one set through the pipeline. Prepare (any thread): read, parse, file rules,
// checksums, suppression comments, what the replay keeps of the file. Consume (in order): the
// replay and its statement rules; then the tree is freed. Finish: set rules, check_schema,
// findings worded at the end, suppressions, severities.
#include "lint/set_run.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <span>

#include "lint/registry.h"
#include "lock/hashing.h"
#include "lock/lock_file.h"
#include "migralint/display_path.h"
#include "migralint/pg_nodes.h"
#include "model/creations.h"
#include "parse/parse_file.h"
#include "parse/protobuf_fields.h"
#include "parse/tree_copy.h"
#include "read/read_file.h"

namespace fs = std::filesystem;

namespace migralint::lint {

// A RuleContext::AtEndOfSet report and the rule it reports for.
struct EndOfSetReport {
  std::string_view rule;
  RuleContext::EndOfSet report;
};

struct FileWork {
  FileUnit unit;
  std::vector<Diagnostic> diagnostics;  // of reading, parsing and the file rules
  std::string io_error;
  std::size_t statements = 0;  // top level
  std::vector<Ignore> ignores;
  std::vector<std::string> creations;  // model::CreatedBy
  std::vector<DataStatement> data;     // SetUnit::data_statements of this file
  std::unique_ptr<parse::Arena> kept;  // their trees, when there are any
  std::vector<EndOfSetReport> at_end;  // of the file rules
};

class Context final : public RuleContext {
 public:
  // `loaded`: shared by the contexts of the end of the set, the one file read again for their
  // findings and kept so (thousands of findings on one file read it once, not once each; the
  // caller unloads the last). Without it, a file read again goes at once.
  Context(const Config& config, std::vector<Diagnostic>& out, std::string_view rule,
          std::vector<EndOfSetReport>& at_end, const SourceFile** loaded = nullptr)
      : config_(config), out_(out), rule_(rule), at_end_(at_end), loaded_(loaded) {}
  const Config& config() const override { return config_; }
  void Report(const FileUnit& file, std::uint32_t begin, std::uint32_t end, std::string message,
              std::string help) override {
    ReportSpan(file, begin, end, std::move(message), std::move(help));
  }
  void ReportGraver(const FileUnit& file, std::uint32_t begin, std::uint32_t end,
                    std::string message, std::string help) override {
    ReportSpan(file, begin, end, std::move(message), std::move(help));
    out_.back().graver = true;
  }
  void ReportWithFix(const FileUnit& file, std::uint32_t begin, std::uint32_t end,
                     std::string message, std::string help, Fix fix) override {
    for (Edit& edit : fix.edits) {
      edit.start = file.source.At(edit.begin);
      edit.stop = file.source.At(edit.end);
    }
    ReportSpan(file, begin, end, std::move(message), std::move(help));
    out_.back().fix = std::move(fix);
  }
  void ReportAt(std::string path, Position start, Position end, std::string message,
                std::string help, bool lesser) override {
    out_.push_back({std::string(rule_), Severity::kError, std::move(path), start, end,
                    std::move(message), std::move(help), lesser});
  }
  void AtEndOfSet(EndOfSet report) override { at_end_.push_back({rule_, std::move(report)}); }

 private:
  void ReportSpan(const FileUnit& file, std::uint32_t begin, std::uint32_t end, std::string message,
                  std::string help) {
    const SourceFile& source = file.source;
    Position start = source.At(begin);
    Position stop = source.At(std::max(begin, end));
    if (stop.line == start.line && stop.column == start.column) stop.column += 1;
    ReportAt(source.path, start, stop, std::move(message), std::move(help), false);
    // A file replayed earlier was read again for this: its text goes again, the line stays.
    if (source.released()) {
      source.KeepLine(start.line);
      if (!loaded_) {
        source.Unload();
      } else if (*loaded_ != &source) {
        if (*loaded_) (*loaded_)->Unload();
        *loaded_ = &source;
      }
    }
  }

  const Config& config_;
  std::vector<Diagnostic>& out_;
  std::string_view rule_;
  std::vector<EndOfSetReport>& at_end_;
  const SourceFile** loaded_;
};

namespace {

// The display paths of the files of `set` that `named` (files named on the command line) name.
std::set<std::string> Named(const MigrationSet& set, const std::vector<fs::path>& named) {
  const std::size_t forward = set.migrations.size(), n = forward + set.others.size();
  auto file_at = [&](std::size_t i) -> const MigrationFile& {
    return i < forward ? set.migrations[i] : set.others[i - forward];
  };
  std::set<std::string> paths;
  for (const fs::path& p : named) {
    const std::size_t i = FindSameFile(
        n, [&](std::size_t k) -> fs::path { return file_at(k).fs_path; }, p);
    if (i < n) paths.insert(file_at(i).path);
  }
  return paths;
}

// Where a set's files may lead: its repository (the nearest folder above it holding .git),
// else its own folder.
fs::path Boundary(const fs::path& root) {
  std::error_code ec;
  const fs::path set = fs::weakly_canonical(fs::absolute(root, ec), ec);
  for (fs::path dir = set; !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) return dir;
    if (dir == dir.parent_path()) break;
  }
  return set;
}

// Whether the resolved path `real` is `boundary` or below it.
bool Under(const fs::path& real, const fs::path& boundary) {
  return std::mismatch(boundary.begin(), boundary.end(), real.begin(), real.end()).first ==
         boundary.end();
}

// Whether `file`, through a symbolic link, is outside `boundary`: such a file is not read, so
// that a link to ~/.ssh/id_rsa or /etc/shadow never has its text printed in a report.
bool LeadsOutside(const fs::path& file, const fs::path& boundary) {
  std::error_code ec;
  const fs::path real = fs::canonical(file, ec);
  if (ec) return false;  // broken or a loop: the read reports it
  return !Under(real, boundary);
}

// A file of a folder known to resolve inside the boundary is read without following a link at
// its own name (one open: canonical() reads the link of every component, for thousands of
// files); only a link, or a file elsewhere, is resolved first.
void ReadAndParse(const MigrationFile& file, const std::string* text, const fs::path& boundary,
                  bool folder_inside, parse::ParseCache* cache, FileWork& work) {
  work.unit.file = &file;
  read::ReadResult read;
  if (text) {
    read = read::ReadText(*text, file.path);
  } else {
    if (folder_inside) read = read::ReadFile(file.fs_path, file.path, read::Links::kRefuse);
    if (!folder_inside || read.is_link) {
      if (LeadsOutside(file.fs_path, boundary)) {
        work.unit.source.path = file.path;
        work.io_error =
            file.path + ": not read: a symbolic link to a file outside " + DisplayPath(boundary);
        return;
      }
      read = read::ReadFile(file.fs_path, file.path);
    }
  }
  work.unit.source = std::move(read.source);
  work.diagnostics = std::move(read.diagnostics);
  work.io_error = std::move(read.io_error);
  work.unit.read_ok = read.parseable;
  if (read.parseable) {
    if (cache) {
      cache->Parse(work.unit, work.diagnostics);
    } else {
      parse::ParseFile(work.unit, work.diagnostics);
    }
  }
  for (const Statement& s : work.unit.statements) work.statements += s.IsNested() ? 0 : 1;
}

bool ReadsOrWritesRows(const PgQuery__Node& node) {
  switch (node.node_case) {
    case PG_QUERY__NODE__NODE_INSERT_STMT:
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
    case PG_QUERY__NODE__NODE_DELETE_STMT:
    case PG_QUERY__NODE__NODE_TRUNCATE_STMT:
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
      return true;
    default:
      return false;
  }
}

// The relations (RangeVar) anywhere below `message`.
void Relations(const ProtobufCMessage* message, std::vector<std::string>& out) {
  if (message->descriptor == &pg_query__range_var__descriptor)
    out.push_back(pg::Qualified(reinterpret_cast<const PgQuery__RangeVar*>(message)));
  auto* walked = const_cast<ProtobufCMessage*>(message);
  parse::ForEachPointerField(walked, parse::InfoOf(message->descriptor),
                             [&](const ProtobufCFieldDescriptor& field) {
                               if (field.type != PROTOBUF_C_TYPE_MESSAGE) return;
                               void* slot = *static_cast<void**>(parse::FieldAt(walked, field));
                               if (field.label != PROTOBUF_C_LABEL_REPEATED) {
                                 if (slot) Relations(static_cast<ProtobufCMessage*>(slot), out);
                                 return;
                               }
                               auto** items = static_cast<ProtobufCMessage**>(slot);
                               for (std::size_t k = 0; k < parse::CountOf(walked, field); ++k)
                                 Relations(items[k], out);
                             });
}

// What the replay needs of migration `index` beyond its own statements, copied out of its tree
// (which is freed once the migration has been replayed).
void KeepForReplay(int index, FileWork& w) {
  w.creations = model::CreatedBy(w.unit);
  for (const Statement& s : w.unit.statements) {
    if (!s.node || !w.unit.RunsWithMigration(s) || !ReadsOrWritesRows(*s.node)) continue;
    if (!w.kept) w.kept = std::make_unique<parse::Arena>(512);
    DataStatement d{index,
                    StatementContext::StatementIndex(w.unit, s),
                    parse::CopyNode(s.node, *w.kept, parse::Rows::kDrop),
                    {}};
    Relations(&d.node->base, d.tables);
    std::sort(d.tables.begin(), d.tables.end());
    d.tables.erase(std::unique(d.tables.begin(), d.tables.end()), d.tables.end());
    w.data.push_back(std::move(d));
  }
}

// The lines `found` start on in `source`, for the excerpts of the report: kept when its text
// goes.
void KeepExcerpts(const SourceFile& source, std::span<const Diagnostic> found) {
  for (const Diagnostic& d : found) {
    if (d.path == source.path) source.KeepLine(d.start.line);
  }
}

// Once a file is replayed, what only its own checks needed goes: its statements and their trees,
// its comments, and (unless it came from stdin or a buffer) its text, which a finding at the end of
// the set reads again.
void Release(FileWork& w, bool keep_text) {
  FileUnit& unit = w.unit;
  // Swapped with empty ones: assigning {} would keep their buffers.
  std::vector<std::shared_ptr<const void>>().swap(unit.trees);
  std::vector<Statement>().swap(unit.statements);
  std::vector<Comment>().swap(unit.comments);
  std::vector<std::string>().swap(w.creations);
  std::vector<DataStatement>().swap(w.data);
  if (unit.read_ok && !keep_text) unit.source.Release(unit.file->fs_path);
}

}  // namespace

void SetSeverity(Diagnostic& d, const Config& config) {
  const RuleSettings* settings = config.Rule(d.rule);
  d.severity =
      settings && settings->severity ? *settings->severity : FindRule(d.rule)->rule->severity;
  if (d.lesser && d.severity != Severity::kInfo)
    d.severity = static_cast<Severity>(static_cast<int>(d.severity) - 1);
  if (d.graver && d.severity != Severity::kError)
    d.severity = static_cast<Severity>(static_cast<int>(d.severity) + 1);
}

std::vector<std::string> EnabledRules(const Config& config, const Options& options,
                                      const Runner& runner) {
  std::vector<std::string> enabled;
  for (const RuleEntry& entry : Registry()) {
    const std::string id(entry.rule->id);
    const RuleSettings* settings = config.Rule(id);
    bool on =
        settings ? !settings->off : !entry.rule->on_for_runner || entry.rule->on_for_runner(runner);
    if (std::find(options.disable.begin(), options.disable.end(), id) != options.disable.end())
      on = false;
    if (std::find(options.enable.begin(), options.enable.end(), id) != options.enable.end())
      on = true;
    if (on) enabled.push_back(id);
  }
  return enabled;
}

SetRun::SetRun(const MigrationSet& set, const Options& options, LintResult& result)
    : set_(set),
      options_(options),
      result_(result),
      config_([&]() -> const Config& {
        static const Config kDefaults;
        return set.config ? *set.config : kDefaults;
      }()),
      lock_(lock::ReadLockFile(set.root)),
      boundary_(Boundary(set.root)) {
  SetSummary summary{set.root_display,
                     std::string(LayoutName(set.layout)),
                     std::string(set.runner ? set.runner->name : DefaultRunner().name),
                     set.migrations.size(),
                     0,
                     0};
  for (const auto& f : set.migrations) files_.push_back(&f);
  for (const auto* group : {&set.migrations, &set.others}) {
    for (const auto& f : *group) {
      if (options.timeline)
        summary.timeline.push_back(
            {f.path, f.version.text, f.tier, f.source, std::string(FileRoleName(f.role))});
    }
  }
  for (const auto& f : set.others) {
    if (f.role == FileRole::kOtherDialect) {
      ++summary.skipped;
      continue;
    }
    ++summary.others;
    files_.push_back(&f);
  }
  result.sets.push_back(std::move(summary));
  named_ = Named(set, options.only_files);
  std::map<fs::path, bool> folders;  // each folder resolved once: a set has few
  for (const MigrationFile* f : files_) {
    const fs::path folder = fs::path(f->fs_path).parent_path();
    auto [it, first] = folders.emplace(folder, false);
    if (first) {
      std::error_code ec;
      const fs::path real = fs::canonical(folder.empty() ? fs::path(".") : folder, ec);
      it->second = !ec && Under(real, boundary_);
    }
    in_folder_inside_.push_back(it->second);
  }
  if (lock_) {
    for (const LockEntry& e : lock_->entries) recorded_[e.relative] = &e;
  }

  enabled_ = EnabledRules(config_, options, set.runner ? *set.runner : DefaultRunner());
  std::vector<ModelRule> model_rules;
  for (const std::string& id : enabled_) {
    const Rule& rule = *FindRule(id)->rule;
    if (rule.check_file) file_rules_.push_back(&rule);
    if (rule.check_set) set_rules_.push_back(&rule);
    if (rule.check_statement || rule.check_schema) {
      contexts_.push_back(std::make_unique<Context>(config_, found_, rule.id, at_end_));
      model_rules.push_back({&rule, contexts_.back().get()});
    }
  }

  work_ = std::vector<FileWork>(files_.size());
  unit_ = SetUnit{&set, {}, {}, lock_ ? &*lock_ : nullptr};
  for (std::size_t i = 0; i < work_.size(); ++i)
    (i < set.migrations.size() ? unit_.migrations : unit_.others).push_back(&work_[i].unit);
  if (!model_rules.empty()) model_.emplace(unit_, config_, std::move(model_rules));
  texts_.assign(files_.size(), nullptr);
  auto text_of = [&](const fs::path& path, const std::string& text) {
    const std::size_t i = FindSameFile(
        files_.size(), [&](std::size_t k) -> fs::path { return files_[k]->fs_path; }, path);
    if (i < files_.size()) texts_[i] = &text;
  };
  if (options.stdin_path) text_of(*options.stdin_path, options.stdin_text);
  for (const auto& [path, text] : options.buffers) text_of(path, text);
  if (options.cache_dir && options.caches) {
    auto& kept = (*options.caches)[set.root];
    if (!kept) kept = std::make_unique<parse::ParseCache>(*options.cache_dir, set.root);
    parse_cache_ = kept.get();
  } else if (options.cache_dir) {
    cache_ = std::make_unique<parse::ParseCache>(*options.cache_dir, set.root);
    parse_cache_ = cache_.get();
  }
}

SetRun::~SetRun() = default;

void SetRun::Prepare(std::size_t i) {
  FileWork& w = work_[i];
  w.unit.runner = set_.runner;
  w.unit.placeholders = config_.placeholders.empty() ? nullptr : &config_.placeholders;
  ReadAndParse(*files_[i], texts_[i], boundary_, in_folder_inside_[i], parse_cache_, w);
  // Grammar of a later PostgreSQL than the parser's: fine when the set targets that version —
  // and, when no pg_version is given, the set's own syntax says it does.
  std::erase_if(w.diagnostics, [&](const Diagnostic& d) {
    return d.accepted_from && (config_.pg_version >= d.accepted_from || !config_.pg_version_set);
  });
  if (w.unit.read_ok) w.ignores = FindIgnores(w.unit);
  if (i >= set_.migrations.size()) return;  // rollbacks, seed data: syntax and encoding only
  FileUnit& unit = w.unit;
  if (lock_ || options_.checksums) unit.raw_sha256 = lock::Sha256Hex(unit.source.text_with_bom());
  if (lock_) {  // checksums: the normalised one only where the bytes differ
    auto it = recorded_.find(unit.file->relative);
    if (it != recorded_.end() && it->second->raw != unit.raw_sha256)
      unit.sem_sha256 = lock::SemanticHash(unit.source.text());
  }
  if (!unit.read_ok) return;
  if (Checked(i)) {
    for (const Rule* rule : file_rules_) {
      Context ctx(config_, w.diagnostics, rule->id, w.at_end);
      rule->check_file(ctx, unit);
    }
  }
  if (model_) KeepForReplay(static_cast<int>(i), w);
}

void SetRun::Consume(std::size_t i) {
  FileWork& w = work_[i];
  const std::size_t found_before = found_.size();
  if (model_ && i < set_.migrations.size()) {
    for (std::string& name : w.creations) unit_.creations.emplace(std::move(name), i);
    for (DataStatement& d : w.data) {
      for (const std::string& table : d.tables)
        unit_.data_by_table[table].push_back(unit_.data_statements.size());
      unit_.data_statements.push_back(std::move(d));
    }
    model_->Migration(i, Checked(i));
  }
  if (options_.checksums && i < set_.migrations.size() && w.io_error.empty())
    result_.checksums[w.unit.file->fs_path] = w.unit.raw_sha256;
  if (options_.excerpts) {
    KeepExcerpts(w.unit.source, w.diagnostics);
    KeepExcerpts(w.unit.source, std::span(found_).subspan(found_before));
  }
  Release(w, texts_[i] != nullptr);
}

void SetRun::Finish(bool keep_files) {
  if (cache_) cache_->Save();
  // The data statements served the replay's statement rules only.
  decltype(unit_.data_statements)().swap(unit_.data_statements);
  decltype(unit_.data_by_table)().swap(unit_.data_by_table);
  for (FileWork& w : work_) w.kept.reset();
  const SourceFile* loaded = nullptr;  // read again for the findings below (see Context)
  for (const Rule* rule : set_rules_) {
    Context ctx(config_, found_, rule->id, at_end_, &loaded);
    rule->check_set(ctx, unit_);
  }
  if (model_) model_->Finish();
  std::vector<EndOfSetReport> too_late;  // the set has ended: nothing comes after these
  auto run = [&](EndOfSetReport& end) {
    Context ctx(config_, found_, end.rule, too_late, &loaded);
    end.report(ctx, unit_);
  };
  for (FileWork& w : work_) std::for_each(w.at_end.begin(), w.at_end.end(), run);
  std::for_each(at_end_.begin(), at_end_.end(), run);
  if (loaded) loaded->Unload();
  // Done with the replay: its model goes now, unless the set is kept (the last one: the process
  // ends without freeing it).
  if (!keep_files) model_.reset();

  // Findings by file: suppression comments apply to those of their own file, excerpts come from
  // it. (Only files with findings or suppressions get an entry: a set may have 100,000 files.)
  struct FileFindings {
    const SourceFile* source = nullptr;  // none for a path outside the set's files (lock file)
    std::vector<Diagnostic> found;
  };
  std::map<std::string, FileFindings> by_path;
  for (Diagnostic& d : found_) by_path[d.path].found.push_back(std::move(d));
  // Moved from: its capacity goes before the result's grows.
  std::vector<Diagnostic>().swap(found_);
  for (FileWork& w : work_) {
    if (!w.io_error.empty()) result_.io_errors.push_back(w.io_error);
    ++result_.files;
    result_.statements += w.statements;
    const std::string& path = w.unit.source.path;
    if (w.diagnostics.empty() && w.ignores.empty() && !by_path.count(path)) continue;
    FileFindings& mine = by_path[path];
    mine.source = &w.unit.source;
    for (Diagnostic& d : w.diagnostics) mine.found.push_back(std::move(d));
    if (w.unit.read_ok) ApplyIgnores(w.ignores, path, enabled_, mine.found);
  }
  std::size_t count = result_.diagnostics.size();
  for (const auto& [path, mine] : by_path) count += mine.found.size();
  if (count > result_.diagnostics.capacity())  // exact for one set; geometric over many
    result_.diagnostics.reserve(std::max(count, result_.diagnostics.capacity() * 3 / 2));
  for (auto& [path, mine] : by_path) {
    if (!named_.empty() && !named_.count(path)) continue;  // files named restrict the report
    for (Diagnostic& d : mine.found) {
      // Findings of rules that are off go (unused-ignore's too, which ApplyIgnores makes);
      // severities come from the config or the rule.
      if (std::find(enabled_.begin(), enabled_.end(), d.rule) == enabled_.end()) continue;
      SetSeverity(d, config_);
      if (mine.source && options_.excerpts)
        result_.lines[path][d.start.line] = std::string(mine.source->LineText(d.start.line));
      result_.diagnostics.push_back(std::move(d));
    }
    decltype(mine.found)().swap(mine.found);
  }
  for (const FileWork& w : work_) {
    const SourceFile& source = w.unit.source;
    if (source.changed()) {
      result_.io_errors.push_back(source.path +
                                  ": changed while it was linted: positions of its findings may "
                                  "be wrong; run again");
    }
    if (keep_files) source.Unload();
  }
  if (!keep_files) std::vector<FileWork>().swap(work_);  // done with: freed before the next set
}

}  // namespace migralint::lint
