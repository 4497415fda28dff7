// Tests of Content-Length framing: splitting, limits, every error and the recovery after it.
#include "protocol/framing.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

using mend::protocol::frame;
using mend::protocol::FramingError;
using mend::protocol::MessageReader;
using mend::protocol::NeedMore;
using mend::protocol::ReadEvent;

namespace {

// Every event up to the first NeedMore (which is not included).
std::vector<ReadEvent> drain(MessageReader& reader) {
  std::vector<ReadEvent> out;
  for (ReadEvent e = reader.next(); !std::holds_alternative<NeedMore>(e); e = reader.next())
    out.push_back(std::move(e));
  return out;
}

// Feeds `stream` in chunks of the given sizes (cycled), draining after each feed.
std::vector<ReadEvent> read_chunked(const std::string& stream, const std::vector<size_t>& sizes,
                                    size_t cap = MessageReader::kDefaultMaxContentLength) {
  MessageReader reader(cap);
  std::vector<ReadEvent> out;
  size_t pos = 0;
  for (size_t i = 0; pos < stream.size(); ++i) {
    size_t n = std::min(sizes[i % sizes.size()], stream.size() - pos);
    reader.feed(std::string_view(stream).substr(pos, n));
    pos += n;
    for (auto& e : drain(reader))
      out.push_back(std::move(e));
  }
  return out;
}

std::vector<ReadEvent> read_whole(const std::string& stream,
                                  size_t cap = MessageReader::kDefaultMaxContentLength) {
  MessageReader reader(cap);
  reader.feed(stream);
  return drain(reader);
}

ReadEvent body(std::string s) {
  return ReadEvent(std::move(s));
}
ReadEvent error(std::string s) {
  return ReadEvent(FramingError{std::move(s)});
}

std::string describe(const std::vector<ReadEvent>& events) {
  std::string out;
  for (const auto& e : events) {
    if (auto* b = std::get_if<std::string>(&e))
      out += "body[" + *b + "] ";
    else if (auto* f = std::get_if<FramingError>(&e))
      out += "error[" + f->message + "] ";
  }
  return out;
}

} // namespace

TEST_CASE("frame writes the Content-Length header and the body") {
  CHECK(frame("{}") == "Content-Length: 2\r\n\r\n{}");
  CHECK(frame("") == "Content-Length: 0\r\n\r\n");
  CHECK(frame("h\xC3\xA9") == "Content-Length: 3\r\n\r\nh\xC3\xA9"); // bytes, not characters
}

TEST_CASE("a framed body reads back unchanged") {
  std::string payload = R"({"jsonrpc":"2.0","method":"x","params":{"t":"a\r\n\r\nb"}})";
  CHECK(read_whole(frame(payload)) == std::vector{body(payload)});
}

TEST_CASE("many messages in one feed come out in order") {
  std::string stream;
  std::vector<ReadEvent> expected;
  for (int i = 0; i < 50; ++i) {
    std::string b = "{\"n\":" + std::to_string(i) + "}";
    stream += frame(b);
    expected.push_back(body(b));
  }
  CHECK(read_whole(stream) == expected);
}

TEST_CASE("reading does not depend on how the bytes are split") {
  const std::string over_cap = "Content-Length: 40\r\n\r\n" + std::string(40, 'x');
  const std::vector<std::string> streams = {
      frame("{}") + frame("[1,2,3]") + frame(""),
      "content-length: 5\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\nhello" +
          frame("a"),
      "Content-Length: 3\n\nabc" + frame("d"),                          // bare \n
      "\r\n\r\n" + frame("after blank lines"),                          // stray blank lines
      "Content-Type: x\r\n\r\n{\"lost\":1}" + frame("next"),            // missing Content-Length
      "Content-Length: abc\r\n\r\n{}" + frame("next"),                  // not a number
      "Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}" + frame("n"),  // duplicate, same value
      "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}x" + frame("n"), // duplicate, conflicting
      over_cap + frame("small"),                                        // over the cap of 32
      "X-Long: " + std::string(9000, 'h') + "\r\nContent-Length: 1\r\n\r\nz" + frame("next"),
      "garbage line\r\nContent-Length: 2\r\n\r\n{}" + frame("ok"), // malformed header
      "Content-Length: 99999999999999999999999\r\n\r\n{}" + frame("ok"),
  };
  std::string all;
  for (const auto& s : streams)
    all += s;

  auto whole = read_whole(all, 32);
  INFO(describe(whole));
  auto count = [&](auto pred) { return std::count_if(whole.begin(), whole.end(), pred); };
  CHECK(count([](const ReadEvent& e) { return std::holds_alternative<std::string>(e); }) == 16);
  CHECK(count([](const ReadEvent& e) { return std::holds_alternative<FramingError>(e); }) == 8);
  CHECK(read_chunked(all, {1}, 32) == whole);
  CHECK(read_chunked(all, {2, 3}, 32) == whole);
  CHECK(read_chunked(all, {7}, 32) == whole);
  CHECK(read_chunked(all, {4096}, 32) == whole);
  std::mt19937 rng(12345);
  for (int round = 0; round < 20; ++round) {
    std::vector<size_t> sizes;
    for (int k = 0; k < 16; ++k)
      sizes.push_back(std::uniform_int_distribution<size_t>(1, 64)(rng));
    CHECK(read_chunked(all, sizes, 32) == whole);
  }
  // Each stream on its own ends with a good message that must come through.
  for (const auto& stream : streams) {
    auto events = read_chunked(stream, {1}, 32);
    INFO(describe(events));
    REQUIRE(!events.empty());
    CHECK(std::holds_alternative<std::string>(events.back()));
  }
}

