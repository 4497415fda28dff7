// The on-disk cache of note analyses: format, checks, atomic save, and where it lives.
//
// File format (little-endian, version kFormat):
//   magic "mend-analysis-cache\n", u32 format, str identity, u64 count,
//   count × { str path, u64 size, i64 mtime_ns, u64 hash, u64 bytes_hash,
//             u64 inode, i64 read_ns, u8 verbatim, analysis },
//   u64 text_hash of every byte before it.
// str = u32 length + bytes. The trailing checksum is verified before anything else is read, and
// every length and enum is bounds-checked while reading, so a torn or edited file is ignored.
#include "daemon/server/analysis_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <utility>

#include "daemon/server/pack_loader.h"

namespace mend::server {

namespace fs = std::filesystem;

// --- xxHash64 ------------------------------------------------------------------------------

namespace {

constexpr std::uint64_t kP1 = 11400714785074694791ull, kP2 = 14029467366897019727ull,
                        kP3 = 1609587929392839161ull, kP4 = 9650029242287828579ull,
                        kP5 = 2870177450012600261ull;

inline std::uint64_t rotl(std::uint64_t x, int r) {
  return (x << r) | (x >> (64 - r));
}
inline std::uint64_t read64(const unsigned char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
inline std::uint32_t read32(const unsigned char* p) {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
inline std::uint64_t xround(std::uint64_t acc, std::uint64_t input) {
  return rotl(acc + input * kP2, 31) * kP1;
}
inline std::uint64_t xmerge(std::uint64_t acc, std::uint64_t val) {
  return (acc ^ xround(0, val)) * kP1 + kP4;
}

} // namespace

std::uint64_t text_hash(std::string_view text) {
  static_assert(std::endian::native == std::endian::little,
                "the cache format assumes a little-endian machine");
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char* end = p + text.size();
  std::uint64_t h;
  if (text.size() >= 32) {
    std::uint64_t v1 = kP1 + kP2, v2 = kP2, v3 = 0, v4 = 0 - kP1;
    const unsigned char* limit = end - 32;
    do {
      v1 = xround(v1, read64(p));
      v2 = xround(v2, read64(p + 8));
      v3 = xround(v3, read64(p + 16));
      v4 = xround(v4, read64(p + 24));
      p += 32;
    } while (p <= limit);
    h = rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18);
    h = xmerge(h, v1);
    h = xmerge(h, v2);
    h = xmerge(h, v3);
    h = xmerge(h, v4);
  } else {
    h = kP5;
  }
  h += static_cast<std::uint64_t>(text.size());
  for (; p + 8 <= end; p += 8)
    h = rotl(h ^ xround(0, read64(p)), 27) * kP1 + kP4;
  if (p + 4 <= end) {
    h = rotl(h ^ (static_cast<std::uint64_t>(read32(p)) * kP1), 23) * kP2 + kP3;
    p += 4;
  }
  for (; p < end; ++p)
    h = rotl(h ^ (*p * kP5), 11) * kP1;
  h ^= h >> 33;
  h *= kP2;
  h ^= h >> 29;
  h *= kP3;
  h ^= h >> 32;
  return h;
}

// --- Serialisation -------------------------------------------------------------------------

namespace {

constexpr std::string_view kMagic = "mend-analysis-cache\n";
// 2: explain fields and marker comments; 3: bytes_hash; 4: FileStamp.
constexpr std::uint32_t kFormat = 4;

class Writer {
public:
  std::string out;
  template <class T> void num(T v) {
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    out.append(b, sizeof(T));
  }
  void str(std::string_view s) {
    num<std::uint32_t>(static_cast<std::uint32_t>(s.size()));
    out.append(s);
  }
  void date(const engine::Date& d) {
    num<std::int32_t>(d.year);
    num<std::int32_t>(d.month);
    num<std::int32_t>(d.day);
  }
};

// Every read checks the bounds; after the first failure `ok` stays false and reads return 0.
class Reader {
public:
  explicit Reader(std::string_view data) : data_(data) {}
  bool ok = true;
  template <class T> T num() {
    T v{};
    if (!ok || data_.size() - pos_ < sizeof(T)) {
      ok = false;
      return v;
    }
    std::memcpy(&v, data_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return v;
  }
  std::string str() {
    auto n = num<std::uint32_t>();
    if (!ok || data_.size() - pos_ < n) {
      ok = false;
      return {};
    }
    std::string s(data_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  engine::Date date() {
    engine::Date d;
    d.year = num<std::int32_t>();
    d.month = num<std::int32_t>();
    d.day = num<std::int32_t>();
    return d;
  }
  // A count of items of at least `min_size` bytes each that the rest of the data can hold.
  std::uint64_t count(std::size_t min_size) {
    auto n = num<std::uint64_t>();
    if (ok && n > (data_.size() - pos_) / min_size) ok = false;
    return ok ? n : 0;
  }
  template <class E> E enumeration(int last) {
    auto v = num<std::uint8_t>();
    if (v > last) ok = false;
    return static_cast<E>(ok ? v : 0);
  }
  bool flag() {
    auto v = num<std::uint8_t>();
    if (v > 1) ok = false;
    return v == 1;
  }
  bool at_end() const { return pos_ == data_.size(); }

private:
  std::string_view data_;
  std::size_t pos_ = 0;
};

void write_analysis(Writer& w, const engine::NoteAnalysis& a) {
  w.str(a.language);
  w.num<std::uint8_t>(a.note_date ? 1 : 0);
  if (a.note_date) w.date(*a.note_date);
  w.num<std::int32_t>(a.line_count);
  w.num<std::uint64_t>(a.steps.size());
  for (const auto& s : a.steps) {
    w.str(s.id);
    w.num<std::int32_t>(s.line);
    w.num<std::uint64_t>(s.start);
    w.num<std::uint64_t>(s.end);
    w.num<std::int32_t>(s.level);
    w.num<std::uint64_t>(s.section_end);
    w.num<std::uint8_t>(static_cast<std::uint8_t>(s.matched_by));
  }
  w.num<std::uint64_t>(a.questions.size());
  for (const auto& q : a.questions) {
    w.str(q.id);
    w.str(q.step);
    w.num<std::int32_t>(q.line);
    w.num<std::uint64_t>(q.start);
    w.num<std::uint64_t>(q.end);
    w.num<std::uint64_t>(q.answer_start);
    w.num<std::uint64_t>(q.answer_end);
    w.num<std::int32_t>(q.answer_last_line);
    w.num<std::uint8_t>(static_cast<std::uint8_t>(q.matched_by));
    w.num<std::uint8_t>(static_cast<std::uint8_t>(q.form));
    w.num<std::int32_t>(q.heading_level);
    w.num<std::uint8_t>(q.answered);
    w.num<std::uint8_t>(q.nil);
    w.num<std::uint8_t>(q.own_fault_only);
    w.num<std::int32_t>(q.self_blame_line);
    w.num<std::uint8_t>(q.clear_yes);
    w.num<std::uint64_t>(q.log_entries.size());
    for (const auto& e : q.log_entries) {
      w.date(e.date);
      w.num<std::int32_t>(e.line);
    }
    w.num<std::uint8_t>(static_cast<std::uint8_t>(q.evidence));
    w.num<double>(q.score);
    w.num<double>(q.bonus);
    w.num<std::int32_t>(q.wording);
    w.str(q.section);
    w.num<std::uint8_t>(q.label);
    w.num<std::uint8_t>(q.task);
    w.num<std::uint8_t>(q.callout);
  }
  w.num<std::uint64_t>(a.markers.size());
  for (const auto& m : a.markers) {
    w.num<std::uint8_t>(static_cast<std::uint8_t>(m.kind));
    w.str(m.id);
    w.num<std::int32_t>(m.line);
    w.num<std::uint64_t>(m.start);
    w.num<std::uint64_t>(m.end);
    w.num<std::uint8_t>(m.known);
    w.num<std::int32_t>(m.target_line);
  }
}

engine::NoteAnalysis read_analysis(Reader& r) {
  engine::NoteAnalysis a;
  a.language = r.str();
  if (r.flag()) a.note_date = r.date();
  a.line_count = r.num<std::int32_t>();
  std::uint64_t steps = r.count(4 + 4 + 8 + 8 + 4 + 8 + 1);
  for (std::uint64_t i = 0; i < steps && r.ok; ++i) {
    engine::StepHeading s;
    s.id = r.str();
    s.line = r.num<std::int32_t>();
    s.start = r.num<std::uint64_t>();
    s.end = r.num<std::uint64_t>();
    s.level = r.num<std::int32_t>();
    s.section_end = r.num<std::uint64_t>();
    s.matched_by = r.enumeration<engine::MatchedBy>(static_cast<int>(engine::MatchedBy::Text));
    a.steps.push_back(std::move(s));
  }
  std::uint64_t questions =
      r.count(4 + 4 + 4 + 8 * 4 + 4 + 1 + 1 + 4 + 3 + 4 + 1 + 8 + 1 + 8 + 8 + 4 + 4 + 3);
  for (std::uint64_t i = 0; i < questions && r.ok; ++i) {
    engine::QuestionOccurrence q;
    q.id = r.str();
    q.step = r.str();
    q.line = r.num<std::int32_t>();
    q.start = r.num<std::uint64_t>();
    q.end = r.num<std::uint64_t>();
    q.answer_start = r.num<std::uint64_t>();
    q.answer_end = r.num<std::uint64_t>();
    q.answer_last_line = r.num<std::int32_t>();
    q.matched_by = r.enumeration<engine::MatchedBy>(static_cast<int>(engine::MatchedBy::Text));
    q.form = r.enumeration<engine::QuestionForm>(static_cast<int>(engine::QuestionForm::Marker));
    q.heading_level = r.num<std::int32_t>();
    q.answered = r.flag();
    q.nil = r.flag();
    q.own_fault_only = r.flag();
    q.self_blame_line = r.num<std::int32_t>();
    q.clear_yes = r.flag();
    std::uint64_t entries = r.count(16);
    for (std::uint64_t k = 0; k < entries && r.ok; ++k) {
      engine::DatedEntry e;
      e.date = r.date();
      e.line = r.num<std::int32_t>();
      q.log_entries.push_back(e);
    }
    q.evidence =
        r.enumeration<engine::MatchEvidence>(static_cast<int>(engine::MatchEvidence::Order));
    q.score = r.num<double>();
    q.bonus = r.num<double>();
    q.wording = r.num<std::int32_t>();
    q.section = r.str();
    q.label = r.flag();
    q.task = r.flag();
    q.callout = r.flag();
    a.questions.push_back(std::move(q));
  }
  std::uint64_t markers = r.count(1 + 4 + 4 + 8 + 8 + 1 + 4);
  for (std::uint64_t i = 0; i < markers && r.ok; ++i) {
    engine::MarkerNote m;
    m.kind =
        r.enumeration<engine::MarkerNote::Kind>(static_cast<int>(engine::MarkerNote::Kind::Ignore));
    m.id = r.str();
    m.line = r.num<std::int32_t>();
    m.start = r.num<std::uint64_t>();
    m.end = r.num<std::uint64_t>();
    m.known = r.flag();
    m.target_line = r.num<std::int32_t>();
    a.markers.push_back(std::move(m));
  }
  return a;
}

} // namespace

std::string AnalysisCache::serialize() const {
  Writer w;
  w.out.append(kMagic);
  w.num<std::uint32_t>(kFormat);
  w.str(identity_);
  w.num<std::uint64_t>(entries_.size());
  for (const auto& [path, entry] : entries_) {
    w.str(path);
    w.num<std::uint64_t>(entry.key.size);
    w.num<std::int64_t>(entry.key.mtime_ns);
    w.num<std::uint64_t>(entry.key.hash);
    w.num<std::uint64_t>(entry.bytes_hash);
    w.num<std::uint64_t>(entry.stamp.inode);
    w.num<std::int64_t>(entry.stamp.read_ns);
    w.num<std::uint8_t>(entry.stamp.verbatim ? 1 : 0);
    write_analysis(w, entry.analysis);
  }
  w.num<std::uint64_t>(text_hash(w.out));
  return std::move(w.out);
}

std::optional<AnalysisCache> AnalysisCache::deserialize(std::string_view bytes,
                                                        const std::string& identity) {
  if (bytes.size() < kMagic.size() + 4 + 4 + 8 + 8 || bytes.substr(0, kMagic.size()) != kMagic)
    return std::nullopt;
  std::string_view body = bytes.substr(0, bytes.size() - 8);
  std::uint64_t checksum;
  std::memcpy(&checksum, bytes.data() + body.size(), 8);
  if (checksum != text_hash(body)) return std::nullopt;
  Reader r(body.substr(kMagic.size()));
  if (r.num<std::uint32_t>() != kFormat || !r.ok) return std::nullopt;
  if (r.str() != identity || !r.ok) return std::nullopt;
  AnalysisCache cache(identity);
  std::uint64_t count = r.count(4 + 8 + 8 + 8 + 8 + 8 + 8 + 1 + 4 + 1 + 4 + 8 + 8);
  cache.entries_.reserve(static_cast<std::size_t>(count));
  for (std::uint64_t i = 0; i < count && r.ok; ++i) {
    std::string path = r.str();
    Entry e;
    e.key.size = r.num<std::uint64_t>();
    e.key.mtime_ns = r.num<std::int64_t>();
    e.key.hash = r.num<std::uint64_t>();
    e.bytes_hash = r.num<std::uint64_t>();
    e.stamp.inode = r.num<std::uint64_t>();
    e.stamp.read_ns = r.num<std::int64_t>();
    e.stamp.verbatim = r.flag();
    e.analysis = read_analysis(r);
    if (r.ok) cache.entries_.insert_or_assign(std::move(path), std::move(e));
  }
  if (!r.ok || !r.at_end()) return std::nullopt;
  return cache;
}

AnalysisCache AnalysisCache::load(const fs::path& file, const std::string& identity) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return AnalysisCache(identity);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return AnalysisCache(identity);
  auto cache = deserialize(bytes, identity);
  return cache ? std::move(*cache) : AnalysisCache(identity);
}

const engine::NoteAnalysis* AnalysisCache::find(const std::string& path, const CacheKey& key,
                                                std::uint64_t* bytes_hash) const {
  auto it = entries_.find(path);
  if (it == entries_.end() || !(it->second.key == key)) return nullptr;
  if (bytes_hash) *bytes_hash = it->second.bytes_hash;
  return &it->second.analysis;
}

bool trusted(const CacheKey& key, const FileStamp& stamp, std::uint64_t size, std::int64_t mtime_ns,
             std::uint64_t inode) {
  return stamp.verbatim && stamp.read_ns != 0 && key.size == size && key.mtime_ns == mtime_ns &&
         stamp.inode == inode && mtime_ns < stamp.read_ns - kRacyWindowNs;
}

std::optional<engine::NoteAnalysis> AnalysisCache::take(const std::string& path,
                                                        const CacheKey& key,
                                                        std::uint64_t* bytes_hash,
                                                        FileStamp* stamp) {
  auto it = entries_.find(path);
  if (it == entries_.end() || !(it->second.key == key)) return std::nullopt;
  if (bytes_hash) *bytes_hash = it->second.bytes_hash;
  if (stamp) *stamp = it->second.stamp;
  return std::exchange(it->second.analysis, engine::NoteAnalysis{});
}

std::optional<engine::NoteAnalysis>
AnalysisCache::take_unread(const std::string& path, std::uint64_t size, std::int64_t mtime_ns,
                           std::uint64_t inode, bool need_bytes_hash, CacheKey* key,
                           std::uint64_t* bytes_hash, FileStamp* stamp) {
  auto it = entries_.find(path);
  if (it == entries_.end()) return std::nullopt;
  Entry& e = it->second;
  if (!trusted(e.key, e.stamp, size, mtime_ns, inode) || (need_bytes_hash && !e.bytes_hash))
    return std::nullopt;
  *key = e.key;
  *bytes_hash = e.bytes_hash;
  *stamp = e.stamp;
  return std::exchange(e.analysis, engine::NoteAnalysis{});
}

void AnalysisCache::put(const std::string& path, const CacheKey& key, engine::NoteAnalysis analysis,
                        std::uint64_t bytes_hash, FileStamp stamp) {
  entries_.insert_or_assign(path, Entry{key, std::move(analysis), bytes_hash, stamp});
}

bool AnalysisCache::save(const fs::path& file) const {
  fs::path dir = file.parent_path();
  if (!dir.empty()) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      fs::create_directories(dir.parent_path(), ec);
      if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) return false;
    }
  }
  static std::atomic<unsigned> counter{0};
  fs::path tmp = file;
  tmp += ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter++);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  std::string bytes = serialize();
  bool ok = ::fchmod(fd, 0600) == 0;
  for (std::size_t done = 0; ok && done < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      ok = false;
    else
      done += static_cast<std::size_t>(n);
  }
  // No fsync: a cache need not survive a crash, and a torn file fails its checksum.
  ok = ::close(fd) == 0 && ok;
  if (ok) ok = ::rename(tmp.c_str(), file.c_str()) == 0;
  if (!ok) ::unlink(tmp.c_str());
  return ok;
}

