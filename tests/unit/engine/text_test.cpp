// Unit tests for text.h: line index, UTF-8 / UTF-16 positions, UTF-8 validation and repair.
#include "daemon/engine/text.h"

#include <catch2/catch.hpp>

#include <string>

using mend::engine::Encoding;
using mend::engine::LineIndex;
using mend::engine::TextPos;

namespace {

constexpr auto U8 = Encoding::Utf8;
constexpr auto U16 = Encoding::Utf16;

// Every offset of the text maps to a position that maps back to the same offset, except offsets
// inside a line break or a character, which map to the break's or the character's start.
void check_round_trip(std::string_view text, Encoding encoding) {
  const LineIndex index(text);
  for (std::size_t offset = 0; offset <= text.size(); ++offset) {
    const TextPos pos = index.position_of(offset, encoding);
    const std::size_t back = index.offset_of(pos, encoding);
    INFO("offset " << offset);
    CHECK(back <= offset);
    CHECK(index.position_of(back, encoding) == pos);
  }
}

} // namespace

TEST_CASE("line index over \\n", "[text]") {
  const LineIndex index("ab\ncd\n\nef");
  REQUIRE(index.line_count() == 4);
  CHECK(index.line_start(0) == 0);
  CHECK(index.line_start(1) == 3);
  CHECK(index.line_start(2) == 6);
  CHECK(index.line_start(3) == 7);
  CHECK(index.line_start(4) == 9); // line_count() is the end of the text
  CHECK(index.line_start(99) == 9);
  CHECK(index.line_end(0) == 2);
  CHECK(index.line_end(2) == 6);
  CHECK(index.line_end(3) == 9);
  CHECK(index.line_of(0) == 0);
  CHECK(index.line_of(2) == 0); // the "\n" belongs to the line it ends
  CHECK(index.line_of(3) == 1);
  CHECK(index.line_of(9) == 3);
  CHECK(index.line_of(1000) == 3);
}

TEST_CASE("empty text has one empty line", "[text]") {
  const LineIndex index("");
  REQUIRE(index.line_count() == 1);
  CHECK(index.line_start(0) == 0);
  CHECK(index.line_end(0) == 0);
  CHECK(index.position_of(0, U16) == TextPos{0, 0});
  CHECK(index.position_of(5, U16) == TextPos{0, 0});
  CHECK(index.offset_of({0, 3}, U16) == 0);
  CHECK(index.offset_of({4, 3}, U8) == 0);
}

TEST_CASE("default-constructed index is usable", "[text]") {
  const LineIndex index;
  CHECK(index.line_count() == 0);
  CHECK(index.position_of(3, U16) == TextPos{0, 0});
  CHECK(index.offset_of({1, 1}, U16) == 0);
  CHECK(index.line_of(3) == 0);
}

TEST_CASE("text with and without a final newline", "[text]") {
  const LineIndex with("a\nb\n");
  REQUIRE(with.line_count() == 3); // the empty line after the last break
  CHECK(with.line_start(2) == 4);
  CHECK(with.line_end(1) == 3);
  CHECK(with.position_of(4, U16) == TextPos{2, 0});
  CHECK(with.offset_of({2, 0}, U16) == 4);

  const LineIndex without("a\nb");
  REQUIRE(without.line_count() == 2);
  CHECK(without.position_of(3, U16) == TextPos{1, 1});
  CHECK(without.offset_of({1, 5}, U16) == 3);
}

TEST_CASE("CRLF, lone CR and mixed line breaks", "[text]") {
  SECTION("CRLF") {
    const LineIndex index("ab\r\ncd\r\n");
    REQUIRE(index.line_count() == 3);
    CHECK(index.line_start(1) == 4);
    CHECK(index.line_end(0) == 2);
    CHECK(index.line_end(1) == 6);
    CHECK(index.line_of(2) == 0); // "\r"
    CHECK(index.line_of(3) == 0); // "\n" inside "\r\n" belongs to the line it ends
    CHECK(index.line_of(4) == 1);
    CHECK(index.position_of(3, U16) == TextPos{0, 2}); // inside the break: the line's end
    CHECK(index.offset_of({0, 10}, U16) == 2);         // not into the "\r\n"
  }
  SECTION("lone CR") {
    const LineIndex index("ab\rcd\r");
    REQUIRE(index.line_count() == 3);
    CHECK(index.line_start(1) == 3);
    CHECK(index.line_start(2) == 6); // a final lone "\r" is not the start of a "\r\n"
    CHECK(index.line_end(1) == 5);
    CHECK(LineIndex("\r").line_start(1) == 1);
    CHECK(LineIndex("\r\r").line_count() == 3);
    CHECK(index.line_end(0) == 2);
    CHECK(index.position_of(4, U16) == TextPos{1, 1});
    CHECK(index.offset_of({1, 1}, U16) == 4);
  }
  SECTION("mixed") {
    const LineIndex index("a\nb\r\nc\rd\r\re");
    // Lines: "a", "b", "c", "d", "", "e".
    REQUIRE(index.line_count() == 6);
    CHECK(index.line_start(1) == 2);
    CHECK(index.line_start(2) == 5);
    CHECK(index.line_start(3) == 7);
    CHECK(index.line_start(4) == 9);
    CHECK(index.line_start(5) == 10);
    CHECK(index.line_end(4) == 9);
    CHECK(index.offset_of({5, 0}, U16) == 10);
    CHECK(index.position_of(10, U16) == TextPos{5, 0});
  }
  SECTION("\\r\\r\\n is a lone CR then a CRLF") {
    const LineIndex index("x\r\r\ny");
    REQUIRE(index.line_count() == 3);
    CHECK(index.line_start(2) == 4);
    CHECK(index.line_end(1) == 2);
  }
}