TEST_CASE("NeedMore until the whole body has arrived") {
  MessageReader reader;
  reader.feed("Content-Length: 10\r\n");
  CHECK(std::holds_alternative<NeedMore>(reader.next()));
  reader.feed("\r\n01234");
  CHECK(std::holds_alternative<NeedMore>(reader.next()));
  reader.feed("56789extra");
  CHECK(reader.next() == body("0123456789"));
  CHECK(std::holds_alternative<NeedMore>(reader.next()));
  CHECK(reader.buffered_bytes() == 5);
}

TEST_CASE("header names are case-insensitive and Content-Type is ignored") {
  CHECK(read_whole("CONTENT-LENGTH: 2\r\n\r\n{}") == std::vector{body("{}")});
  CHECK(read_whole("Content-Type: text/plain\r\ncontent-length:2\r\n\r\n{}") ==
        std::vector{body("{}")});
  CHECK(read_whole("Content-Length:   2  \r\n\r\n{}") == std::vector{body("{}")});
  CHECK(read_whole("Content-Length: 2\n\n{}") == std::vector{body("{}")}); // bare \n
}

TEST_CASE("missing Content-Length is reported and the next message is read") {
  auto events = read_whole("Content-Type: application/json\r\n\r\n{\"a\":1}" + frame("ok"));
  CHECK(events == std::vector{error("missing Content-Length"), body("ok")});
}

TEST_CASE("Content-Length that is not a number") {
  CHECK(read_whole("Content-Length: abc\r\n\r\n{}" + frame("ok")) ==
        std::vector{error("Content-Length is not a number: 'abc'"), body("ok")});
  CHECK(read_whole("Content-Length: -5\r\n\r\n" + frame("ok")) ==
        std::vector{error("Content-Length is not a number: '-5'"), body("ok")});
  CHECK(read_whole("Content-Length: \r\n\r\n" + frame("ok")) ==
        std::vector{error("Content-Length is not a number: ''"), body("ok")});
}

TEST_CASE("duplicate Content-Length") {
  // Equal values: the body length is still known and exactly that body is skipped.
  CHECK(read_whole("Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}" + frame("ok")) ==
        std::vector{error("duplicate Content-Length"), body("ok")});
  // Conflicting values: skipped up to the next Content-Length.
  CHECK(read_whole("Content-Length: 2\r\ncontent-length: 30\r\n\r\n{}xyz" + frame("ok")) ==
        std::vector{error("duplicate Content-Length"), body("ok")});
}

TEST_CASE("Content-Length over the cap is skipped without buffering the body") {
  MessageReader reader(1000);
  reader.feed("Content-Length: 2000000000\r\n\r\n");
  CHECK(reader.next() == error("Content-Length 2000000000 exceeds the limit of 1000 bytes"));
  CHECK(std::holds_alternative<NeedMore>(reader.next()));

  MessageReader small(100);
  small.feed("Content-Length: 100000\r\n\r\n");
  CHECK(small.next() == error("Content-Length 100000 exceeds the limit of 100 bytes"));
  std::string chunk(4096, 'x');
  size_t sent = 0;
  while (sent + chunk.size() <= 100000) {
    small.feed(chunk);
    sent += chunk.size();
    CHECK(small.buffered_bytes() == 0);
    CHECK(std::holds_alternative<NeedMore>(small.next()));
  }
  std::string rest(100000 - sent, 'x');
  small.feed(rest + frame("after"));
  CHECK(small.next() == body("after"));
}

