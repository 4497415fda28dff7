// Unit tests for folder_index.h: the live index `mend serve` keeps of a notes folder.
#include "daemon/server/folder_index.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include "daemon/server/atomic_write.h"

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
