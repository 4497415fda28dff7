// Unit tests for dates.h: dates as written in journals and file names, ISO, day arithmetic.
#include "daemon/engine/dates.h"

#include <catch2/catch.hpp>

using mend::engine::Date;
using mend::engine::DateNames;
using mend::engine::find_date;
using mend::engine::parse_leading_date;

namespace {

// English and French names merged per month and weekday, as the packs supply them.
const DateNames& names() {
  static const DateNames n{{{"january", "jan", "janvier", "janv"},
                            {"february", "feb", "février", "fevrier", "févr", "fev"},
                            {"march", "mar", "mars"},
                            {"april", "apr", "avril", "avr"},
                            {"may", "mai"},
                            {"june", "jun", "juin"},
                            {"july", "jul", "juillet", "juil"},
                            {"august", "aug", "août", "aout"},
                            {"september", "sep", "sept", "septembre"},
                            {"october", "oct", "octobre"},
                            {"november", "nov", "novembre"},
                            {"december", "dec", "décembre", "decembre", "déc"}},
                           {{"monday", "mon", "lundi", "lun"},
                            {"tuesday", "tue", "tues", "mardi", "mar"},
                            {"wednesday", "wed", "mercredi", "mer"},
                            {"thursday", "thu", "thurs", "jeudi", "jeu"},
                            {"friday", "fri", "vendredi", "ven"},
                            {"saturday", "sat", "samedi", "sam"},
                            {"sunday", "sun", "dimanche", "dim"}}};
  return n;
}

// The date at the start of `text` and how many bytes it spans.
struct Leading {
  Date date;
  std::size_t length;
};

std::optional<Leading> leading(std::string_view text) {
  const auto m = parse_leading_date(text, names());
  if (!m) return std::nullopt;
  return Leading{m->date, m->length};
}

void check_leading(std::string_view text, Date expected, std::size_t length) {
  INFO(text);
  const auto m = leading(text);
  REQUIRE(m);
  CHECK(m->date == expected);
  CHECK(m->length == length);
}

void check_no_date(std::string_view text) {
  INFO(text);
  CHECK_FALSE(parse_leading_date(text, names()));
  CHECK_FALSE(find_date(text, names()));
}

// No date at the start, though find_date may find one further on.
void check_no_leading_date(std::string_view text) {
  INFO(text);
  CHECK_FALSE(parse_leading_date(text, names()));
}

} // namespace

TEST_CASE("ISO and year-first numeric dates", "[dates]") {
  check_leading("2026-11-19", {2026, 11, 19}, 10);
  check_leading("2026/11/19 entry", {2026, 11, 19}, 10);
  check_leading("2026.11.19.", {2026, 11, 19}, 10);
  check_leading("2026-1-5", {2026, 1, 5}, 8);
  check_leading("  2026-11-19", {2026, 11, 19}, 12); // leading spaces count
  check_leading("2026-11-19T08:00", {2026, 11, 19}, 10);
  check_no_date("2026-11/19"); // mixed separators
  check_no_date("2026-02-30");
  check_no_date("2026-13-01");
  check_no_date("2026-11-19-3");
}

TEST_CASE("day-first numeric dates", "[dates]") {
  check_leading("19/11/2026", {2026, 11, 19}, 10);
  check_leading("19.11.2026", {2026, 11, 19}, 10);
  check_leading("19-11-2026", {2026, 11, 19}, 10);
  check_leading("19/11", {0, 11, 19}, 5);
  check_leading("5/3 - call", {0, 3, 5}, 3); // ambiguous: day first
  check_leading("11/19", {0, 11, 19}, 5);    // day first is impossible
  check_leading("11/19/2026", {2026, 11, 19}, 10);
  check_leading("29/02", {0, 2, 29}, 5); // no year: Feb 29 is possible
  check_leading("29/02/2024", {2024, 2, 29}, 10);
  check_no_date("29/02/2026");
  check_no_date("31/02");
  check_no_date("13/13");
  check_no_date("0/12");
  // A year of two digits after slashes is this century's ("16/11/26", a US "11/16/26").
  check_leading("19/11/26 called", {2026, 11, 19}, 8);
  check_leading("11/16/26", {2026, 11, 16}, 8);
  check_no_date("19.11.26"); // only after slashes
  check_no_date("19/11/260");
  check_no_date("1.2"); // two-part forms need "/"
  // The day and month closed by dots, as German and Swiss writers date a log entry.
  check_leading("15.11. – no laptop", {0, 11, 15}, 6);
  check_leading("1.12.", {0, 12, 1}, 5);
  check_no_date("3.4. Subsection"); // a section number, not the 3rd of April
  check_no_date("31.02.");
  check_no_date("15.11.5");
  check_no_date("1/2/3");
  check_no_date("19/10abc");
  check_no_date("123/10");
}

