// How a note's path is written where text must be UTF-8 (note_path.h).
#include <catch2/catch.hpp>

#include "daemon/server/note_path.h"
#include "protocol/uri.h"

using namespace mend::server;

TEST_CASE("a UTF-8 path is written as it is, with no bytes field", "[note_path]") {
  const std::string path = "journal/2026-11-26 café #1.md";
  CHECK(path_text(path) == path);
  CHECK(path_for_people(path) == path);
  nlohmann::json j = nlohmann::json::object();
  put_path(j, "path", path);
  CHECK(j.size() == 1);
  CHECK(j["path"].get<std::string>() == path);
}

TEST_CASE("a path that is not UTF-8: replacement text, exact bytes, escapes", "[note_path]") {
  const std::string path = "d\xe9j\xe0/caf\xe9 \xff \xc3\xa9t\xc3.md"; // Latin-1, 0xFF, a cut é
  CHECK(path_text(path) ==
        "d\xef\xbf\xbdj\xef\xbf\xbd/caf\xef\xbf\xbd \xef\xbf\xbd \xc3\xa9t\xef\xbf\xbd.md");
  CHECK(path_bytes(path) == "d%E9j%E0/caf%E9%20%FF%20%C3%A9t%C3.md");
  CHECK(mend::protocol::percent_decode(path_bytes(path)) == path); // exact and reversible
  CHECK(path_for_people(path) == "d\\xe9j\\xe0/caf\\xe9 \\xff \xc3\xa9t\\xc3.md");
  nlohmann::json j = nlohmann::json::object();
  put_path(j, "path", path);
  CHECK(j["path"].get<std::string>() == path_text(path));
  CHECK(j["path_bytes"].get<std::string>() == path_bytes(path));
  CHECK_NOTHROW(j.dump()); // the JSON is valid UTF-8
}

TEST_CASE("two names that differ only in invalid bytes stay apart", "[note_path]") {
  const std::string a = "a\xfe.md", b = "a\xff.md";
  CHECK(path_text(a) == path_text(b));   // the readable text cannot tell them apart...
  CHECK(path_bytes(a) != path_bytes(b)); // ...the bytes field does
  CHECK(path_for_people(a) != path_for_people(b));
}
