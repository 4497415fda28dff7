// Unit tests for folder_index.h: the live index `mend serve` keeps of a notes folder.
#include "daemon/server/folder_index.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include "../engine/test_support.h"
#include "daemon/server/atomic_write.h"
#include "daemon/server/report_json.h"

namespace fs = std::filesystem;
using mend::server::FolderIndex;

namespace {

struct TempFolder {
  fs::path path;
  TempFolder() {
    path =
        fs::temp_directory_path() / ("mend-index-test-" + std::to_string(std::random_device{}()));
    fs::create_directories(path);
  }
  ~TempFolder() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void write(const std::string& rel, const std::string& text) const {
    fs::create_directories((path / rel).parent_path());
    std::ofstream(path / rel, std::ios::binary) << text;
  }
};

FolderIndex make_index(const TempFolder& folder) {
  return FolderIndex(folder.path, "notes", {}, [] { return mend::engine::Date{2026, 11, 26}; });
}

const std::string kWhy =
    "## What were their official reasons for leaving?\n\nWe wanted different lives.\n";

// A folder of every golden fixture note (questions of every form, cross-note suggestions), one
// note whose name is not UTF-8, one with invalid UTF-8 in it.
void write_fixture_folder(const TempFolder& folder) {
  auto notes = mend::test::fixture_notes({"tests/golden"});
  REQUIRE(notes.size() > 20);
  for (std::size_t i = 0; i < notes.size(); ++i)
    folder.write((i % 3 ? "sub/n" : "n") + std::to_string(i) + ".md", notes[i]);
  folder.write("caf\xe9 \xff.md", kWhy);
  folder.write("bad.md", "caf\xe9 ## What were their official reasons for leaving?\n");
}

// The report of exactly what the index holds, judged here.
nlohmann::json judged_summary(const FolderIndex& index) {
  std::vector<mend::engine::NoteRef> refs;
  for (const auto& [path, note] : index.notes())
    refs.push_back({path, &note.analysis});
  return mend::server::summary_json(
      mend::engine::judge_folder(index.pack(), refs, index.today(), "en"));
}

std::string dumped(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace

TEST_CASE("FolderIndex indexes notes with their hash and skips what is not a note") {
  TempFolder folder;
  folder.write("why.md", kWhy);
  folder.write("sub/later.md", "# Later\n");
  folder.write("why.sync-conflict-20261126-ABC.md", kWhy);
  folder.write(".obsidian/hidden.md", kWhy);
  folder.write("image.png", "x");
  FolderIndex index = make_index(folder);
  index.index_all(0);
  REQUIRE(index.notes().size() == 2);
  CHECK(index.contains("why.md"));
  CHECK(index.contains("sub/later.md"));
  CHECK(index.notes().at("why.md").hash == mend::server::content_hash(kWhy));
  auto json = index.folder_json();
  CHECK(json["mend"] == 1);
  CHECK(json["root"] == "notes");
  CHECK(json["notes"].size() == 2);
  CHECK(json["notes"][1]["hash"] == mend::server::content_hash(kWhy));
  CHECK(json["summary"]["notes"] == 2);
}

TEST_CASE("FolderIndex::refresh picks up edits and deletions, and reports no change when nothing "
          "changed") {
  TempFolder folder;
  folder.write("why.md", kWhy);
  FolderIndex index = make_index(folder);
  index.index_all(0);
  CHECK_FALSE(index.refresh("why.md"));
  folder.write("why.md", kWhy + "\nMore.\n");
  CHECK(index.refresh("why.md"));
  fs::remove(folder.path / "why.md");
  CHECK(index.refresh("why.md"));
  CHECK_FALSE(index.contains("why.md"));
  CHECK_FALSE(index.refresh("never-was.md"));
  // Temporary and conflict files are never indexed, even when named directly.
  folder.write("~why.md", kWhy);
  CHECK_FALSE(index.refresh("~why.md"));
}

TEST_CASE("FolderIndex::rescan finds what changed while nobody watched") {
  TempFolder folder;
  folder.write("a.md", kWhy);
  folder.write("b.md", kWhy);
  FolderIndex index = make_index(folder);
  index.index_all(0);
  fs::remove(folder.path / "a.md");
  folder.write("deep/c.md", kWhy);
  auto changed = index.rescan();
  CHECK(changed == std::vector<std::string>{"a.md", "deep/c.md"});
  CHECK(index.rescan().empty());
}

TEST_CASE("FolderIndex served while indexing: partial until finished, what refresh() read wins") {
  TempFolder folder;
  folder.write("a.md", kWhy);
  folder.write("b.md", kWhy);
  folder.write("bad.md", "caf\xe9 ## What were their official reasons for leaving?\n");
  FolderIndex index = make_index(folder);
  index.begin_indexing();
  mend::server::FolderScan scan = index.scan(0, {}); // the scan's view: a.md as first written
  REQUIRE(scan.notes.size() == 3);
  // The hash is of the bytes on disk, also for a note analysed with its bad bytes replaced.
  CHECK(scan.notes[2].hash ==
        mend::server::content_hash("caf\xe9 ## What were their official reasons for leaving?\n"));
  auto first = index.folder_json();
  CHECK(first["partial"] == true);
  CHECK(first["notes"].empty());
  index.add_indexed({scan.notes[1]}, 1, 3);
  auto some = index.folder_json();
  CHECK(some["partial"] == true);
  CHECK(some["indexing"] == nlohmann::json{{"done", 1}, {"total", 3}});
  CHECK(some["notes"].size() == 1);
  // a.md changes and the watcher refreshes it before the scan's older view arrives.
  folder.write("a.md", "# Nothing here\n");
  index.refresh("a.md");
  index.add_indexed({scan.notes[0]}, 2, 3);
  index.finish_indexing(std::move(scan));
  auto done = index.folder_json();
  CHECK_FALSE(done.contains("partial"));
  CHECK_FALSE(done.contains("indexing"));
  REQUIRE(done["notes"].size() == 3);
  CHECK(index.notes().at("a.md").hash == mend::server::content_hash("# Nothing here\n"));
  CHECK(index.notes().at("a.md").analysis.questions.empty());
  CHECK(index.notes().at("b.md").hash == mend::server::content_hash(kWhy));
  // The same as indexing at once.
  FolderIndex direct = make_index(folder);
  direct.index_all(0);
  CHECK(direct.folder_json() == done);
}

TEST_CASE("FolderIndex with the warm cache: the same index, the hashes of the bytes from it") {
  TempFolder folder, cache;
  folder.write("a.md", kWhy);
  folder.write("bad.md", "caf\xe9 ## What were their official reasons for leaving?\n");
  folder.write("sub/c.md", "# Later\n");
  // a.md a minute ahead of the clock: within the racy window of every start here, so it is
  // read and hashed each time (analysis_cache.h, FileStamp), however slow the machine.
  auto ahead = fs::file_time_type::clock::now() + std::chrono::minutes(1);
  fs::last_write_time(folder.path / "a.md", ahead);
  mend::server::ScanCacheOptions options{cache.path / "notes.cache", "identity"};
  FolderIndex uncached = make_index(folder);
  uncached.index_all(0);
  for (int start = 0; start < 3; ++start) { // cold, warm (hashes stored), warm
    FolderIndex index = make_index(folder);
    index.use_cache(options);
    index.begin_indexing();
    auto scan = index.scan(0, {});
    CHECK(scan.from_cache == (start == 0 ? 0u : 3u));
    index.finish_indexing(std::move(scan));
    CHECK(index.folder_json() == uncached.folder_json());
    CHECK(index.notes().at("bad.md").hash ==
          mend::server::content_hash("caf\xe9 ## What were their official reasons for leaving?\n"));
  }
  // A note rewritten with the same size and mtime is hashed again, not taken from the cache.
  auto mtime = fs::last_write_time(folder.path / "a.md");
  std::string other = kWhy;
  other[3] = 'w';
  folder.write("a.md", other);
  fs::last_write_time(folder.path / "a.md", mtime);
  FolderIndex index = make_index(folder);
  index.use_cache(options);
  index.index_all(0);
  CHECK(index.notes().at("a.md").hash == mend::server::content_hash(other));
}

TEST_CASE("FolderIndex::normalise_path keeps clients inside the folder") {
  TempFolder folder;
  FolderIndex index = make_index(folder);
  std::string why;
  CHECK(index.normalise_path("why.md", &why) == std::optional<std::string>("why.md"));
  CHECK(index.normalise_path("./sub/why.md", &why) == std::optional<std::string>("sub/why.md"));
  CHECK_FALSE(index.normalise_path("../why.md", &why));
  CHECK_FALSE(index.normalise_path("/etc/why.md", &why));
  CHECK_FALSE(index.normalise_path(".git/why.md", &why));
  CHECK_FALSE(index.normalise_path("why.txt", &why));
  CHECK_FALSE(index.normalise_path("why (conflicted copy).md", &why));
  CHECK_FALSE(index.normalise_path("", &why));
}

TEST_CASE("FolderIndex: the first index handed over in batches of any size ends as indexed at "
          "once, and every partial report is of the notes it holds") {
  TempFolder folder;
  write_fixture_folder(folder);
  FolderIndex direct = make_index(folder);
  direct.index_all(0);
  const nlohmann::json expected = direct.folder_json();
  REQUIRE(expected["summary"]["suggestions"].size() > 0); // something to judge across notes
  for (std::size_t batch : {1u, 4u, 9u, 1000u}) {
    FolderIndex index = make_index(folder);
    index.begin_indexing();
    mend::server::FolderScan scan = index.scan(0, {});
    const std::size_t total = scan.notes.size();
    // The batches hold copies, as the daemon's do (ScanExtras::on_note); the last batch may come
    // only with the finished scan.
    std::size_t done = 0;
    while (done + batch < total) {
      std::vector<mend::server::ScannedNote> notes(scan.notes.begin() + done,
                                                   scan.notes.begin() + done + batch);
      done += batch;
      index.add_indexed(std::move(notes), done, total);
      INFO("batch " << batch << ", " << done << " of " << total);
      CHECK(index.notes().size() == done);
      // Judged when read: the report is of the notes indexed so far, not of an earlier batch.
      CHECK(index.summary_json() == judged_summary(index));
      CHECK(index.folder_json()["summary"]["notes"] == done);
    }
    index.finish_indexing(std::move(scan));
    CHECK(index.folder_json() == expected);
    CHECK(dumped(index.folder_json()) == dumped(expected));
  }
}

TEST_CASE("FolderIndex::finish_indexing: a note the new scan did not find is gone, a changed one "
          "replaced") {
  TempFolder folder;
  folder.write("a.md", kWhy);
  folder.write("b.md", kWhy);
  FolderIndex index = make_index(folder);
  index.index_all(0);
  fs::remove(folder.path / "a.md");
  folder.write("b.md", "# Nothing here\n");
  index.begin_indexing();
  auto scan = index.scan(0, {});
  index.finish_indexing(std::move(scan));
  CHECK_FALSE(index.contains("a.md"));
  CHECK(index.notes().at("b.md").hash == mend::server::content_hash("# Nothing here\n"));
  CHECK(index.summary_json()["notes"] == 1);
}

TEST_CASE("FolderIndex::folder_json_text is byte for byte the dump of folder_json, while indexing "
          "and after") {
  TempFolder folder;
  write_fixture_folder(folder);
  FolderIndex index = make_index(folder);
  nlohmann::json missing = {{"folder_missing", true}};
  auto with = [](nlohmann::json j, const nlohmann::json& extra) {
    for (const auto& [k, v] : extra.items())
      j[k] = v;
    return j;
  };
  // Empty, then partial (with "partial" and "indexing"), then complete; with and without a key
  // added (mend serve adds "folder_missing").
  CHECK(index.folder_json_text() == dumped(index.folder_json()));
  index.begin_indexing();
  auto scan = index.scan(0, {});
  CHECK(index.folder_json_text(missing) == dumped(with(index.folder_json(), missing)));
  index.add_indexed({scan.notes[0], scan.notes[1]}, 2, scan.notes.size());
  CHECK(index.folder_json_text() == dumped(index.folder_json()));
  CHECK(index.folder_json_text(missing) == dumped(with(index.folder_json(), missing)));
  index.finish_indexing(std::move(scan));
  std::string text = index.folder_json_text();
  CHECK(text == dumped(index.folder_json()));
  CHECK(index.folder_json_text(missing) == dumped(with(index.folder_json(), missing)));
  // The note whose name is not UTF-8 is in it, as "path" and "path_bytes".
  CHECK(text.find("path_bytes") != std::string::npos);
  CHECK(nlohmann::json::parse(text)["notes"].size() == index.notes().size());
}
