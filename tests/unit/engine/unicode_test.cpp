// Unit tests for unicode.h: UTF-8 decoding, encoding, validation, repair; NFC and the folds,
// over the scripts and the cases people's notes hold.
#include "daemon/engine/unicode.h"

#include "daemon/engine/normalize.h"
#include "daemon/engine/note_analysis.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace mend::engine;

namespace {

std::string encoded(const std::vector<std::int32_t>& code_points) {
  std::string out;
  for (std::int32_t cp : code_points)
    append_utf8(out, static_cast<char32_t>(cp));
  return out;
}

std::string matching(std::string_view text) {
  std::vector<std::int32_t> out;
  fold_for_matching(text, out);
  return encoded(out);
}

std::string case_folded(std::string_view text) {
  std::vector<std::int32_t> out;
  case_fold(text, out);
  return encoded(out);
}

const std::string e_precomposed = "\xC3\xA9"; // U+00E9
const std::string e_decomposed = "e\xCC\x81"; // U+0065 U+0301

} // namespace

TEST_CASE("decode_utf8 reads one character or its maximal invalid subpart", "[unicode]") {
  const std::string text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xE2\x82z\xFF";
  std::vector<std::pair<char32_t, std::size_t>> seen;
  std::vector<bool> valid;
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char c = decode_utf8(text, i);
    seen.emplace_back(c.code_point, c.length);
    valid.push_back(c.valid);
    i += c.length;
  }
  CHECK(seen == std::vector<std::pair<char32_t, std::size_t>>{{U'a', 1},
                                                              {U'\u00E9', 2},
                                                              {U'\u20AC', 3},
                                                              {U'\U0001F600', 4},
                                                              {kReplacementCharacter, 2},
                                                              {U'z', 1},
                                                              {kReplacementCharacter, 1}});
  CHECK(valid == std::vector<bool>{true, true, true, true, false, true, false});
}

TEST_CASE("append_utf8 encodes every plane and refuses what is not a character", "[unicode]") {
  std::string out;
  for (char32_t cp : {U'A', U'\u00E9', U'\u20AC', U'\U0001F600', U'\U0010FFFF'})
    append_utf8(out, cp);
  CHECK(out == "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF");
  std::string bad;
  append_utf8(bad, static_cast<char32_t>(0xD800));   // a surrogate
  append_utf8(bad, static_cast<char32_t>(0x110000)); // past the last plane
  CHECK(bad == "\xEF\xBF\xBD\xEF\xBF\xBD");
  // Everything decode_utf8 reads, append_utf8 writes back byte for byte.
  const std::string mixed = "Zoë — Ζωή, жизнь, 💡";
  std::string again;
  for (std::size_t i = 0; i < mixed.size();) {
    const Utf8Char c = decode_utf8(mixed, i);
    append_utf8(again, c.code_point);
    i += c.length;
  }
  CHECK(again == mixed);
}

TEST_CASE("is_valid_utf8", "[unicode]") {
  using mend::engine::is_valid_utf8;
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("plain ascii"));
  CHECK(is_valid_utf8("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"));
  CHECK(is_valid_utf8("\xF4\x8F\xBF\xBF"));   // U+10FFFF
  CHECK(is_valid_utf8("\xED\x9F\xBF"));       // U+D7FF
  CHECK(is_valid_utf8("\xEE\x80\x80"));       // U+E000
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));     // overlong "/"
  CHECK_FALSE(is_valid_utf8("\xC1\xBF"));     // overlong
  CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF")); // overlong
  CHECK_FALSE(is_valid_utf8("\xF0\x80\x80\xAF"));
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));     // U+D800
  CHECK_FALSE(is_valid_utf8("\xED\xBF\xBF"));     // U+DFFF
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80")); // > U+10FFFF
  CHECK_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
  CHECK_FALSE(is_valid_utf8("\x80")); // lone continuation
  CHECK_FALSE(is_valid_utf8("\xC3")); // truncated
  CHECK_FALSE(is_valid_utf8("a\xE2\x82"));
  CHECK_FALSE(is_valid_utf8("\xFF"));
}

TEST_CASE("sanitize_utf8 replaces each maximal invalid subsequence", "[unicode]") {
  using mend::engine::sanitize_utf8;
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(sanitize_utf8("ok \xC3\xA9") == "ok \xC3\xA9");
  CHECK(sanitize_utf8("a\xFF"
                      "b") == "a" + fffd + "b");
  CHECK(sanitize_utf8("\xFF\xFE") == fffd + fffd);
  // A truncated sequence is one maximal subpart: one replacement.
  CHECK(sanitize_utf8("a\xE2\x82"
                      "b") == "a" + fffd + "b");
  CHECK(sanitize_utf8("\xF0\x9F\x98") == fffd);
  // An overlong or surrogate lead cannot start a valid sequence with that second byte.
  CHECK(sanitize_utf8("\xC0\xAF") == fffd + fffd);
  CHECK(sanitize_utf8("\xED\xA0\x80") == fffd + fffd + fffd);
  CHECK(sanitize_utf8("\xE2\x82\xE2\x82\xAC") == fffd + "\xE2\x82\xAC");
  CHECK(sanitize_utf8("") == "");
  CHECK(mend::engine::is_valid_utf8(sanitize_utf8("\x80\xBF\xF8\xC3(\xED\xB0\x80")));
}