// --- Where, and for what ---------------------------------------------------------------------

std::optional<fs::path> default_cache_dir() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg && *xdg == '/') return fs::path(xdg) / "mend";
  const char* home = std::getenv("HOME");
  if (home && *home == '/') return fs::path(home) / ".cache" / "mend";
  return std::nullopt;
}

namespace {
std::string hex(std::uint64_t v) {
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(v));
  return out;
}
} // namespace

fs::path cache_file_for(const fs::path& cache_dir, const fs::path& root) {
  std::error_code ec;
  fs::path absolute = fs::weakly_canonical(fs::absolute(root, ec), ec);
  if (ec) absolute = fs::absolute(root, ec);
  return cache_dir / (hex(text_hash(absolute.string())) + ".cache");
}

std::string analysis_identity(const fs::path* folder, const Config& config,
                              std::string_view version) {
  std::string id = "mend " + std::string(version) + "\n";
  // This very binary: a rebuild (another engine) must not trust what an older one analysed.
  struct stat st {};
  if (::stat("/proc/self/exe", &st) == 0)
    id += "exe " + std::to_string(st.st_size) + " " + std::to_string(st.st_mtim.tv_sec) + "." +
          std::to_string(st.st_mtim.tv_nsec) + " " + std::to_string(st.st_ino) + "\n";
  else
    id += "build " __DATE__ " " __TIME__ "\n";
  for (const auto& f : override_files(folder, config.template_dirs, nullptr))
    id += "template " + f.name + " " + hex(text_hash(f.text)) + "\n";
  id += "ex " + hex(text_hash(config.ex_name)) + "\nlanguage " + config.language + "\n";
  id += "pronouns " + config.pronouns + "\n";
  if (!config.topic_gate) id += "no topic gate\n";
  // Hashed: the file need not show the ex's name or where the templates are.
  return hex(text_hash(id));
}

} // namespace mend::server