TEST_CASE("day then month name", "[dates]") {
  check_leading("19 Oct", {0, 10, 19}, 6);
  check_leading("19 Oct.", {0, 10, 19}, 7);
  check_leading("19 October 2026", {2026, 10, 19}, 15);
  check_leading("19 October, 2026", {2026, 10, 19}, 16);
  check_leading("19th of October", {0, 10, 19}, 15);
  check_leading("1st Jan", {0, 1, 1}, 7);
  check_leading("2nd feb", {0, 2, 2}, 7);
  check_leading("3rd MARCH", {0, 3, 3}, 9);
  check_leading("1er novembre", {0, 11, 1}, 12);
  check_leading("27 Oct: rough day", {0, 10, 27}, 6);
  check_leading("27 Oct 20", {0, 10, 27}, 6); // not a year
  check_leading("4 Sept. 2026", {2026, 9, 4}, 12);
  check_leading("12 FÉVRIER", {0, 2, 12}, std::string_view("12 FÉVRIER").size());
  // Typed with a decomposed accent (E + U+0301), as some editors save it.
  check_leading("12 FE\xCC\x81VRIER", {0, 2, 12}, std::string_view("12 FE\xCC\x81VRIER").size());
  check_leading("12 fevrier", {0, 2, 12}, 10);
  check_leading("15 Août 2026", {2026, 8, 15}, std::string_view("15 Août 2026").size());
  check_leading("3 DÉC", {0, 12, 3}, std::string_view("3 DÉC").size());
  check_no_date("19 apples");
  check_no_date("19 Octopus");
  check_no_date("31 Feb");
  check_no_date("19th");
  check_no_date("19xy Oct");
  check_no_date("19Oct");
}

TEST_CASE("month name then day", "[dates]") {
  check_leading("Oct 19", {0, 10, 19}, 6);
  check_leading("October 27", {0, 10, 27}, 10);
  check_leading("October 19, 2026", {2026, 10, 19}, 16);
  check_leading("Oct. 19th", {0, 10, 19}, 9);
  check_leading("Oct.19", {0, 10, 19}, 6);
  check_leading("october 19: party", {0, 10, 19}, 10);
  check_no_date("October");
  check_no_date("October 2026");
  check_no_date("Oct 10:30");
  check_no_leading_date("May 1/2"); // find_date finds "1/2"
  check_no_date("Feb 30");
}

TEST_CASE("weekday before the date", "[dates]") {
  check_leading("Mon 19 Oct", {0, 10, 19}, 10);
  check_leading("Monday, 19 October 2026", {2026, 10, 19}, 23);
  check_leading("lundi 19 octobre", {0, 10, 19}, 16);
  check_leading("Lun. 19 oct.", {0, 10, 19}, 12);
  check_leading("Thursday 2026-11-19", {2026, 11, 19}, 19);
  check_leading("Tue, Oct 20", {0, 10, 20}, 11);
  check_leading("mardi 3/11", {0, 11, 3}, 10);
  // "mar" is both Tuesday (fr) and March: read as the month when no date follows the weekday.
  check_leading("mar 19 oct", {0, 10, 19}, 10);
  check_leading("mar 19", {0, 3, 19}, 6);
  check_no_date("Monday");
  check_no_date("Monday meeting at 5");
  check_no_leading_date("Mondays 19 Oct");
}

TEST_CASE("numbers that are not dates", "[dates]") {
  check_no_date("19 apples");
  check_no_date("2026 was hard");
  check_no_date("");
  check_no_date("   ");
  check_no_date("42");
  check_no_date("version 3.2");
}

TEST_CASE("find_date scans word boundaries", "[dates]") {
  std::size_t at = 99;
  auto m = find_date("Entry for 19 Oct, late", names(), &at);
  REQUIRE(m);
  CHECK(m->date == Date{0, 10, 19});
  CHECK(at == 10);
  CHECK(m->length == 6);

  m = find_date("## Thursday 2026-11-19 — log", names(), &at);
  REQUIRE(m);
  CHECK(m->date == Date{2026, 11, 19});
  CHECK(at == 3);
  CHECK(m->length == 19);

  m = find_date("journal-2026-11-19", names(), &at);
  REQUIRE(m);
  CHECK(at == 8);

  m = find_date("Notes — 1er novembre", names(), &at);
  REQUIRE(m);
  CHECK(m->date == Date{0, 11, 1});
  CHECK(at == std::string_view("Notes — ").size());

  m = find_date("(19/10)", names(), &at);
  REQUIRE(m);
  CHECK(at == 1);
  CHECK(m->length == 5);

  m = find_date("I may leave on may 5", names(), &at); // "may leave" is not a date
  REQUIRE(m);
  CHECK(m->date == Date{0, 5, 5});
  CHECK(at == 15);

  CHECK(find_date("no dates here", names()) == std::nullopt);
  CHECK_FALSE(find_date("x19 Oct", names())); // glued to a word
  CHECK_FALSE(find_date("v1/2", names()));
  CHECK_FALSE(find_date("octobre19", names()));
  CHECK_FALSE(find_date("ab2026-11-19", names()));
  CHECK_FALSE(find_date("we had 19 apples in 2026", names()));
  CHECK(find_date("19 Oct", names())); // the pointer is optional
}