TEST_CASE("NFC for display joins a decomposed letter and its accent", "[unicode]") {
  CHECK(to_nfc(e_decomposed + "t" + e_decomposed) == e_precomposed + "t" + e_precomposed);
  CHECK(to_nfc("Zoë") == "Zoë");
  CHECK(to_nfc("ﬁn") == "ﬁn"); // NFC keeps compatibility characters: display is not matching
  CHECK(to_nfc("ok \xFF") == "ok \xEF\xBF\xBD");
  CHECK(upper_first("été") == "Été");
  CHECK(upper_first(e_decomposed + "te") == "\xC3\x89te");
  CHECK(upper_first("ζωή") == "Ζωή");
  CHECK(upper_first("жизнь") == "Жизнь");
  CHECK(upper_first("") == "");
}

TEST_CASE("case folding keeps accents and folds every script", "[unicode]") {
  CHECK(case_folded("ÉTÉ") == "été");
  CHECK(case_folded("Straße STRASSE") == "strasse strasse");
  CHECK(case_folded("ΣΟΦΊΑ") == "σοφία"); // the accent stays
  CHECK(case_folded("ΟΔΟΣ") == "οδοσ");   // final sigma folds like any sigma
  CHECK(case_folded("ὁδός") == "ὁδόσ");
  CHECK(case_folded("ЖИЗНЬ Ёлка") == "жизнь ёлка");
  CHECK(case_folded(e_decomposed) == e_precomposed); // NFC too
}

TEST_CASE("the matching form meets what people write differently", "[unicode]") {
  SECTION("precomposed and decomposed accents") {
    CHECK(matching(e_precomposed + "t" + e_precomposed) == "ete");
    CHECK(matching(e_decomposed + "t" + e_decomposed) == "ete");
    CHECK(matching("ÉTÉ") == "ete");
  }
  SECTION("Greek: case, final sigma, tonos") {
    CHECK(matching("ΟΔΟΣ") == matching("οδός"));
    CHECK(matching("Ζωή") == "ζωη");
  }
  SECTION("Cyrillic") {
    CHECK(matching("ЖИЗНЬ") == "жизнь");
    CHECK(matching("Ёлка") == matching("елка")); // the diaeresis is a mark
  }
  SECTION("Turkish dotted capital I") {
    // Full case folding gives "i" + U+0307 COMBINING DOT ABOVE; the mark goes, "i" stays.
    CHECK(matching("İSTANBUL") == "istanbul");
    CHECK(matching("İstanbul") == matching("istanbul"));
    CHECK(matching("ı") == "ı"); // the dotless i is a letter of its own, not folded to i
  }
  SECTION("German sharp s") {
    CHECK(matching("Straße") == "strasse");
    CHECK(matching("STRAẞE") == "strasse"); // capital sharp s
  }
  SECTION("ligatures and other compatibility forms") {
    CHECK(matching("ﬁnal ﬂow") == "final flow");
    CHECK(matching("ＦＵＬＬ") == "full");
    CHECK(matching("x²") == "x2");
    // One character, eighteen after NFKC: more than the buffer's first guess (unicode.cpp).
    CHECK(matching("\uFDFA") == "\u0635\u0644\u0649 \u0627\u0644\u0644\u0647 "
                                "\u0639\u0644\u064A\u0647 \u0648\u0633\u0644\u0645");
  }
}

TEST_CASE("fold_for_match applies the matching form to whole notes", "[unicode]") {
  // normalize.h's fold cuts runs of non-ASCII text around ASCII and punctuation: the result is
  // the same as folding the whole text at once.
  CHECK(fold_for_match("Ce" + e_decomposed + "t" + e_decomposed + " — l’" + e_precomposed + "t" +
                       e_precomposed) == "ceete - l'ete");
  CHECK(split_words(fold_for_match("ΖΩΉ καὶ ЖИЗНЬ, İstanbul, Straße, ﬁn")) ==
        std::vector<std::string>{"ζωη", "και", "жизнь", "istanbul", "strasse", "fin"});
  CHECK(fold_for_match("Œuvre, cœur, Æsir, Ørsted, Łódź") == "oeuvre, coeur, aesir, orsted, lodz");
  CHECK(fold_case("İSTANBUL Straße") == "i\xCC\x87stanbul strasse");
  // A decomposed accent on an ASCII letter composes with it, as in the whole text's NFC.
  CHECK(fold_case("FE\xCC\x81VRIER, E\xCC\x81te\xCC\x81") == "f\xC3\xA9vrier, \xC3\xA9t\xC3\xA9");
  CHECK(fold_for_match("FE\xCC\x81VRIER") == "fevrier");
}

TEST_CASE("a note typed with decomposed accents is recognised as the precomposed one",
          "[unicode]") {
  // What an editor on macOS may save: "é" as "e" + U+0301, "à" as "a" + U+0300.
  const std::string precomposed = "## Cette relation correspondait-elle \xC3\xA0 ton id\xC3\xA9"
                                  "al ?\n\nOui, pendant deux ans.\n";
  const std::string decomposed = "## Cette relation correspondait-elle a\xCC\x80 ton ide\xCC\x81"
                                 "al ?\n\nOui, pendant deux ans.\n";
  const std::string shouted = "## CETTE RELATION CORRESPONDAIT-ELLE \xC3\x80 TON ID\xC3\x89"
                              "AL ?\n\nOui, pendant deux ans.\n";
  const mend::engine::Analyzer analyzer(mend::test::builtin_pack(), {"", "fr", false});
  auto ids = [&](const std::string& note) {
    std::vector<std::string> out;
    for (const auto& q : analyzer.analyse(note, "note.md").questions)
      out.push_back(q.id + "@" + std::to_string(q.line) + (q.answered ? "+" : "-"));
    return out;
  };
  const std::vector<std::string> expected = ids(precomposed);
  REQUIRE(expected.size() == 1);
  CHECK(expected[0].rfind("evaluate.", 0) == 0);
  CHECK(ids(decomposed) == expected);
  CHECK(ids(shouted) == expected);
}
