// The live index of a notes folder: analyses cached per note, refreshed one file at a time.
#include "daemon/server/folder_index.h"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "daemon/engine/parse_budget.h"
#include "daemon/engine/unicode.h"
#include "daemon/server/atomic_write.h"
#include "daemon/server/note_path.h"
#include "daemon/server/notes_folder.h"
#include "daemon/server/pack_loader.h"
#include "daemon/server/report_json.h"
#include "daemon/server/workspace.h"

namespace mend::server {

namespace fs = std::filesystem;
using nlohmann::json;

std::optional<std::string> read_file_bytes(const fs::path& file, std::uintmax_t max_bytes) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size < 0 || static_cast<std::uintmax_t>(size) > max_bytes) return std::nullopt;
  in.seekg(0);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  if (size > 0 && !in.read(bytes.data(), size)) return std::nullopt;
  return bytes;
}

namespace {

struct Loaded {
  std::optional<IndexedNote> note;
  std::string warning;
};

Loaded load_note(const engine::Analyzer& analyzer, const fs::path& absolute,
                 const std::string& path) {
  Loaded out;
  const std::string shown = path_for_people(path); // in warnings
  struct stat st {};
  if (::stat(absolute.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return out;
  if (static_cast<std::uintmax_t>(st.st_size) > kMaxNoteBytes) {
    out.warning = shown + ": skipped: larger than the " + std::to_string(kMaxNoteBytes >> 20) +
                  " MiB a note may have";
    return out;
  }
  auto bytes = read_file_bytes(absolute, kMaxNoteBytes);
  if (!bytes) {
    out.warning = shown + ": cannot read";
    return out;
  }
  if (bytes->find('\0') != std::string::npos) {
    out.warning = shown + ": skipped: binary content (NUL bytes), not a text note";
    return out;
  }
  IndexedNote note;
  note.hash = content_hash(*bytes);
  note.size = bytes->size();
  note.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  std::size_t cut_short = engine::parses_cut_short(); // moves when read line by line
  if (!engine::is_valid_utf8(*bytes)) {
    out.warning =
        shown + ": invalid UTF-8: analysed with the bad bytes replaced (the file is not changed)";
    note.analysis = analyzer.analyse_cold(engine::sanitize_utf8(*bytes), path);
  } else {
    note.analysis = analyzer.analyse_cold(*bytes, path);
  }
  if (engine::parses_cut_short() != cut_short) {
    note.line_level = true;
    out.warning += (out.warning.empty() ? "" : "\n") + line_level_warning(path);
  }
  out.note = std::move(note);
  return out;
}

bool same_analysis(const engine::NoteAnalysis& a, const engine::NoteAnalysis& b) {
  // Cheap and sufficient: the report JSON is built from these.
  if (a.language != b.language || a.note_date != b.note_date || a.line_count != b.line_count ||
      a.questions.size() != b.questions.size() || a.steps.size() != b.steps.size())
    return false;
  for (std::size_t i = 0; i < a.questions.size(); ++i) {
    const auto& x = a.questions[i];
    const auto& y = b.questions[i];
    if (x.id != y.id || x.line != y.line || x.answered != y.answered || x.nil != y.nil ||
        x.own_fault_only != y.own_fault_only || x.self_blame_line != y.self_blame_line ||
        x.clear_yes != y.clear_yes || x.log_entries.size() != y.log_entries.size())
      return false;
  }
  return true;
}

} // namespace

FolderIndex::FolderIndex(fs::path root, std::string display_root, Config config,
                         std::function<engine::Date()> today)
    : root_(std::move(root)), display_root_(std::move(display_root)), config_(std::move(config)),
      today_(std::move(today)) {
  context_ = std::make_shared<Context>();
  context_->config = config_;
  context_->root = root_;
  context_->today = today_();
  context_->pack = load_pack(&root_, config_.template_dirs, &problems_);
  context_->analyzer = std::make_unique<engine::Analyzer>(
      context_->pack, engine::AnalysisOptions{config_.ex_name, config_.language, config_.topic_gate,
                                              config_.pronouns});
}

const engine::Pack& FolderIndex::pack() const {
  return context_->pack;
}

const engine::Analyzer& FolderIndex::analyzer() const {
  return *context_->analyzer;
}

const Context& FolderIndex::context() {
  context_->today = today_();
  return *context_;
}

void FolderIndex::index_all(unsigned threads) {
  begin_indexing();
  finish_indexing(scan(threads, {}));
}

FolderScan FolderIndex::scan(unsigned threads, ScanExtras extras,
                             const ScanProgress& progress) const {
  extras.file_facts = true;
  extras.judge = false; // the index judges itself (report())
  return scan_folder(root_, *context_->analyzer, today_(), threads, progress,
                     cache_ ? &*cache_ : nullptr, /*prefilter=*/true, &extras);
}

namespace {

IndexedNote indexed_from(ScannedNote&& scanned) {
  IndexedNote note;
  note.analysis = std::move(scanned.analysis);
  note.hash = std::move(scanned.hash);
  note.size = scanned.size;
  note.mtime_ns = scanned.mtime_ns;
  note.line_level = scanned.line_level;
  return note;
}

} // namespace

void FolderIndex::begin_indexing() {
  indexing_ = true;
  ++pass_;
  indexing_done_ = indexing_total_ = 0;
  refreshed_.clear();
}

void FolderIndex::add_indexed(std::vector<ScannedNote> notes, std::size_t done, std::size_t total) {
  if (!indexing_) return; // cleared meanwhile (the folder vanished)
  for (auto& n : notes) {
    if (refreshed_.count(n.path)) continue;
    std::string path = n.path;
    IndexedNote& note = notes_[path] = indexed_from(std::move(n));
    note.pass = pass_;
  }
  indexing_done_ = done;
  indexing_total_ = total;
  rejudge();
}

void FolderIndex::finish_indexing(FolderScan scan) {
  if (!indexing_) return; // cleared meanwhile (the folder vanished): listed again when it is back
  for (auto& w : scan.warnings)
    warnings_.push_back(std::move(w));
  // What a batch of this pass brought is the scan's very note: kept. What refresh() read is newer
  // than the scan's view: kept. Anything else is replaced by the scan, or gone if not in it.
  for (auto& n : scan.notes) {
    if (refreshed_.count(n.path)) continue;
    auto it = notes_.find(n.path);
    if (it != notes_.end() && it->second.pass == pass_) continue;
    std::string path = n.path;
    IndexedNote& note = notes_[path] = indexed_from(std::move(n));
    note.pass = pass_;
  }
  scan.notes = {}; // what is left of it
  for (auto it = notes_.begin(); it != notes_.end();) {
    if (it->second.pass != pass_ && !refreshed_.count(it->first))
      it = notes_.erase(it);
    else
      ++it;
  }
  indexing_ = false;
  refreshed_.clear();
  rejudge();
}

void FolderIndex::mark_partial(json& result) const {
  if (!indexing_) return;
  result["partial"] = true;
  result["indexing"] = {{"done", indexing_done_}, {"total", indexing_total_}};
}

bool FolderIndex::refresh(const std::string& path) {
  fs::path absolute = root_ / fs::path(path);
  std::string name = absolute.filename().string();
  bool is_note = is_note_name(name);
  // A note inside a hidden or ignored folder is not a note.
  for (const auto& part : fs::path(path).parent_path())
    if (is_ignored_dir_name(part.string())) is_note = false;
  Loaded loaded;
  if (is_note) loaded = load_note(*context_->analyzer, absolute, path);
  add_warnings(loaded.warning);
  if (indexing_) refreshed_.insert(path);
  auto it = notes_.find(path);
  if (!loaded.note) {
    if (it == notes_.end()) return false;
    notes_.erase(it);
    rejudge();
    return true;
  }
  if (it != notes_.end() && it->second.hash == loaded.note->hash &&
      it->second.line_level == loaded.note->line_level &&
      same_analysis(it->second.analysis, loaded.note->analysis)) {
    it->second.mtime_ns = loaded.note->mtime_ns;
    return false;
  }
  notes_[path] = std::move(*loaded.note);
  rejudge();
  return true;
}

std::vector<std::string> FolderIndex::rescan() {
  NoteListing listing = list_notes(root_);
  for (auto& w : listing.warnings)
    warnings_.push_back(std::move(w));
  std::vector<std::string> changed;
  std::set<std::string> present;
  for (const auto& f : listing.files) {
    present.insert(f.path);
    auto it = notes_.find(f.path);
    if (it != notes_.end() && it->second.size == f.size && it->second.mtime_ns == f.mtime_ns)
      continue;
    if (refresh(f.path)) changed.push_back(f.path);
  }
  for (auto it = notes_.begin(); it != notes_.end();) {
    if (!present.count(it->first)) {
      changed.push_back(it->first);
      it = notes_.erase(it);
      rejudge();
    } else {
      ++it;
    }
  }
  std::sort(changed.begin(), changed.end());
  return changed;
}

std::vector<std::string> FolderIndex::clear() {
  std::vector<std::string> removed;
  for (const auto& [path, note] : notes_)
    removed.push_back(path);
  notes_.clear();
  indexing_ = false; // what the running scan still hands over is of the vanished folder
  refreshed_.clear();
  rejudge();
  return removed;
}

const engine::FolderReport& FolderIndex::report() const {
  if (judged_) return report_;
  std::vector<engine::NoteRef> refs;
  refs.reserve(notes_.size());
  for (const auto& [path, note] : notes_)
    refs.push_back({path, &note.analysis});
  report_ = engine::judge_folder(context_->pack, refs, today_(),
                                 config_.language.empty() ? "en" : config_.language);
  judged_ = true;
  return report_;
}

std::optional<std::string> FolderIndex::normalise_path(const std::string& path,
                                                       std::string* why) const {
  if (path.empty() || path.size() > 4096) {
    *why = "path must be a note's path relative to the folder";
    return std::nullopt;
  }
  fs::path p(path);
  if (p.is_absolute()) {
    *why = "path must be relative to the folder, not absolute: " + path;
    return std::nullopt;
  }
  fs::path clean;
  for (const auto& part : p) {
    std::string s = part.string();
    if (s.empty() || s == ".") continue;
    if (s == ".." || is_ignored_dir_name(s)) {
      *why = "path must stay inside the folder and out of hidden folders: " + path;
      return std::nullopt;
    }
    clean /= part;
  }
  if (clean.empty() || !is_note_name(clean.filename().string())) {
    *why = "not a note's name (a Markdown file, not a temporary or conflict copy): " + path;
    return std::nullopt;
  }
  return clean.generic_string();
}

json FolderIndex::note_json(const std::string& path) const {
  const IndexedNote& n = notes_.at(path);
  json j = server::note_json(context_->pack, path, n.analysis, report(), n.line_level);
  j["hash"] = n.hash;
  return j;
}

json FolderIndex::summary_json() const {
  return server::summary_json(report());
}

json FolderIndex::report_around(json notes) const {
  json out = {{"mend", 1},
              {"today", engine::format_iso(today_())},
              {"notes", std::move(notes)},
              {"summary", summary_json()}};
  put_path(out, "root", display_root_);
  mark_partial(out);
  return out;
}

json FolderIndex::folder_json() const {
  json notes = json::array();
  for (const auto& [path, note] : notes_)
    notes.push_back(note_json(path));
  return report_around(std::move(notes));
}

std::string FolderIndex::folder_json_text(const json& extra) const {
  json out = report_around(json::array());
  for (const auto& [key, value] : extra.items())
    out[key] = value;
  std::string text = dump_with_array(
      std::move(out), "notes",
      [this](std::string& text) {
        for (auto it = notes_.begin(); it != notes_.end(); ++it) {
          if (it != notes_.begin()) text += ',';
          text += dump_compact(note_json(it->first));
        }
      },
      last_text_size_ + last_text_size_ / 8);
  last_text_size_ = text.size();
  return text;
}

std::optional<json> FolderIndex::note_report_json(const std::string& path) const {
  if (!contains(path)) return std::nullopt;
  json out = {{"mend", 1},
              {"today", engine::format_iso(today_())},
              {"note", note_json(path)},
              {"summary", summary_json()}};
  put_path(out, "root", display_root_);
  mark_partial(out);
  return out;
}

json FolderIndex::templates_json() const {
  engine::TemplateVariables vars{config_.ex_name, config_.pronouns, engine::format_iso(today_())};
  return server::templates_json(context_->pack, vars);
}

void FolderIndex::add_warnings(const std::string& lines) {
  for (std::size_t start = 0; start < lines.size();) {
    std::size_t end = std::min(lines.find('\n', start), lines.size());
    warnings_.push_back(lines.substr(start, end - start));
    start = end + 1;
  }
}

std::vector<std::string> FolderIndex::take_warnings() {
  std::vector<std::string> out;
  out.swap(warnings_);
  return out;
}

} // namespace mend::server
