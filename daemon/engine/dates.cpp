// Date recognition in journal text and file names, ISO formatting and day arithmetic.
//
// Parsing is a handful of small recognisers tried in order at one position, each either
// returning the date and where it ends or failing, so the forms stay independent. Names are
// compared as whole words after case folding (normalize.h's fold_case, Unicode's), so "Oct"
// never matches inside "Octopus" and "FÉVRIER" matches "février".
#include "daemon/engine/dates.h"

#include "daemon/engine/normalize.h"
#include "daemon/engine/unicode.h"

#include <cctype>
#include <cstdint>
#include <cstdio>

namespace mend::engine {
namespace {

struct CodePoint {
  std::uint32_t value = 0;
  std::size_t length = 0; // bytes; 0 at the end of the text
};

// Invalid bytes are U+FFFD, which is not a letter.
CodePoint decode(std::string_view s, std::size_t i) {
  if (i >= s.size()) return {};
  const Utf8Char c = decode_utf8(s, i);
  return {static_cast<std::uint32_t>(c.code_point), c.length};
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Letters of words (ASCII letters and non-ASCII characters that are not punctuation, symbols
// or spaces), the things a date must not be glued to.
bool is_letter(std::uint32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7) return false; // Latin-1 punctuation, × ÷
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;           // punctuation, arrows, symbols
  if (cp >= 0x3000 && cp <= 0x303F) return false;           // CJK punctuation
  if (cp == 0xFFFD || cp >= 0x1F000) return false;          // emoji and the like
  return true;
}

bool is_word_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return false;
  if (is_digit(s[i])) return true;
  return is_letter(decode(s, i).value);
}

// Whether the character before `i` is part of a word (so `i` is not a word start).
bool word_before(std::string_view s, std::size_t i) {
  if (i == 0) return false;
  std::size_t k = i - 1;
  while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80 && i - k < 4)
    --k;
  return is_word_at(s, k);
}

std::size_t skip_blanks(std::string_view s, std::size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t'))
    ++i;
  return i;
}

std::size_t letters_end(std::string_view s, std::size_t i) {
  while (i < s.size()) {
    const CodePoint c = decode(s, i);
    if (!is_letter(c.value)) break;
    i += c.length;
  }
  return i;
}

// A whole run of digits at `i` whose length is in [min_len, max_len].
bool read_number(std::string_view s, std::size_t i, std::size_t min_len, std::size_t max_len,
                 int& value, std::size_t& end) {
  std::size_t k = i;
  while (k < s.size() && is_digit(s[k]))
    ++k;
  if (k - i < min_len || k - i > max_len) return false;
  value = 0;
  for (std::size_t j = i; j < k; ++j)
    value = value * 10 + (s[j] - '0');
  end = k;
  return true;
}

// Folded names with their index (month 0..11, weekday 0..6).
struct NameTable {
  std::vector<std::pair<std::string, int>> months;
  std::vector<std::pair<std::string, int>> weekdays;
};

std::vector<std::pair<std::string, int>>
fold_names(const std::vector<std::vector<std::string>>& lists, std::size_t count) {
  std::vector<std::pair<std::string, int>> out;
  for (std::size_t k = 0; k < lists.size() && k < count; ++k) {
    for (const std::string& name : lists[k]) {
      std::string folded = fold_case(name);
      while (!folded.empty() && folded.back() == '.')
        folded.pop_back(); // "févr." is "févr"
      if (!folded.empty()) out.emplace_back(std::move(folded), static_cast<int>(k));
    }
  }
  return out;
}

NameTable make_table(const DateNames& names) {
  return {fold_names(names.months, 12), fold_names(names.weekdays, 7)};
}

// make_table(names), kept per thread with the names it was made of. Why: recognition reads
// every short candidate and heading for a date, and folding every month and weekday name of
// every language each time cost 2% of a diary scan. The names are compared whole (a pack's
// are a few hundred bytes), so another DateNames, or the same one changed, is never read with
// a stale table.
const NameTable& table_for(const DateNames& names) {
  struct Memo {
    bool made = false;
    DateNames names;
    NameTable table;
  };
  thread_local Memo memo;
  if (!memo.made || memo.names.months != names.months || memo.names.weekdays != names.weekdays) {
    memo.table = make_table(names);
    memo.names = names;
    memo.made = true;
  }
  return memo.table;
}

// A name from `table` as the whole word at `i`, with an optional abbreviation dot; returns its
// index and sets `end`, or -1.
int read_name(std::string_view s, std::size_t i,
              const std::vector<std::pair<std::string, int>>& table, std::size_t& end,
              bool& dotted) {
  const std::size_t e = letters_end(s, i);
  if (e == i || (e < s.size() && is_digit(s[e]))) return -1;
  const std::string word = fold_case(s.substr(i, e - i));
  for (const auto& [name, index] : table) {
    if (name == word) {
      dotted = e < s.size() && s[e] == '.';
      end = dotted ? e + 1 : e;
      return index;
    }
  }
  return -1;
}

struct Parsed {
  Date date;
  std::size_t end = 0;
  bool either_order = false, month_first = false; // as DateMatch's
};

// "st", "nd", "rd", "th", French "er": letters glued to a day number.
bool read_ordinal(std::string_view s, std::size_t i, std::size_t& end) {
  const std::size_t e = letters_end(s, i);
  if (e == i) {
    end = i;
    return true;
  }
  const std::string suffix = fold_case(s.substr(i, e - i));
  if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th" || suffix == "er") {
    end = e;
    return !(e < s.size() && is_digit(s[e]));
  }
  return false;
}

