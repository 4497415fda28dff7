// Dates as people write them in journals: "2026-11-19", "Mon 19 Oct", "27 Oct", "October 27",
// "19/10", "lundi 19 octobre", a daily note's file name. Pure: the caller supplies "today".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mend::engine {

struct Date {
  int year = 0;  // 0 when the text gave no year
  int month = 0; // 1..12
  int day = 0;   // 1..31
  friend bool operator==(const Date&, const Date&) = default;
  bool has_year() const { return year != 0; }
};

// Month and weekday names, lower case, from every loaded language pack: months[0] lists the
// ways to write January ("january", "jan", "janvier", "janv"...), weekdays[0] Monday.
struct DateNames {
  std::vector<std::vector<std::string>> months;   // 12 entries
  std::vector<std::vector<std::string>> weekdays; // 7 entries
};

struct DateMatch {
  Date date;
  std::size_t length = 0; // bytes of `text` the date spans, from its start
  // A numeric date read day first that reads month first too ("11/2/26": 11 February, or
  // 2 November), and one read month first because day first is impossible ("11/16/26"): a log
  // holding the second is written month first, its first read again so (answer_judge.h).
  bool either_order = false;
  bool month_first = false;
};

// A date at the start of `text` (leading spaces skipped, counted in length). Accepted: ISO
// "2026-11-19" (also with / or . separators when the year comes first), "19/11/2026",
// "19.11.2026", "19/11", "11/19" (day first unless that is impossible), a year of two digits
// after a slash ("16/11/26", "11/16/26": 2026), optional weekday name
// or abbreviation before ("Mon 19 Oct", "Monday, 19 October 2026", "lundi 19 octobre"), "19 Oct",
// "19th of October", "Oct 19", "October 19, 2026", "1er novembre", abbreviations with a dot.
// Case-insensitive, accents as written in the names. Rejects impossible dates (31/02) and
// numbers that are not dates ("19 apples", "2026 was hard").
std::optional<DateMatch> parse_leading_date(std::string_view text, const DateNames& names);

// Finds the first date anywhere in a short text (a heading, a list item), same forms as above,
// matched only at word boundaries.
std::optional<DateMatch> find_date(std::string_view text, const DateNames& names,
                                   std::size_t* at = nullptr);

// A daily note's date from its file name: "2026-11-19.md", "2026_11_19 Thursday.md",
// "20261119.md", "journal-2026-11-19.md". Year is always present in the result.
// A weekly note ("2026-W03.md", "2026-w3 review.md") is dated by the last day of its ISO week:
// a week's note is written over the week or at its end, so its undated log entries are
// no older than that.
std::optional<Date> date_from_file_name(std::string_view file_name);

// "2026-W03", "2026W03", "2026-w3", French "2026-S48": the Sunday ending that ISO 8601 week;
// nothing for a week the year does not have.
std::optional<Date> parse_iso_week(std::string_view text);

// The inverse of days_since_epoch().
Date date_from_days(long days);

// Strict ISO "YYYY-MM-DD" (e.g. --today, front matter `date:`); a time suffix is allowed in
// front matter values ("2026-11-19T08:00").
std::optional<Date> parse_iso_date(std::string_view text);
std::string format_iso(const Date& date);

// Days since 1970-01-01 for a complete date (year required): differences are day counts.
long days_since_epoch(const Date& date);
bool is_valid_date(int year, int month, int day);

} // namespace mend::engine