TEST_CASE("the default cap is 64 MiB") {
  MessageReader reader;
  CHECK(reader.max_content_length() == 64u * 1024 * 1024);
  reader.feed("Content-Length: 67108865\r\n\r\n");
  CHECK(reader.next() == error("Content-Length 67108865 exceeds the limit of 67108864 bytes"));
}

TEST_CASE("a Content-Length that does not fit in 64 bits") {
  auto events = read_whole("Content-Length: 99999999999999999999999\r\n\r\n{}" + frame("ok"), 10);
  REQUIRE(events.size() == 2);
  CHECK(std::get<FramingError>(events[0]).message ==
        "Content-Length 99999999999999999999999 exceeds the limit of 10 bytes");
  CHECK(events[1] == body("ok"));
}

TEST_CASE("an over-long header is reported once and the session continues") {
  std::string huge = "X-Padding: " + std::string(10000, 'p') + "\r\n";
  SECTION("one long line") {
    auto events = read_whole(huge + "Content-Length: 2\r\n\r\n{}" + frame("ok"));
    REQUIRE(events.size() == 2);
    CHECK(std::get<FramingError>(events[0]).message.find("header line too long") == 0);
    CHECK(events[1] == body("ok"));
  }
  SECTION("many short lines") {
    std::string lines;
    for (int i = 0; i < 1000; ++i)
      lines += "X-" + std::to_string(i) + ": v\r\n";
    auto events = read_chunked(lines + "Content-Length: 2\r\n\r\n{}" + frame("ok"), {13});
    REQUIRE(events.size() == 2);
    CHECK(std::holds_alternative<FramingError>(events[0]));
    CHECK(events[1] == body("ok"));
  }
  SECTION("bytes are not held while the long header is skipped") {
    MessageReader reader;
    reader.feed(std::string(9000, 'a'));
    CHECK(std::holds_alternative<FramingError>(reader.next()));
    for (int i = 0; i < 100; ++i) {
      reader.feed(std::string(10000, 'a'));
      CHECK(std::holds_alternative<NeedMore>(reader.next()));
      CHECK(reader.buffered_bytes() < 16);
    }
    reader.feed("\r\n\r\n" + frame("ok"));
    CHECK(reader.next() == body("ok"));
  }
  SECTION("exactly at the limit is accepted") {
    std::string block = "Content-Length: 2\r\n";
    std::string pad = "X: ";
    size_t room = MessageReader::kMaxHeaderBytes - block.size() - pad.size() - 2 - 2;
    std::string header = block + pad + std::string(room, 'q') + "\r\n\r\n";
    REQUIRE(header.size() == MessageReader::kMaxHeaderBytes);
    CHECK(read_whole(header + "{}") == std::vector{body("{}")});
    CHECK(read_chunked(header + "{}", {1}) == std::vector{body("{}")});
    std::string one_more = block + pad + std::string(room + 1, 'q') + "\r\n\r\n{}";
    CHECK(std::holds_alternative<FramingError>(read_whole(one_more).at(0)));
  }
}

TEST_CASE("a header line without a colon is malformed") {
  CHECK(read_whole("hello\r\nContent-Length: 2\r\n\r\n{}" + frame("ok")) ==
        std::vector{error("malformed header line (expected 'Name: value'): 'hello'"), body("ok")});
}

TEST_CASE("Content-Length 0 is an empty body") {
  CHECK(read_whole("Content-Length: 0\r\n\r\n" + frame("x")) == std::vector{body(""), body("x")});
}

TEST_CASE("one bad message among good ones loses only itself") {
  std::string stream = frame("1") + "Content-Length: x\r\n\r\n{}" + frame("2") +
                       "Content-Type: a\r\n\r\n{}" + frame("3");
  auto events = read_chunked(stream, {1});
  REQUIRE(events.size() == 5);
  CHECK(events[0] == body("1"));
  CHECK(std::holds_alternative<FramingError>(events[1]));
  CHECK(events[2] == body("2"));
  CHECK(events[3] == error("missing Content-Length"));
  CHECK(events[4] == body("3"));
}