// ", 2026" or " 2026" after a day or month; leaves `end` unchanged when there is no year.
void read_year(std::string_view s, std::size_t i, int& year, std::size_t& end) {
  std::size_t k = i;
  if (k < s.size() && s[k] == ',') ++k;
  k = skip_blanks(s, k);
  if (k == i) return;
  int value = 0;
  std::size_t e = 0;
  if (!read_number(s, k, 4, 4, value, e) || is_word_at(s, e) || value < 1) return;
  year = value;
  end = e;
}

bool is_separator(char c) {
  return c == '-' || c == '/' || c == '.';
}

// Numeric forms: "2026-11-19" (also / and .), "19/11/2026", "19.11.2026", "19-11-2026",
// "19/11", "11/19".
std::optional<Parsed> numeric_date(std::string_view s, std::size_t i) {
  int first = 0;
  std::size_t p = 0;
  if (!read_number(s, i, 1, 4, first, p)) return std::nullopt;
  const std::size_t first_len = p - i;
  if (first_len == 3 || p >= s.size() || !is_separator(s[p])) return std::nullopt;
  const char sep = s[p];
  int second = 0;
  const std::size_t second_start = p + 1;
  if (!read_number(s, p + 1, 1, 2, second, p)) return std::nullopt;
  const std::size_t second_len = p - second_start;
  Date date;
  if (first_len == 4) {
    int day = 0;
    if (p >= s.size() || s[p] != sep || !read_number(s, p + 1, 1, 2, day, p)) return std::nullopt;
    date = {first, second, day};
    if (first < 1 || !is_valid_date(date.year, date.month, date.day)) return std::nullopt;
    // "2026-11-19T08:00": a time may follow an ISO date.
    const bool time = sep == '-' && p + 1 < s.size() && s[p] == 'T' && is_digit(s[p + 1]);
    if (!time && is_word_at(s, p)) return std::nullopt;
  } else {
    int year = 0;
    if (p < s.size() && s[p] == sep && p + 1 < s.size() && is_digit(s[p + 1])) {
      // "16/11/26", "11/16/26": a year of two digits after slashes is this century's.
      std::size_t year_start = p + 1;
      if (read_number(s, year_start, 4, 4, year, p)) {
        if (year < 1) return std::nullopt;
      } else if (sep == '/' && read_number(s, year_start, 2, 2, year, p) &&
                 !(p < s.size() && is_digit(s[p]))) {
        year += 2000;
      } else {
        return std::nullopt;
      }
    } else if (sep == '.' && p < s.size() && s[p] == '.' && (first_len == 2 || second_len == 2) &&
               is_valid_date(0, second, first) && !is_word_at(s, p + 1) &&
               !(p + 1 < s.size() && is_digit(s[p + 1]))) {
      // "15.11.", "Sun 15.11. – …": day and month as German and Swiss writers date, the
      // month closed by its dot. Never month first.
      return Parsed{Date{0, second, first}, p + 1};
    } else if (sep != '/') {
      return std::nullopt; // "1.2" and "3-4" are too often not dates
    }
    if (is_word_at(s, p)) return std::nullopt;
    // Day first unless that is impossible ("11/19").
    bool either = false, month_first = false;
    if (is_valid_date(year, second, first)) {
      date = {year, second, first};
      either = first != second && is_valid_date(year, first, second);
    } else if (is_valid_date(year, first, second)) {
      date = {year, first, second};
      month_first = true;
    } else {
      return std::nullopt;
    }
    if (p + 1 < s.size() && is_separator(s[p]) && is_digit(s[p + 1])) return std::nullopt;
    return Parsed{date, p, either, month_first};
  }
  // "1/2/3" and "19.11.26" are something else.
  if (p + 1 < s.size() && is_separator(s[p]) && is_digit(s[p + 1])) return std::nullopt;
  return Parsed{date, p};
}

