// Tests of file:// URI conversion: encoding, tolerant decoding, and what is not a file URI.
#include "protocol/uri.h"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

using namespace mend::protocol;

TEST_CASE("paths become file URIs with percent-encoding") {
  CHECK(path_to_uri("/home/me/notes/a.md") == "file:///home/me/notes/a.md");
  CHECK(path_to_uri("/home/me/my notes/a b.md") == "file:///home/me/my%20notes/a%20b.md");
  CHECK(path_to_uri("/n/#1 100%.md") == "file:///n/%231%20100%25.md");
  CHECK(path_to_uri("/n/caf\xC3\xA9.md") == "file:///n/caf%C3%A9.md");
  CHECK(path_to_uri("/n/what?.md") == "file:///n/what%3F.md");
  CHECK(path_to_uri("/n/a-b_c.d~e") == "file:///n/a-b_c.d~e");
  CHECK(path_to_uri("/") == "file:///");
  CHECK_THROWS_AS(path_to_uri("relative/a.md"), std::invalid_argument);
  CHECK_THROWS_AS(path_to_uri(""), std::invalid_argument);
}

TEST_CASE("file URIs become paths, decoding either case of hex") {
  CHECK(uri_to_path("file:///home/me/a.md") == "/home/me/a.md");
  CHECK(uri_to_path("file:///home/me/my%20notes/a%20b.md") == "/home/me/my notes/a b.md");
  CHECK(uri_to_path("file:///n/caf%c3%a9.md") == "/n/caf\xC3\xA9.md");
  CHECK(uri_to_path("file:///n/caf%C3%A9.md") == "/n/caf\xC3\xA9.md");
  CHECK(uri_to_path("file:///n/%231.md") == "/n/#1.md");
  CHECK(uri_to_path("file:///n/100%25.md") == "/n/100%.md");
  CHECK(uri_to_path("FILE:///a") == "/a");
  CHECK(uri_to_path("file://localhost/a/b") == "/a/b");
  CHECK(uri_to_path("file:/a/b") == "/a/b");
  // Unencoded characters that some clients leave alone are accepted as they are.
  CHECK(uri_to_path("file:///n/a b/caf\xC3\xA9.md") == "/n/a b/caf\xC3\xA9.md");
  // A '%' that is not an escape is kept.
  CHECK(uri_to_path("file:///n/50%off%2") == "/n/50%off%2");
  CHECK(uri_to_path("file:///n/%zz") == "/n/%zz");
}

TEST_CASE("a query or fragment is not part of the path") {
  CHECK(uri_to_path("file:///n/a.md#L3") == "/n/a.md");
  CHECK(uri_to_path("file:///n/a.md?x=1") == "/n/a.md");
}

TEST_CASE("what is not a local file URI gives nullopt") {
  CHECK(!uri_to_path("untitled:Untitled-1"));
  CHECK(!uri_to_path("https://example.com/a.md"));
  CHECK(!uri_to_path("file://server/share/a.md"));
  CHECK(!uri_to_path("file:relative/a.md"));
  CHECK(!uri_to_path("/just/a/path"));
  CHECK(!uri_to_path(""));
  CHECK(!uri_to_path("file:///n/a%00b"));
  CHECK(!uri_to_path("file://"));
}

TEST_CASE("paths survive the round trip") {
  for (std::string path : {"/a", "/home/me/my notes/Ex #3 — 100% over.md",
                           "/n/\xE6\x97\xA5\xE8\xAE\xB0/\xF0\x9F\x92\x94.md", "/n/a?b&c=d;e",
                           "/n/%41 is not A", "/n/+plus/'quote'/\"dq\"/tab\there", "/n/a//b/"}) {
    INFO(path);
    std::string uri = path_to_uri(path);
    CHECK(uri.find(' ') == std::string::npos);
    CHECK(uri.find('#') == std::string::npos);
    CHECK(uri.find('?') == std::string::npos);
    CHECK(uri_to_path(uri) == path);
  }
}

TEST_CASE("percent_encode and percent_decode") {
  CHECK(percent_encode("a b/c") == "a%20b/c");
  CHECK(percent_encode("\xFF") == "%FF");
  CHECK(percent_decode("a%20b%2fc") == "a b/c");
  CHECK(percent_decode("%") == "%");
  CHECK(percent_decode("%4") == "%4");
  CHECK(percent_decode("%41%4a%4A") == "AJJ");
}