TEST_CASE("date_from_file_name", "[dates]") {
  using mend::engine::date_from_file_name;
  CHECK(date_from_file_name("2026-11-19.md") == Date{2026, 11, 19});
  CHECK(date_from_file_name("2026_11_19 Thursday.md") == Date{2026, 11, 19});
  CHECK(date_from_file_name("2026.11.19.md") == Date{2026, 11, 19});
  CHECK(date_from_file_name("20261119.md") == Date{2026, 11, 19});
  CHECK(date_from_file_name("journal-2026-11-19.md") == Date{2026, 11, 19});
  CHECK(date_from_file_name("notes/daily/2024-02-29.md") == Date{2024, 2, 29});
  CHECK(date_from_file_name("v2 2026-11-19.md") == Date{2026, 11, 19});
  CHECK(date_from_file_name("123 then 2026-11-19.md") == Date{2026, 11, 19});
  CHECK(date_from_file_name("2026-11-19x") == Date{2026, 11, 19}); // bounded by a non-digit
  CHECK_FALSE(date_from_file_name("2026-11_19.md"));
  CHECK_FALSE(date_from_file_name("2026-02-30.md"));
  CHECK_FALSE(date_from_file_name("2023-02-29.md"));
  CHECK_FALSE(date_from_file_name("120261119.md"));
  CHECK_FALSE(date_from_file_name("2026111.md"));
  CHECK_FALSE(date_from_file_name("12026-11-19.md"));
  CHECK_FALSE(date_from_file_name("2026-11-190.md"));
  CHECK_FALSE(date_from_file_name("2026-1-19.md"));
  CHECK_FALSE(date_from_file_name("20261319.md"));
  CHECK_FALSE(date_from_file_name("ideas.md"));
  CHECK_FALSE(date_from_file_name("2026-11-19/notes.md")); // the directory is not the name
}

TEST_CASE("parse_iso_date and format_iso", "[dates]") {
  using mend::engine::format_iso;
  using mend::engine::parse_iso_date;
  CHECK(parse_iso_date("2026-11-19") == Date{2026, 11, 19});
  CHECK(parse_iso_date("2026-11-19T08:00") == Date{2026, 11, 19});
  CHECK(parse_iso_date("2026-11-19T08:00:00Z") == Date{2026, 11, 19});
  CHECK(parse_iso_date("2026-11-19 08:00+02:00") == Date{2026, 11, 19});
  CHECK_FALSE(parse_iso_date("2026-11-19T"));
  CHECK_FALSE(parse_iso_date("2026-11-19x"));
  CHECK_FALSE(parse_iso_date("2026-11-19T08:00 later"));
  CHECK_FALSE(parse_iso_date("2026/11/19"));
  CHECK_FALSE(parse_iso_date("2026-1-19"));
  CHECK_FALSE(parse_iso_date(" 2026-11-19"));
  CHECK_FALSE(parse_iso_date("2026-02-29"));
  CHECK_FALSE(parse_iso_date("0000-01-01"));
  CHECK_FALSE(parse_iso_date(""));
  CHECK(format_iso({2026, 1, 5}) == "2026-01-05");
  CHECK(format_iso({987, 12, 31}) == "0987-12-31");
  CHECK(format_iso({0, 10, 19}) == "--10-19");
  CHECK(parse_iso_date(format_iso({2024, 2, 29})) == Date{2024, 2, 29});
}

TEST_CASE("is_valid_date", "[dates]") {
  using mend::engine::is_valid_date;
  CHECK(is_valid_date(2026, 1, 31));
  CHECK_FALSE(is_valid_date(2026, 4, 31));
  CHECK(is_valid_date(2024, 2, 29));
  CHECK_FALSE(is_valid_date(2026, 2, 29));
  CHECK_FALSE(is_valid_date(1900, 2, 29));
  CHECK(is_valid_date(2000, 2, 29));
  CHECK(is_valid_date(0, 2, 29)); // no year
  CHECK_FALSE(is_valid_date(2026, 0, 1));
  CHECK_FALSE(is_valid_date(2026, 13, 1));
  CHECK_FALSE(is_valid_date(2026, 1, 0));
  CHECK_FALSE(is_valid_date(2026, 1, 32));
  CHECK_FALSE(is_valid_date(-1, 1, 1));
}