TEST_CASE("UTF-16 and UTF-8 columns", "[text]") {
  // "é" is 2 bytes / 1 unit, "😀" 4 bytes / 2 units, "€" 3 bytes / 1 unit.
  const std::string text = "x\xC3\xA9\xF0\x9F\x98\x80\xE2\x82\xAC"
                           "y\nz";
  const LineIndex index(text);
  CHECK(index.position_of(1, U16) == TextPos{0, 1});
  CHECK(index.position_of(3, U16) == TextPos{0, 2});
  CHECK(index.position_of(7, U16) == TextPos{0, 4});
  CHECK(index.position_of(10, U16) == TextPos{0, 5});
  CHECK(index.position_of(11, U16) == TextPos{0, 6});
  CHECK(index.position_of(13, U16) == TextPos{1, 1});
  CHECK(index.position_of(7, U8) == TextPos{0, 7});
  CHECK(index.position_of(10, U8) == TextPos{0, 10});

  CHECK(index.offset_of({0, 2}, U16) == 3);
  CHECK(index.offset_of({0, 4}, U16) == 7);
  CHECK(index.offset_of({0, 5}, U16) == 10);
  CHECK(index.offset_of({0, 6}, U16) == 11);
  CHECK(index.offset_of({0, 7}, U8) == 7);
  CHECK(index.offset_of({0, 10}, U8) == 10);
}

TEST_CASE("a surrogate pair or a UTF-8 sequence is never split", "[text]") {
  const std::string text = "a\xF0\x9F\x98\x80"
                           "b"; // a😀b
  const LineIndex index(text);
  CHECK(index.offset_of({0, 1}, U16) == 1);
  CHECK(index.offset_of({0, 2}, U16) == 1); // the middle of the pair maps to its start
  CHECK(index.offset_of({0, 3}, U16) == 5);
  CHECK(index.offset_of({0, 2}, U8) == 1); // inside the 4-byte sequence
  CHECK(index.offset_of({0, 3}, U8) == 1);
  CHECK(index.offset_of({0, 4}, U8) == 1);
  CHECK(index.offset_of({0, 5}, U8) == 5);
  // Offsets inside the character map to the character's start.
  CHECK(index.position_of(2, U16) == TextPos{0, 1});
  CHECK(index.position_of(4, U16) == TextPos{0, 1});
  CHECK(index.position_of(3, U8) == TextPos{0, 1});
  CHECK(index.position_of(5, U16) == TextPos{0, 3});
}

TEST_CASE("offset_of clamps", "[text]") {
  const LineIndex index("abc\nde\n");
  CHECK(index.offset_of({-1, 0}, U16) == 0);
  CHECK(index.offset_of({-5, 2}, U16) == 2); // a negative line is line 0
  CHECK(index.offset_of({1, -3}, U16) == 4);
  CHECK(index.offset_of({0, 99}, U16) == 3); // the line's end, before its break
  CHECK(index.offset_of({1, 99}, U8) == 6);
  CHECK(index.offset_of({3, 0}, U16) == 7); // past the last line: the end of the text
  CHECK(index.offset_of({100, 5}, U16) == 7);
  CHECK(index.position_of(1000, U16) == TextPos{2, 0});
}

TEST_CASE("invalid UTF-8 counts one unit per byte", "[text]") {
  const std::string text = "a\xFF\xC3"
                           "b\xE2\x82"
                           "c";
  const LineIndex index(text);
  CHECK(mend::engine::utf16_length(text) == 7);
  CHECK(index.position_of(2, U16) == TextPos{0, 2});
  CHECK(index.position_of(7, U16) == TextPos{0, 7});
  CHECK(index.offset_of({0, 3}, U16) == 3);
  CHECK(index.offset_of({0, 5}, U16) == 5);
  check_round_trip(text, U16);
}

TEST_CASE("utf16_length", "[text]") {
  using mend::engine::utf16_length;
  CHECK(utf16_length("") == 0);
  CHECK(utf16_length("abc") == 3);
  CHECK(utf16_length("\xC3\xA9t\xC3\xA9") == 3); // été
  CHECK(utf16_length("\xF0\x9F\x98\x80") == 2);  // 😀
  CHECK(utf16_length("\xE2\x82\xAC\xF0\x9F\x98\x80") == 3);
  CHECK(utf16_length("\xED\xA0\x80") == 3); // an encoded surrogate is three invalid bytes
}

TEST_CASE("positions round-trip", "[text]") {
  const std::string text = "h\xC3\xA9llo \xF0\x9F\x98\x80\r\n\xE2\x82\xAC\rx\n\n\xF4\x8F\xBF\xBFz";
  check_round_trip(text, U16);
  check_round_trip(text, U8);
}

TEST_CASE("line index over a large note", "[text]") {
  std::string text;
  for (int k = 0; k < 5000; ++k)
    text += (k % 3 == 0) ? "line\r\n" : (k % 3 == 1 ? "l\xC3\xA9\n" : "x\r");
  const LineIndex index(text);
  REQUIRE(index.line_count() == 5001);
  CHECK(index.line_of(text.size()) == 5000);
  CHECK(index.offset_of({4999, 0}, U16) == index.line_start(4999));
  CHECK(index.position_of(index.line_start(1234) + 1, U16) == TextPos{1234, 1});
}