// "19 Oct", "19th of October", "1er novembre", "19 October 2026", "19 Oct. 2026".
std::optional<Parsed> day_month(std::string_view s, std::size_t i, const NameTable& names) {
  int day = 0;
  std::size_t p = 0;
  if (!read_number(s, i, 1, 2, day, p) || !read_ordinal(s, p, p)) return std::nullopt;
  std::size_t q = skip_blanks(s, p);
  if (q == p) return std::nullopt;
  std::size_t after_of = 0;
  bool dotted = false;
  if (letters_end(s, q) == q + 2 && fold_case(s.substr(q, 2)) == "of") {
    after_of = skip_blanks(s, q + 2);
    if (after_of > q + 2) q = after_of;
  }
  const int month = read_name(s, q, names.months, p, dotted);
  if (month < 0) return std::nullopt;
  Date date{0, month + 1, day};
  read_year(s, p, date.year, p);
  if (!is_valid_date(date.year, date.month, date.day)) return std::nullopt;
  return Parsed{date, p};
}

// "Oct 19", "October 19, 2026", "Oct. 19th".
std::optional<Parsed> month_day(std::string_view s, std::size_t i, const NameTable& names) {
  std::size_t p = 0;
  bool dotted = false;
  const int month = read_name(s, i, names.months, p, dotted);
  if (month < 0) return std::nullopt;
  const std::size_t q = skip_blanks(s, p);
  if (q == p && !dotted) return std::nullopt;
  int day = 0;
  if (!read_number(s, q, 1, 2, day, p) || !read_ordinal(s, p, p)) return std::nullopt;
  if (p + 1 < s.size() && (s[p] == ':' || is_separator(s[p])) && is_digit(s[p + 1]))
    return std::nullopt; // "Oct 10:30", "May 1/2"
  Date date{0, month + 1, day};
  read_year(s, p, date.year, p);
  if (!is_valid_date(date.year, date.month, date.day)) return std::nullopt;
  return Parsed{date, p};
}

std::optional<Parsed> core_date(std::string_view s, std::size_t i, const NameTable& names) {
  if (i >= s.size()) return std::nullopt;
  if (is_digit(s[i])) {
    if (auto parsed = numeric_date(s, i)) return parsed;
    return day_month(s, i, names);
  }
  return month_day(s, i, names);
}

// An optional weekday ("Mon", "Monday,", "lun.") then a date. Some abbreviations are both a
// weekday and a month (French "mar"), so the date is retried without the weekday.
std::optional<Parsed> date_at(std::string_view s, std::size_t i, const NameTable& names) {
  std::size_t p = 0;
  bool dotted = false;
  if (read_name(s, i, names.weekdays, p, dotted) >= 0) {
    std::size_t q = p;
    if (q < s.size() && s[q] == ',') ++q;
    q = skip_blanks(s, q);
    if (q > p || dotted) {
      if (auto parsed = core_date(s, q, names)) return parsed;
      // "ma 24.11 : appel", "Sa 21.11": after a weekday, a day and month joined by a dot (as
      // Swiss and German writers date) are a date, though "24.11" alone may be a number.
      int day = 0, month = 0;
      std::size_t e = 0;
      if (read_number(s, q, 1, 2, day, e) && e < s.size() && s[e] == '.' &&
          read_number(s, e + 1, 2, 2, month, e) && is_valid_date(0, month, day) &&
          !is_word_at(s, e) && !(e + 1 < s.size() && is_separator(s[e]) && is_digit(s[e + 1])))
        return Parsed{Date{0, month, day}, e};
    }
  }
  return core_date(s, i, names);
}

} // namespace

std::optional<DateMatch> parse_leading_date(std::string_view text, const DateNames& names) {
  const NameTable& table = table_for(names);
  const std::size_t start = skip_blanks(text, 0);
  const auto parsed = date_at(text, start, table);
  if (!parsed) return std::nullopt;
  return DateMatch{parsed->date, parsed->end, parsed->either_order, parsed->month_first};
}

std::optional<DateMatch> find_date(std::string_view text, const DateNames& names, std::size_t* at) {
  const NameTable& table = table_for(names);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!is_word_at(text, i) || word_before(text, i)) continue;
    // Not the tail of a longer numeric run: "11/19" in "2026-11/19", "2/3" in "1/2/3".
    if (i >= 2 && is_separator(text[i - 1]) && is_digit(text[i - 2])) continue;
    if (const auto parsed = date_at(text, i, table)) {
      if (at != nullptr) *at = i;
      return DateMatch{parsed->date, parsed->end - i};
    }
  }
  return std::nullopt;
}