TEST_CASE("days_since_epoch", "[dates]") {
  using mend::engine::days_since_epoch;
  CHECK(days_since_epoch({1970, 1, 1}) == 0);
  CHECK(days_since_epoch({1970, 1, 2}) == 1);
  CHECK(days_since_epoch({1969, 12, 31}) == -1);
  CHECK(days_since_epoch({2000, 3, 1}) == 11017);
  CHECK(days_since_epoch({2026, 11, 19}) == 20776);
  CHECK(days_since_epoch({1900, 1, 1}) == -25567);
  CHECK(days_since_epoch({2200, 1, 1}) == 84006);
  CHECK(days_since_epoch({2024, 3, 1}) - days_since_epoch({2024, 2, 28}) == 2);
  CHECK(days_since_epoch({2023, 3, 1}) - days_since_epoch({2023, 2, 28}) == 1);
  CHECK(days_since_epoch({2027, 1, 1}) - days_since_epoch({2026, 1, 1}) == 365);
  // Consecutive days across 1900..2200 differ by one.
  long previous = days_since_epoch({1900, 1, 1}) - 1;
  for (int y = 1900; y <= 2200; ++y) {
    for (int m = 1; m <= 12; ++m) {
      for (int d = 1; d <= 31; ++d) {
        if (!mend::engine::is_valid_date(y, m, d)) continue;
        const long n = days_since_epoch({y, m, d});
        REQUIRE(n == previous + 1);
        previous = n;
      }
    }
  }
}

TEST_CASE("weekly notes are dated by the Sunday ending their ISO week", "[dates]") {
  using mend::engine::date_from_file_name;
  using mend::engine::parse_iso_week;
  CHECK(parse_iso_week("2026-W03") == Date{2026, 1, 18});
  CHECK(parse_iso_week("2026W03") == Date{2026, 1, 18});
  CHECK(parse_iso_week("2026-w3") == Date{2026, 1, 18});
  CHECK(parse_iso_week("2026-W01") == Date{2026, 1, 4}); // week 1 starts Monday 29 Dec 2025
  CHECK(parse_iso_week("2020-W53") == Date{2021, 1, 3}); // 2020 has 53 weeks
  CHECK(parse_iso_week("2026-W53") == Date{2027, 1, 3}); // 2026 starts on a Thursday
  CHECK_FALSE(parse_iso_week("2025-W53"));               // 2025 has 52 weeks
  CHECK_FALSE(parse_iso_week("2026-W00"));
  CHECK_FALSE(parse_iso_week("2026-Wed"));
  CHECK_FALSE(parse_iso_week("2026 was hard"));
  // French weeks (semaines) are "S48"; "S1" is a semester.
  CHECK(parse_iso_week("2026-S48") == Date{2026, 11, 29});
  CHECK_FALSE(parse_iso_week("2026-S1"));
  CHECK_FALSE(parse_iso_week("2026 semaine"));
  CHECK(date_from_file_name("reviews/2026-W03 weekly review.md") == Date{2026, 1, 18});
  CHECK(date_from_file_name("Week 2026-W47.md") == Date{2026, 11, 22});
  CHECK_FALSE(date_from_file_name("W03 review.md"));
  CHECK(mend::engine::date_from_days(mend::engine::days_since_epoch(Date{2024, 2, 29})) ==
        Date{2024, 2, 29});
}

// parse_leading_date() and find_date() keep the folded names per thread (dates.cpp,
// table_for): another set of names, or the same set changed, must be read with its own.
TEST_CASE("each set of names is read with its own folded table", "[dates]") {
  DateNames other = names();
  other.months[10].push_back("Brumaire"); // folded when read: "brumaire" is November here
  for (int round = 0; round < 3; ++round) {
    CHECK_FALSE(parse_leading_date("3 brumaire 2026", names()));
    auto d = parse_leading_date("3 brumaire 2026", other);
    REQUIRE(d);
    CHECK(d->date == Date{2026, 11, 3});
    CHECK_FALSE(find_date("on 3 brumaire", names()));
    CHECK(find_date("on 3 brumaire", other));
  }
  DateNames changed = other; // the same object, changed between reads
  CHECK(parse_leading_date("3 brumaire", changed));
  changed.months[10].pop_back();
  CHECK_FALSE(parse_leading_date("3 brumaire", changed));
}

// "Sat 21.11", "ma 24.11": after a weekday, a day and month joined by one dot are a date, as
// Swiss and German writers date; without the weekday, "21.11" may be any number.
TEST_CASE("a dotted day and month after a weekday", "[dates]") {
  check_leading("Sat 21.11 — walked by the lake", Date{0, 11, 21}, 9);
  check_leading("sam. 21.11 : tenu", Date{0, 11, 21}, 10);
  check_no_leading_date("21.11 — walked by the lake");
  check_no_leading_date("Sat 21.13 — nothing");
}