std::optional<Date> date_from_file_name(std::string_view file_name) {
  const std::size_t slash = file_name.find_last_of("/\\");
  const std::string_view name =
      slash == std::string_view::npos ? file_name : file_name.substr(slash + 1);
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (!is_digit(name[i]) || (i > 0 && is_digit(name[i - 1]))) continue;
    int year = 0, month = 0, day = 0;
    std::size_t p = 0;
    if (!read_number(name, i, 4, 8, year, p)) continue;
    if (p - i == 8) { // "20261119"
      day = year % 100;
      month = year / 100 % 100;
      year /= 10000;
    } else if (p - i == 4 && p < name.size() &&
               (name[p] == '-' || name[p] == '_' || name[p] == '.')) {
      const char sep = name[p];
      if (!read_number(name, p + 1, 2, 2, month, p) || p >= name.size() || name[p] != sep ||
          !read_number(name, p + 1, 2, 2, day, p))
        continue;
    } else {
      continue;
    }
    if (year >= 1000 && is_valid_date(year, month, day)) return Date{year, month, day};
  }
  for (std::size_t i = 0; i + 4 <= name.size(); ++i) // a weekly note: "2026-W03 review.md"
    if (i == 0 || !is_digit(name[i - 1]))
      if (auto week = parse_iso_week(name.substr(i))) return week;
  return std::nullopt;
}

std::optional<Date> parse_iso_week(std::string_view text) {
  int year = 0, week = 0;
  std::size_t p = 0;
  if (!read_number(text, 0, 4, 4, year, p) || year < 1000) return std::nullopt;
  if (p < text.size() && (text[p] == '-' || text[p] == '_' || text[p] == ' ')) ++p;
  // "2026-W03"; French notes write the week (semaine) "2026-S48", always with two digits (a
  // semester is "2026-S1").
  if (p >= text.size()) return std::nullopt;
  const bool semaine = text[p] == 'S' || text[p] == 's';
  if (text[p] != 'W' && text[p] != 'w' && !semaine) return std::nullopt;
  if (!read_number(text, p + 1, semaine ? 2 : 1, 2, week, p) || week < 1) return std::nullopt;
  if (p < text.size() && std::isalnum(static_cast<unsigned char>(text[p]))) return std::nullopt;
  // ISO 8601: week 1 holds 4 January; weeks start on Monday.
  const long jan4 = days_since_epoch(Date{year, 1, 4});
  const long jan4_weekday = (jan4 + 3) % 7; // 0 = Monday (1970-01-01 was a Thursday)
  const long monday = jan4 - jan4_weekday + 7L * (week - 1);
  const long next_jan4 = days_since_epoch(Date{year + 1, 1, 4});
  if (monday > next_jan4 - (next_jan4 + 3) % 7 - 7) return std::nullopt; // no week 53 this year
  return date_from_days(monday + 6);
}

Date date_from_days(long days) {
  // civil_from_days, Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const long doe = days - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return Date{static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0)), month, day};
}

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (const std::size_t k : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!is_digit(text[k])) return std::nullopt;
  }
  const auto num = [&](std::size_t at, std::size_t len) {
    int v = 0;
    for (std::size_t k = at; k < at + len; ++k)
      v = v * 10 + (text[k] - '0');
    return v;
  };
  const Date date{num(0, 4), num(5, 2), num(8, 2)};
  if (date.year < 1 || !is_valid_date(date.year, date.month, date.day)) return std::nullopt;
  if (text.size() == 10) return date;
  // A time: "T08:00", "T08:00:00", "T08:00:00.5Z", " 08:00+02:00" — checked as HH:MM then any
  // of the characters a time and zone are written with.
  const std::string_view time = text.substr(10);
  if (time.size() < 6 || (time[0] != 'T' && time[0] != ' ') || !is_digit(time[1]) ||
      !is_digit(time[2]) || time[3] != ':' || !is_digit(time[4]) || !is_digit(time[5]))
    return std::nullopt;
  if (time.substr(6).find_first_not_of("0123456789:.+-Z") != std::string_view::npos)
    return std::nullopt;
  return date;
}

std::string format_iso(const Date& date) {
  char buffer[32];
  if (date.has_year()) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  } else {
    std::snprintf(buffer, sizeof buffer, "--%02d-%02d", date.month, date.day); // ISO 8601
  }
  return buffer;
}

long days_since_epoch(const Date& date) {
  // days_from_civil, Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
  const long y = static_cast<long>(date.year) - (date.month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long m = date.month;
  const long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + date.day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

bool is_valid_date(int year, int month, int day) {
  if (year < 0 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > kDays[month - 1]) return false;
  if (month == 2 && day == 29 && year != 0) {
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  }
  return true;
}

} // namespace mend::engine
