// Finds the pack's questions in a note and judges their answers (design.md, "Recognising
// questions and answers"), in the design's stages: the topic gate; candidate lines
// (question_candidates.h); step sections and the question each line is
// (question_assignment.h); then here the answers: the content after each question up to the
// next question, section title, heading that closes it or break, judged by answer_judge.h.
#include "daemon/engine/note_analysis.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "daemon/engine/front_matter.h"
#include "daemon/engine/normalize.h"
#include "daemon/engine/note_regions.h"
#include "daemon/engine/question_prefilter.h"
#include "daemon/engine/render.h"
#include "daemon/engine/text.h"
#include "daemon/engine/thread_memo.h"
#include "daemon/engine/yaml.h"

namespace mend::engine {
namespace {

// A byte of a word as names are read: an ASCII letter, or any byte of a UTF-8 sequence (so
// "Ian’s" is one word, its typographic apostrophe with it).
bool is_name_byte(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
}

// The owner when `word`, ending at `end` in `text`, is a possessive ("Ian's", "Ian’s"); empty
// otherwise.
std::string_view possessor(std::string_view text, std::size_t end, std::string_view word) {
  // "it's", "that's", "what's", "he's": "is" or "has", nobody's.
  static const std::unordered_set<std::string> contracted = {
      "it",   "that", "this", "what", "there", "here",       "who",    "where",
      "when", "how",  "he",   "she",  "let",   "everything", "nothing"};
  std::string_view owner;
  if (end + 1 < text.size() && text[end] == '\'' &&
      (text[end + 1] == 's' || text[end + 1] == 'S') &&
      (end + 2 == text.size() || !is_name_byte(text[end + 2])))
    owner = word;
  else if (word.size() > 4 && word.ends_with("\xE2\x80\x99s"))
    owner = word.substr(0, word.size() - 4);
  if (owner.size() <= 10 && contracted.count(fold_for_match(owner))) return {};
  return owner;
}

// Guidance left in the note by a template is not an answer.
constexpr double kGuidanceSimilarity = 0.75;

// A note whose only sign of the topic is one everyday word holds the article's questions when
// it poses this many of them (TopicSign::Weak).
constexpr std::size_t kWeakTopicQuestions = 3;

// A note with no sign of the topic at all holds the article's questions only when it poses
// this many of one step, in the article's order, one of them of the writer ("was it ever the
// ideal?" / "my needs respected?" / "chance for us later?" in a note that names no one): a work
// note's "Can this be undone?" and "What could go wrong?" are two steps' questions, out of
// order, and a postmortem's "official reasons given in the change request", "what wasn't
// working in the review process" speak of no one. (Or all of a step's questions, when it has
// fewer.)
constexpr std::size_t kUntopicalStepRun = 3;

// Answered on a form ("Réponse : …" under its question): defined with first_answer_line.
bool answered_on_a_form(std::string_view text, const Candidate& c);
std::string_view first_answer_line(std::string_view text, const Candidate& c);

// Day One's export opens each entry with an indented block of its metadata ("\tDate:\t15
// November 2026 at 16:48", "\tLocation:\t…", "\tWeather:\t9° Partly Cloudy"): a new entry, so
// the end of the answer before it, whose words ("partly") are none of the writer's.
bool entry_header(std::string_view text, const Block& b) {
  if (b.kind != BlockKind::Code) return false;
  std::string_view body = trim(text.substr(b.start, b.end - b.start));
  if (!body.starts_with("Date:")) return false;
  std::size_t eol = body.find('\n');
  std::string_view first = body.substr(0, eol);
  return first.size() > 5 && (first[5] == '\t' || first[5] == ' ') &&
         first.find_first_of("0123456789") != std::string_view::npos;
}

// Whether list item `own` ends its list, and the item before it in that list poses a question
// too: a checklist of questions, each answered (or not) inside its own item.
bool last_item_of_question_list(std::string_view text, const std::vector<Block>& blocks,
                                std::size_t own, const std::vector<char>& poses) {
  const Block& item = blocks[own];
  // An item with another bullet ("-" then "*", "1." then "1)") starts another list.
  auto bullet = [&](const Block& b) {
    std::size_t at = text.find_first_not_of(" \t", b.start);
    if (at != std::string_view::npos && text[at] >= '0' && text[at] <= '9')
      at = text.find_first_not_of("0123456789", at); // "3." and "4." are one list's
    return at == std::string_view::npos ? '\0' : text[at];
  };
  for (std::size_t j = own + 1; j < blocks.size(); ++j) {
    if (blocks[j].start < item.end) continue;   // its own children
    if (blocks[j].parent != item.parent) break; // the enclosing item or quote ended
    if (blocks[j].kind == BlockKind::ListItem && blocks[j].depth == item.depth &&
        bullet(blocks[j]) == bullet(item))
      return false;
    break;
  }
  for (std::size_t j = own; j-- > 0;) {
    if (blocks[j].parent != item.parent) continue; // an earlier item's children
    return blocks[j].kind == BlockKind::ListItem && blocks[j].depth == item.depth && poses[j];
  }
  return false;
}

// "A: …", "Réponse : …": the answer half of a Q/A pair.
bool starts_with_answer_label(std::string_view paragraph) {
  std::size_t colon = paragraph.find(':');
  return colon != std::string_view::npos && colon < 16 &&
         is_answer_label(paragraph.substr(0, colon));
}

// The date a heading above `pos` gives ("### Nov 1", "## 2026-11-24 Tue"): the nearest heading
// only, so that an undated heading ("## Evening") ends the previous date's reach.
std::optional<Date> date_of_heading_above(std::string_view text, const Outline& outline,
                                          std::size_t pos, const DateNames& names) {
  const Block* heading = nullptr;
  for (const auto& b : outline.blocks) {
    if (b.start >= pos) break;
    if (b.kind == BlockKind::Heading) heading = &b;
  }
  if (!heading) return std::nullopt;
  return entry_date(text.substr(heading->text_start, heading->text_end - heading->text_start),
                    names);
}

// What the person is told about how the line became this question (MatchEvidence).
void explain_match(QuestionOccurrence& q, const RecognisedQuestion& r, const Candidate& c,
                   const std::vector<Block>& blocks, const QuestionMatcher& matcher) {
  q.label = c.label;
  q.task = c.task;
  q.callout = c.form == QuestionForm::Line && !c.quoted &&
              blocks[static_cast<std::size_t>(c.block)].in_quote;
  q.score = r.score;
  q.bonus = r.match.bonus;
  if (r.matched_by == MatchedBy::Marker) {
    q.evidence = MatchEvidence::Marker;
  } else if (r.by_order) {
    q.evidence = MatchEvidence::Order;
  } else if (auto wording = matcher.wording(r.match)) {
    q.evidence = wording->alias ? MatchEvidence::Alias : MatchEvidence::Wording;
    q.wording = r.match.variant;
  } else {
    q.evidence = MatchEvidence::Section; // a terse item of the step's section
  }
}

std::string_view base_name(std::string_view path) {
  std::size_t slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// The file's name without its extension: "November 12th, 2026.md" is "November 12th, 2026".
std::string_view stem_of(std::string_view path) {
  std::string_view name = base_name(path);
  std::size_t dot = name.rfind('.');
  return dot == std::string_view::npos || dot == 0 ? name : name.substr(0, dot);
}

// Does the line open with a quotation mark (someone else's words, quoted)?
bool opens_with_quotation_mark(std::string_view plain) {
  plain = trim(plain);
  return plain.starts_with("\"") || plain.starts_with("\u201c") || plain.starts_with("\u00ab");
}

// The line up to the clause setting a scene ("clingy" of "clingy when he pulls away?", "je
// m'accroche" of "je m'accroche quand il s'éloigne ?"), or the whole line.
std::string_view before_the_scene(std::string_view plain) {
  std::size_t cut = plain.size();
  for (std::string_view joint : {" when ", " whenever ", " quand ", " lorsqu", " if ", " si "})
    if (std::size_t at = plain.find(joint); at != std::string_view::npos && at > 0)
      cut = std::min(cut, at);
  return plain.substr(0, cut);
}

// Someone's question as they put it: quoted ("> « … ? »", "2. \"Remember the times…\""), or a
// "Q :" the writer answers with "R :". An interview's prep lists what the writer will be asked,
// unquoted, with the answers to give ("Vos besoins étaient-ils respectés ? → Dire oui.").
bool quoted_as_put(std::string_view text, const Candidate& c) {
  return c.quoted || c.form == QuestionForm::QA || opens_with_quotation_mark(c.plain) ||
         (c.start < text.size() && opens_with_quotation_mark(text.substr(c.start, 4)));
}

// The start of the line holding byte `pos`.
std::size_t line_start_of(std::string_view text, std::size_t pos) {
  if (pos == 0) return 0;
  std::size_t nl = text.rfind('\n', std::min(pos, text.size()) - 1);
  return nl == std::string_view::npos ? 0 : nl + 1;
}

// The name of the folder holding the file: "Clients/M - session 4.md" is "Clients".
std::string_view folder_of(std::string_view path) {
  std::size_t slash = path.find_last_of("/\\");
  if (slash == std::string_view::npos) return {};
  return base_name(path.substr(0, slash));
}

} // namespace

Analyzer::Analyzer(const Pack& pack, AnalysisOptions options)
    : pack_(pack), options_(std::move(options)), matcher_(pack, options_.ex_name), phrases_(pack) {
  for (const auto& lang : pack_.languages())
    if (!lang.pronouns_name_people)
      for (const auto& p : lang.topic_pronouns)
        for (auto& w : split_words(fold_for_match(p)))
          noun_pronouns_.insert(std::move(w));
  if (!options_.pronouns.empty()) {
    bool named = false;
    for (const auto& lang : pack_.languages())
      if (const PronounSet* set = named_pronoun_set(lang, options_.pronouns)) {
        named = true;
        for (const auto& [variable, word] : *set)
          for (auto& w : split_words(fold_for_match(word)))
            ex_pronouns_.insert(std::move(w));
      }
    for (auto& w : split_words(fold_for_match(options_.ex_name)))
      ex_pronouns_.insert(std::move(w));
    // Only where pronouns follow people, not nouns (the pack's pronouns_name_people): French
    // "elle" is as often the relationship ("Était-elle conforme à mon idéal ?"), "il" nobody.
    if (named)
      for (const auto& lang : pack_.languages())
        if (!lang.pronouns_name_people && !lang.person_objects.empty()) {
          for (const auto& p : lang.topic_pronouns)
            for (auto& w : split_words(fold_for_match(p)))
              if (!ex_pronouns_.count(w)) others_pronouns_before_objects_.insert(std::move(w));
          for (const auto& o : lang.person_objects)
            for (auto& w : split_words(fold_for_match(o)))
              person_objects_.insert(std::move(w));
        }
    if (named)
      for (const auto& lang : pack_.languages())
        if (lang.pronouns_name_people) {
          for (const auto& p : lang.topic_pronouns)
            for (auto& w : split_words(fold_for_match(p)))
              if (!ex_pronouns_.count(w)) others_pronouns_.insert(std::move(w));
          // The writer's own words in each pronoun's place: the default set's ("they",
          // "them", "their") said of the writer by the pack's first person, in its order
          // ("i", "me", "my", "mine", "myself").
          static const char* const first[][2] = {{"they", "i"},
                                                 {"them", "me"},
                                                 {"their", "my"},
                                                 {"theirs", "mine"},
                                                 {"themself", "myself"}};
          for (const auto& [set_name, set] : lang.pronouns)
            for (const auto& [variable, word] : set)
              for (const auto& [var, mine] : first)
                if (variable == var)
                  for (auto& w : split_words(fold_for_match(word)))
                    if (others_pronouns_.count(w)) third_person_to_first_.try_emplace(w, mine);
        }
  }
  // Folded once, not on every note (every keystroke in an editor).
  for (const auto& lang : pack_.languages()) {
    stopwords_.emplace_back();
    for (const auto& w : lang.stopwords)
      stopwords_.back().insert(fold_for_match(w));
  }
  // One lookup per word of a note, whatever the number of languages (up to 64 are counted).
  for (std::size_t l = 0; l < stopwords_.size() && l < 64; ++l)
    for (const auto& w : stopwords_[l]) {
      stopword_languages_[w] |= std::uint64_t{1} << l;
      longest_stopword_ = std::max(longest_stopword_, w.size());
    }
  static std::atomic<std::uint64_t> next_id{1};
  id_ = next_id++;
}

// Per language of the pack: how many of its stopwords `folded` holds, word by word as
// split_words() cuts them.
void Analyzer::count_stopwords(std::string_view text, std::vector<long>& counts, long sign) const {
  for_each_match_word(text, [&](std::string_view w) {
    if (w.size() > longest_stopword_) return; // no stopword is that long: no lookup
    auto found = stopword_languages_.find(w);
    if (found == stopword_languages_.end()) return;
    for (std::size_t l = 0; l < counts.size(); ++l)
      if (found->second & (std::uint64_t{1} << l)) counts[l] += sign;
  });
}

std::string Analyzer::detect_language(std::string_view text) const {
  if (pack_.languages().size() <= 1) return pack_.empty() ? "en" : pack_.primary().language;
  std::string_view prefix = text.substr(0, std::min<std::size_t>(text.size(), 32 * 1024));
  // The answer depends only on this Analyzer and the first 32 KB. An editor's note is analysed
  // after every keystroke, so the counts are kept per thread for the prefix's whole lines, and
  // the whole lines of a new prefix that differ from the remembered ones in a few lines are
  // counted from them: the old lines' words out, the new lines' in. Exact: words never span a
  // line break, folding works code point by code point, and no UTF-8 sequence spans a '\n'
  // (never a continuation byte). The last, cut line is counted afresh each time.
  struct Memo {
    std::uint64_t analyzer = 0;
    std::string lines; // whole lines (each ending with '\n') of the last prefix
    std::vector<long> counts;
  };
  thread_local Memo memo;
  std::size_t last_break = prefix.rfind('\n');
  std::string_view lines =
      prefix.substr(0, last_break == std::string_view::npos ? 0 : last_break + 1);
  std::string_view cut_line = prefix.substr(lines.size());
  std::vector<long> counts(stopwords_.size(), 0);
  if (memo.analyzer == id_ && memo.counts.size() == counts.size()) {
    std::string_view old = memo.lines;
    counts = memo.counts;
    if (old != lines) {
      std::size_t limit = std::min(old.size(), lines.size());
      std::size_t same_start = 0;
      while (same_start < limit && old[same_start] == lines[same_start])
        ++same_start;
      std::size_t same_end = 0; // equal bytes at both ends, not overlapping the common start
      while (same_end < limit - same_start &&
             old[old.size() - 1 - same_end] == lines[lines.size() - 1 - same_end])
        ++same_end;
      // Widen the differing middle to whole lines, by line breaks that lie inside the common
      // parts (so they are line breaks in both texts): the middle starts after one of the
      // common start, and the kept end starts after one of the common end.
      std::size_t from = same_start;
      while (from > 0 && old[from - 1] != '\n')
        --from;
      std::size_t kept = same_end > 0 ? same_end - 1 : 0;
      while (kept > 0 && old[old.size() - kept - 1] != '\n')
        --kept;
      std::size_t old_middle = old.size() - kept - from, new_middle = lines.size() - kept - from;
      if (old_middle + new_middle < lines.size()) {
        count_stopwords(old.substr(from, old_middle), counts, -1);
        count_stopwords(lines.substr(from, new_middle), counts, +1);
      } else { // another note (a scan): counting it afresh is cheaper
        std::fill(counts.begin(), counts.end(), 0);
        count_stopwords(lines, counts, +1);
      }
    }
  } else {
    count_stopwords(lines, counts, +1);
  }
  memo.analyzer = id_;
  memo.lines.assign(lines);
  memo.counts = counts;
  count_stopwords(cut_line, counts, +1);
  std::string best = pack_.primary().language;
  long best_count = 0;
  for (std::size_t l = 0; l < stopwords_.size(); ++l) {
    if (counts[l] > best_count) {
      best_count = counts[l];
      best = pack_.languages()[l].language;
    }
  }
  return best;
}

namespace {

// The line announcing the list whose item starts at `line_start` ("Questions about him:"), a
// blank line or none above the list's first item; empty if the list has none.
std::string_view list_lead(std::string_view text, std::size_t line_start) {
  constexpr int kMostLines = 40;
  std::size_t at = line_start;
  bool blank_above = false;
  for (int read = 0; at > 0 && read < kMostLines; ++read) {
    std::size_t end = at - 1; // the line break ending the line above
    std::size_t nl = end == 0 ? std::string_view::npos : text.rfind('\n', end - 1);
    std::size_t start = nl == std::string_view::npos ? 0 : nl + 1;
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view t = trim(line);
    at = start;
    if (t.empty()) {
      if (blank_above) return {};
      blank_above = true;
      continue;
    }
    bool indented = line.front() == ' ' || line.front() == '\t';
    bool item = t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ ") ||
                (std::isdigit(static_cast<unsigned char>(t.front())) &&
                 t.find_first_not_of("0123456789") < t.size() &&
                 (t[t.find_first_not_of("0123456789")] == '.' ||
                  t[t.find_first_not_of("0123456789")] == ')'));
    if (item || indented) {
      blank_above = false;
      continue;
    }
    return t.ends_with(":") ? t : std::string_view{};
  }
  return {};
}

} // namespace

// Only pronouns in the note ("he", "her"): it is about the ex when a recognised question or
// section names them, or the first line written under a question does ("Asked him how his day
// was" under "## Change log"), or the words leading into a question on its line; there by a
// pronoun, a partner word or the configured name only.
bool Analyzer::names_ex_in(std::string_view text, const Candidates& candidates,
                           const Recognition& recognition) const {
  // In an unsent letter, "you" is the ex ("So what did you actually tell me?").
  if (matcher_.opens_as_letter(text))
    for (const auto& r : recognition.questions)
      if (matcher_.speaks_to_someone(candidates.lines[r.candidate].plain)) return true;
  for (const auto& s : recognition.sections)
    if (matcher_.names_ex(candidates.lines[s.candidate].plain)) return true;
  for (const auto& r : recognition.questions) {
    const Candidate& c = candidates.lines[r.candidate];
    if (matcher_.names_ex(c.plain)) return true;
    // A question asked of someone else's ("Were the patient's needs respected?"): the pronouns
    // of its answer are theirs ("He rang twice").
    if (asks_of_someone_elses(c.plain)) continue;
    std::size_t from = std::min(c.answer_start, text.size());
    std::string_view after = text.substr(from, 400);
    // The rest of the question's own line and the first line written under it.
    std::size_t first = after.find('\n');
    std::string_view same = after.substr(0, first);
    std::string_view rest =
        first == std::string_view::npos ? std::string_view{} : after.substr(first + 1);
    while (!rest.empty() && (rest.front() == '\n' || rest.front() == '\r'))
      rest.remove_prefix(1);
    rest = rest.substr(0, rest.find('\n'));
    // An answer on the question's own line is all of it ("- gym: hated it" says nothing of
    // the next item's "her").
    if (names_ex_in_answer(trim(same).empty() ? rest : same)) return true;
    // So is what leads into it on its line ("Its her choice. What does trying stop me
    // regretting?").
    std::size_t nl = text.substr(0, c.start).rfind('\n');
    std::size_t line_start = nl == std::string_view::npos ? 0 : nl + 1;
    if (line_start < c.start && names_ex_in_answer(text.substr(line_start, c.start - line_start)))
      return true;
    // So is the line announcing the list it is an item of ("Not getting him back. But:").
    if (c.form == QuestionForm::ListItem && names_ex_in_answer(list_lead(text, line_start)))
      return true;
    // The log's entries nested under it are the writer's acts, and who they were for ("* proof
    // log" over "<2026-11-20 Fri> took her to Boggabilla"): any of them.
    constexpr std::size_t kMostLogBytes = 4096;
    if (const QuestionSpec* spec = pack_.question(r.id);
        spec && spec->log && c.form == QuestionForm::ListItem && c.item_end > c.answer_start) {
      std::string_view entries =
          text.substr(c.answer_start, std::min(c.item_end - c.answer_start, kMostLogBytes));
      for (std::size_t from = 0; from < entries.size();) {
        std::size_t nl = entries.find('\n', from);
        if (nl == std::string_view::npos) nl = entries.size();
        if (names_ex_in_answer(trim(entries.substr(from, nl - from)))) return true;
        from = nl + 1;
      }
    }
  }
  return false;
}

// A possessive of someone who is not the ex: "the patient's needs", "Dad's side" (the ex's own,
// "my ex's reasons" or their name's, is theirs).
bool Analyzer::asks_of_someone_elses(std::string_view plain) const {
  for (std::size_t i = 0; i < plain.size();) {
    if (!is_name_byte(plain[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < plain.size() && is_name_byte(plain[j]))
      ++j;
    std::string_view owner = possessor(plain, j, plain.substr(i, j - i));
    if (!owner.empty() && !matcher_.refers_to_ex(fold_for_match(owner)) &&
        !matcher_.names_ex(owner))
      return true;
    i = j;
  }
  return false;
}

// A pronoun after another person's name in its sentence is theirs ("Ian's grandson and his
// pals", "a word with Tammy about her kingdom"): only the words before such a name are read.
// A name written first in its sentence is as often any capitalised word ("Pizza came late"),
// so it cuts nothing; the ex's own name names the ex.
bool Analyzer::names_ex_in_answer(std::string_view answer) const {
  std::string read;
  bool sentence_start = true, cut = false;
  for (std::size_t i = 0; i < answer.size();) {
    char c = answer[i];
    if (!is_name_byte(c)) {
      if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ';' || c == ':') {
        sentence_start = true;
        cut = false;
      }
      if (!cut) read += c;
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < answer.size() && is_name_byte(answer[j]))
      ++j;
    std::string_view word = answer.substr(i, j - i);
    std::string_view owner = possessor(answer, j, word); // "Ian's"; "It's" is nobody's
    // (A month or a weekday is nobody: "Sun 8 Nov — asked him …".)
    if (!cut && std::isupper(static_cast<unsigned char>(c)) && word.size() > 1 &&
        ((!owner.empty() && matcher_.is_unknown_word(owner)) || !sentence_start) &&
        !matcher_.is_date_word(word)) {
      if (matcher_.names_ex(word, /*unknown_names=*/false)) return true;
      cut = true; // someone else's: what follows in the sentence is about them
    }
    if (!cut) read += word;
    sentence_start = false;
    i = j;
  }
  return matcher_.names_ex(read, /*unknown_names=*/false);
}

// "What we do differently?": said by a group ("we") and not by the writer ("I").
bool Analyzer::kept_by_a_team(std::string_view plain) const {
  return !matcher_.speaks_of_writer(plain) && matcher_.speaks_of_writer_or_couple(plain);
}

bool Analyzer::asked_by_any_debrief(const Candidates& candidates,
                                    const RecognisedQuestion& r) const {
  const QuestionSpec* spec = pack_.question(r.id);
  std::string_view plain = candidates.lines[r.candidate].plain;
  // What a team does differently ("What we do differently?") is a debrief's too, never the
  // writer's log.
  if (!spec || matcher_.names_ex(plain, false)) return false;
  // The log asked in the writer's future ("What will I do differently next week?") is a
  // weekly review's plan, not the log of what was done.
  if (spec->any_debrief ||
      (spec->log && (kept_by_a_team(plain) || matcher_.speaks_in_future(plain))))
    return true;
  // A line meeting one word of the question ("What would I do different?": "change") that a
  // question any debrief asks meets as well: its id was the article's order's tie-break.
  if (r.matched_by != MatchedBy::Text || r.by_order || r.match.terse || r.match.shared_words > 1)
    return false;
  double own = r.match.score - r.match.bonus;
  for (const auto& m : matcher_.rank(plain, MatchContext{}, 4))
    if (!m.step && m.score >= own - 1e-9 && m.id != r.id)
      if (const QuestionSpec* other = pack_.question(m.id); other && other->any_debrief)
        return true;
  return false;
}

bool Analyzer::only_debrief_questions(const Candidates& candidates,
                                      const Recognition& recognition) const {
  if (recognition.questions.empty() || !recognition.sections.empty()) return false;
  // A line the article's order filled between two debrief questions ("can we turn it round
  // before Christmas?" after "what went wrong?") says nothing of the topic either way.
  bool any = false;
  for (const RecognisedQuestion& r : recognition.questions) {
    if (r.by_order) continue;
    if (!asked_by_any_debrief(candidates, r)) return false;
    any = true;
  }
  return any;
}

namespace {

// A title or tag naming the writer's work and nothing else ("## work", "#travail", "tags:
// travail"): a day's part or a note filed under the job. Not "## Work on me": the word alone.
bool names_work_alone(std::string_view title) {
  int words = 0;
  bool work = false;
  for_each_match_word(title, [&](std::string_view w) {
    work = w == "work" || w == "travail";
    ++words;
  });
  return work && words == 1;
}

// A list item with items nested in it.
bool holds_items(const std::vector<Block>& blocks, std::size_t item) {
  for (std::size_t k = item + 1; k < blocks.size() && blocks[k].start < blocks[item].end; ++k)
    if (blocks[k].kind == BlockKind::ListItem && blocks[k].parent == static_cast<int>(item))
      return true;
  return false;
}

// The part of a note that holds a block: the list item it is nested in, else the nearest
// heading above of a higher rank (a heading's own part is its parent heading's). The title is
// that item's or heading's own text; `block` is -1 when nothing holds it but the note.
struct EnclosingPart {
  int block = -1;
  std::size_t start = 0, end = 0;
};

// The list item a block opens, when it is an item's first block (its paragraph, or a heading
// "- ## Why"): the item's own; else the block itself.
int item_of(const std::vector<Block>& blocks, int block) {
  if (block > 0 && blocks[block].kind != BlockKind::ListItem && blocks[block].parent == block - 1 &&
      blocks[block - 1].kind == BlockKind::ListItem)
    return block - 1;
  return block;
}

EnclosingPart enclosing_part(const std::vector<Block>& blocks, int block, std::size_t text_size) {
  int item = item_of(blocks, block);
  int parent = blocks[item].parent;
  if (parent >= 0 && blocks[parent].kind == BlockKind::ListItem)
    return {parent, blocks[parent].start, blocks[parent].end};
  int rank = blocks[block].kind == BlockKind::Heading ? blocks[block].level : 7;
  for (int h = block - 1; h >= 0; --h) {
    if (blocks[h].kind != BlockKind::Heading || blocks[h].level >= rank) continue;
    std::size_t end = text_size;
    for (std::size_t n = static_cast<std::size_t>(h) + 1; n < blocks.size(); ++n)
      if (blocks[n].kind == BlockKind::Heading && blocks[n].level <= blocks[h].level) {
        end = blocks[n].start;
        break;
      }
    return {h, blocks[h].start, end};
  }
  return {};
}

} // namespace

// A weekly note's "## Work / ### Retro" part (or a "- #work" item) asking "What went wrong?"
// and "What would I do differently?" of a release, beside the note's questions about the ex:
// a part whose recognised questions are all ones any debrief asks, none naming the ex nor
// asking with a word of the topic, whose words and every title above it hold no sign of a
// relationship, holds none of them. A part titled as a step ("## Why") keeps them.
std::vector<std::size_t> Analyzer::drop_debriefs_of_other_topics(std::string_view text,
                                                                 const Outline& outline,
                                                                 const Candidates& candidates,
                                                                 Recognition& recognition) const {
  // An Obsidian Kanban board ("kanban-plugin: basic" in its front matter) is one subject's
  // cards: its headings are lanes ("## still chewing on", "## done"), no parts of other topics.
  if (auto fm = split_front_matter(text); fm && fm->yaml.find("kanban-plugin:") != fm->yaml.npos)
    return {};
  const auto& blocks = outline.blocks;
  // Asking with a word of the topic ("… in your next relationship?") is no other topic's
  // debrief, whatever sense its answer gives that word.
  // Read once per question: a part's loop reads every question of the note again.
  std::vector<signed char> debrief(recognition.questions.size(), -1);
  auto is_debrief = [&](std::size_t q) {
    if (debrief[q] < 0) {
      const RecognisedQuestion& r = recognition.questions[q];
      debrief[q] = asked_by_any_debrief(candidates, r) &&
                   matcher_.topic_sign(candidates.lines[r.candidate].plain) != TopicSign::Strong;
    }
    return debrief[q] != 0;
  };
  std::vector<char> decided(blocks.size(), 0); // parts already read: each is read once
  // A word with an everyday sense ("reconciled" before an audit) is no topic of a debrief.
  auto untopical = [&](std::string_view part) {
    if (!options_.topic_gate || part.find("mend:") != part.npos) return false; // as topic_sign
    TopicSign sign = matcher_.topic_sign(part, /*everyday_senses=*/false);
    return sign == TopicSign::None || sign == TopicSign::Weak;
  };
  auto titles_step = [&](int block) {
    return std::any_of(
        recognition.sections.begin(), recognition.sections.end(),
        [&](const StepHeading& s) { return candidates.lines[s.candidate].block == block; });
  };
  // A part titled after another subject or a group ("- Finke volunteers meeting", "## Choir",
  // "### Boulot"): any of its questions that names neither the ex nor a pronoun of the topic,
  // and asks nothing of the writer as "I", is that subject's, a debrief's or not ("what didn't
  // we like? the dust").
  auto titled_subject = [&](int block) {
    const Block& b = blocks[static_cast<std::size_t>(block)];
    std::string_view title = text.substr(b.text_start, b.text_end - b.text_start);
    title = title.substr(0, title.find('\n'));
    bool meeting = false;
    for_each_match_word(title, [&](std::string_view w) {
      meeting = meeting || w == "meeting" || w == "meetings" || w == "reunion";
    });
    // A day's part titled by the writer's work alone ("## work"): its shift's questions.
    meeting = meeting || names_work_alone(title);
    // Not a meeting with the ex ("## Meeting him Saturday", "## Seeing Sam"): the reach-out's.
    if (matcher_.names_ex(title, /*unknown_names=*/false)) return false;
    return meeting || matcher_.titles_another_subject(title) || matcher_.titles_a_group(title);
  };
  // A day's part titled by the writer's work alone ("## work"): "did I give the new kids enough
  // warning about the rips?" asks of the writer's shift, "I" or not.
  auto titled_work = [&](int block) {
    const Block& b = blocks[static_cast<std::size_t>(block)];
    std::string_view title = text.substr(b.text_start, b.text_end - b.text_start);
    return names_work_alone(title.substr(0, title.find('\n')));
  };
  auto of_the_subject = [&](std::size_t q, bool subject_part, bool work_part) {
    if (is_debrief(q)) return true;
    std::string_view plain = candidates.lines[recognition.questions[q].candidate].plain;
    // There a name other than the ex's, when the ex's is known, is a colleague's ("does Mike
    // have to sign off?").
    const bool unknown_names_are_ex = !work_part || options_.ex_name.empty();
    return subject_part && !matcher_.names_ex(plain, unknown_names_are_ex) &&
           (!matcher_.speaks_in_first_person(plain) ||
            (work_part && matcher_.topic_sign(plain) != TopicSign::Strong));
  };
  // "## After — we're back" over "- Mistakes I'm quitting, and what instead", closing a note
  // that went through the article's steps before it: the part takes the article up where the
  // note's questions left it, every one of them of an earlier step, two steps or more of them
  // asked as no debrief asks (a retro's "what went wrong?" before its "mistakes"), the last
  // of them just before it.
  const std::vector<std::string>& steps = pack_.step_ids();
  auto follows_the_articles_steps = [&](const std::vector<std::size_t>& inside,
                                        const std::string& step) {
    const long here = std::find(steps.begin(), steps.end(), step) - steps.begin();
    std::set<long> earlier;
    for (std::size_t k = 0; k < recognition.questions.size(); ++k) {
      if (std::find(inside.begin(), inside.end(), k) != inside.end()) continue;
      if (candidates.lines[recognition.questions[k].candidate].start >=
          candidates.lines[recognition.questions[inside.front()].candidate].start)
        return false;
      const long at =
          std::find(steps.begin(), steps.end(), step_of_question(recognition.questions[k].id)) -
          steps.begin();
      if (at >= here) return false;
      if (!is_debrief(k)) earlier.insert(at);
    }
    // The step right before it in the article, or the one before that (patterns is asked
    // only after a verdict that is no clear yes): a weekly review's "What will I do
    // differently?" after the note's motives and reasons skips half the article.
    constexpr long kMostStepsSkipped = 1;
    return earlier.size() >= 2 && here - *earlier.rbegin() <= 1 + kMostStepsSkipped;
  };
  std::vector<char> drop(recognition.questions.size(), 0);
  for (std::size_t i = 0; i < recognition.questions.size(); ++i) {
    const RecognisedQuestion& r = recognition.questions[i];
    const Candidate& c = candidates.lines[r.candidate];
    if (drop[i] || c.block < 0) continue;
    EnclosingPart part = enclosing_part(blocks, c.block, text.size());
    if (part.block < 0 || decided[static_cast<std::size_t>(part.block)]) continue;
    bool subject_part = titled_subject(part.block);
    bool work_part = subject_part && titled_work(part.block);
    if (!of_the_subject(i, subject_part, work_part)) continue;
    decided[static_cast<std::size_t>(part.block)] = 1;
    bool titled_step = titles_step(part.block) ||
                       std::any_of(recognition.sections.begin(), recognition.sections.end(),
                                   [&](const StepHeading& s) {
                                     return s.start >= part.start && s.start < part.end;
                                   });
    // A subject's part may say "he" of its people ("the new manager want his brother-in-law
    // boats first"); only a strong sign makes it the topic's.
    std::string_view part_text = text.substr(part.start, part.end - part.start);
    bool part_untopical =
        untopical(part_text) ||
        (subject_part && options_.topic_gate && part_text.find("mend:") == part_text.npos &&
         matcher_.topic_sign(part_text, /*everyday_senses=*/false) != TopicSign::Strong);
    if (titled_step || !part_untopical) continue;
    // In a note that asks nothing else, the topic it shows elsewhere (the ex named in the day's
    // other items) is not this part's, unless the part is titled by a name and its questions
    // speak of the writer's couple ("Qu'est-ce qui ne fonctionnait pas entre nous ?" under
    // "## Pierre"; a team's "What would we do differently?" sits under a task or a "## Clinic").
    std::vector<std::size_t> inside;
    bool others_outside = false, all_debrief = true, of_couple = false;
    for (std::size_t k = 0; k < recognition.questions.size(); ++k) {
      std::size_t at = candidates.lines[recognition.questions[k].candidate].start;
      if (at >= part.start && at < part.end) {
        inside.push_back(k);
        all_debrief = all_debrief && of_the_subject(k, subject_part, work_part);
        of_couple = of_couple || matcher_.speaks_of_couple(
                                     candidates.lines[recognition.questions[k].candidate].plain);
      } else {
        others_outside = true;
      }
    }
    // The article's step split in parts: its other questions asked outside the part, not as
    // any debrief asks them, and all of them in the article's order ("## Not doing again" over
    // the mistakes, then "## Proof it's changing", the log). An exit interview's "Is anything
    // reversible?" before the writer's own "Official reason?" is out of that order.
    const std::string step = step_of_question(recognition.questions[inside.front()].id);
    bool one_step = std::all_of(inside.begin(), inside.end(), [&](std::size_t k) {
      return step_of_question(recognition.questions[k].id) == step;
    });
    bool step_goes_on_outside = false, in_order = true;
    if (one_step) {
      const std::vector<std::string> order = pack_.question_ids(step);
      long last = -1;
      for (std::size_t k = 0; k < recognition.questions.size(); ++k) { // document order
        if (step_of_question(recognition.questions[k].id) != step) continue;
        long at =
            std::find(order.begin(), order.end(), recognition.questions[k].id) - order.begin();
        in_order = in_order && at > last;
        last = at;
        if (std::find(inside.begin(), inside.end(), k) == inside.end() && !is_debrief(k))
          step_goes_on_outside = true;
      }
    }
    if (step_goes_on_outside && in_order) continue;
    if (one_step && follows_the_articles_steps(inside, step)) continue;
    const Block& titled = blocks[static_cast<std::size_t>(part.block)];
    if (!all_debrief || (!others_outside && of_couple &&
                         matcher_.titles_a_person(
                             text.substr(titled.text_start, titled.text_end - titled.text_start))))
      continue;
    // Every title above the part: "# Breakup with Sam" over "## Thinking" is the topic; so is
    // a step of the article's ("# Starting again" over "## Not doing again").
    bool titles_untopical = true;
    for (EnclosingPart up = enclosing_part(blocks, part.block, text.size());
         up.block >= 0 && titles_untopical; up = enclosing_part(blocks, up.block, text.size())) {
      const Block& b = blocks[up.block];
      titles_untopical =
          !titles_step(up.block) && untopical(text.substr(b.text_start, b.text_end - b.text_start));
    }
    if (!titles_untopical) continue;
    for (std::size_t k : inside)
      drop[k] = 1;
  }
  std::vector<RecognisedQuestion> kept;
  std::vector<std::size_t> dropped;
  for (std::size_t i = 0; i < recognition.questions.size(); ++i)
    if (drop[i])
      dropped.push_back(recognition.questions[i].candidate);
    else
      kept.push_back(std::move(recognition.questions[i]));
  recognition.questions = std::move(kept);
  return dropped;
}

// A question about someone else ("Qu'est-ce qui ne fonctionnait pas entre votre père et
// vous ?", a therapist's questions about a parent copied into a note) is none of the article's;
// when it is the first question under its heading, it sets what the ones after it there are
// about too ("Qu'est-ce que vous n'aimiez pas chez lui ?").
namespace {

// A title or a list's announcement of questions to put to someone else: "Questions for Moana:",
// "## Questions for the mediator", "Questions to ask him", "# Questions à poser au prochain
// date", "## Questions pour Juju", "first date questions". Not the writer's own: "Questions for
// me", "Questions to ask myself", "Questions for next week", "questions à travailler".
bool announces_questions_for_others(std::string_view title) {
  // The words as written, for a name's capital, and folded.
  std::vector<std::string_view> written;
  for (std::size_t i = 0; i < title.size();) {
    auto letter = [&](std::size_t k) {
      unsigned char c = static_cast<unsigned char>(title[k]);
      return std::isalnum(c) || c >= 0x80;
    };
    if (!letter(i)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < title.size() && letter(j))
      ++j;
    written.push_back(title.substr(i, j - i));
    i = j;
  }
  std::vector<std::string> words;
  for (auto w : written)
    words.push_back(fold_for_match(w));
  auto in = [](const std::string& w, std::initializer_list<const char*> list) {
    return std::any_of(list.begin(), list.end(), [&](const char* x) { return w == x; });
  };
  static const std::initializer_list<const char*> writer = {"me",   "myself", "moi", "meme",
                                                            "self", "us",     "nous"};
  // Times, not people: "Questions for next week", "pour lundi".
  static const std::initializer_list<const char*> times = {
      "next",     "later",    "today",      "tonight",   "tomorrow",   "this",
      "future",   "week",     "weekend",    "monday",    "tuesday",    "wednesday",
      "thursday", "friday",   "saturday",   "sunday",    "plus",       "demain",
      "ce",       "cette",    "semaine",    "lundi",     "mardi",      "mercredi",
      "jeudi",    "vendredi", "samedi",     "dimanche",  "prochain",   "prochaine",
      "futur",    "avenir",   "reflection", "reflexion", "journaling", "thought"};
  static const std::initializer_list<const char*> determiners = {
      "the", "my",  "his", "her", "their", "him",  "them", "le",   "la",  "l",  "les", "mon",
      "ma",  "mes", "son", "sa",  "ses",   "leur", "lui",  "elle", "eux", "au", "aux"};
  // Questions for a first date, asked of the date ("Questions que Jérôme dit de poser au
  // premier rendez-vous", "Ammi's questions for a first meet").
  bool asking = false, first_meeting = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (in(words[i], {"questions", "question", "qs", "ask", "poser", "demander"})) asking = true;
    if (i + 1 < words.size() && in(words[i], {"first", "1st", "premier", "premiere", "1er"}) &&
        in(words[i + 1], {"date", "dates", "meet", "meeting", "rendez", "rdv", "rencard"}))
      first_meeting = true;
  }
  if (asking && first_meeting) return true;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!in(words[i], {"questions", "question", "qs"})) continue;
    if (i > 0 && words[i - 1] == "date") return true; // "first date questions"
    std::size_t j = i + 1;
    if (j >= words.size()) continue;
    // "to ask", "to put to", "à poser": asked of someone, unless of oneself.
    if ((words[j] == "to" || written[j] == "à" || words[j] == "a") && j + 1 < words.size() &&
        in(words[j + 1], {"ask", "put", "poser", "pose", "demander"})) {
      std::size_t k = j + 2;
      if (k < words.size() && in(words[k], {"to", "a", "au", "aux"})) ++k;
      if (k < words.size() && in(words[k], writer)) continue;
      return true;
    }
    if (!(words[j] == "for" || words[j] == "pour" || written[j] == "à")) continue;
    std::size_t k = j + 1;
    if (k >= words.size() || in(words[k], writer) || in(words[k], times)) continue;
    if (in(words[k], determiners)) {
      if (k + 1 < words.size() && (in(words[k + 1], times) || in(words[k + 1], writer))) continue;
      return true;
    }
    // A name: "Questions for Moana", "pour Juju".
    unsigned char first = static_cast<unsigned char>(written[k].front());
    if (std::isupper(first)) return true;
  }
  // "What I want to ask the counsellor:", "Ce que je veux demander à la dame du PMS :": a
  // list of what to ask someone, unless oneself.
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (!in(words[i], {"ask", "demander", "poser"})) continue;
    // French's own asking: "à me demander", "se poser" (English "made me ask her" asks her).
    if (words[i] != "ask" && i > 0 && in(words[i - 1], {"me", "m", "se", "nous"})) continue;
    std::size_t k = i + 1;
    if (written[k] == "à" || in(words[k], {"a", "au", "aux"})) ++k;
    if (k >= words.size() || in(words[k], writer) || in(words[k], times)) continue;
    // A name, not a word in capitals ("AVANT de lui écrire").
    bool name = written[k].size() > 1 && std::isupper(static_cast<unsigned char>(written[k][0])) &&
                !std::isupper(static_cast<unsigned char>(written[k][1]));
    if (in(words[k], determiners) || name) return true;
  }
  return false;
}

} // namespace

std::vector<char> Analyzer::questions_about_others(std::string_view text, const Outline& outline,
                                                   const Candidates& candidates) const {
  const auto& cs = candidates.lines;
  const auto& blocks = outline.blocks;
  // A friend's couple told of in prose before the question in its paragraph ("Sipho and Anele
  // are done… Is it reversible for them?"), or in the paragraph announcing the list the question
  // opens ("Her and Ross are finished… she made me go through it with her:").
  std::vector<char> told_of_couple(cs.size(), 0);
  for (std::size_t k = 0; k < cs.size(); ++k) {
    if (cs[k].block < 0) continue;
    const Block& own = blocks[static_cast<std::size_t>(cs[k].block)];
    std::size_t line_start = text.rfind('\n', cs[k].start);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    line_start = std::max(line_start, own.start);
    if (cs[k].after_prose && own.kind == BlockKind::Paragraph && line_start < cs[k].start &&
        matcher_.tells_of_a_couple_of_others(text.substr(line_start, cs[k].start - line_start)))
      told_of_couple[k] = 1;
    // A later line of a paragraph whose first line announces them ("Wrote down what I'll ask
    // him when he comes for his tea:" over "What reasons did she give you?" and the rest).
    if (own.kind == BlockKind::Paragraph && !own.in_quote && line_start > own.text_start) {
      std::string_view para = text.substr(own.text_start, own.text_end - own.text_start);
      std::string_view first = trim(para.substr(0, para.find('\n')));
      if (first.ends_with(':') && announces_questions_for_others(first)) told_of_couple[k] = 1;
      // Or asks why someone left a group ("Netball - end of season. Why did Tahlia leave the
      // team?"): the paragraph's next lines are the group's, unless they ask of the writer as
      // "I" or of the ex.
      if (first.find('?') != std::string_view::npos &&
          matcher_.asks_why_someone_left_a_group(first) &&
          !matcher_.speaks_in_first_person(cs[k].plain) && !matcher_.names_ex(cs[k].plain))
        told_of_couple[k] = 1;
    }
    if (cs[k].form != QuestionForm::ListItem || told_of_couple[k]) continue;
    int item = item_of(blocks, cs[k].block); // a candidate's block is the item's paragraph
    if (k > 0 && cs[k - 1].form == QuestionForm::ListItem && cs[k - 1].block >= 0 &&
        blocks[static_cast<std::size_t>(item_of(blocks, cs[k - 1].block))].parent ==
            blocks[static_cast<std::size_t>(item)].parent) {
      told_of_couple[k] = told_of_couple[k - 1]; // the same list goes on
      continue;
    }
    // The list's first item: the block before the list, a paragraph announcing it, or the
    // own text of the item the list is nested in ("- Ceri came round… we did the questions for
    // them:" over its items).
    for (int b = item - 1; b >= 0; --b) {
      const Block& before = blocks[static_cast<std::size_t>(b)];
      if (before.kind == BlockKind::ListItem || before.kind == BlockKind::Heading) break;
      bool parent_lead = before.item_lead && before.parent == blocks[item].parent;
      if (before.kind != BlockKind::Paragraph || before.in_quote ||
          (before.item_lead && !parent_lead))
        continue;
      std::string_view intro = trim(text.substr(before.start, before.end - before.start));
      while (intro.ends_with("*") || intro.ends_with("_"))
        intro.remove_suffix(1); // "**Questions for book club:**"
      told_of_couple[k] = intro.ends_with(":") && (matcher_.tells_of_a_couple_of_others(intro) ||
                                                   announces_questions_for_others(intro));
      break;
    }
  }
  // A section titled as a couple of others ("## Clara & Théo" in a daily note) when none of
  // its lines speaks of the writer: its questions are theirs. Per block: the innermost such
  // heading it sits under, or -1.
  std::vector<int> couples_heading(blocks.size(), -1);
  std::vector<char> announcing(blocks.size(), 0);      // "## Questions for the mediator"
  std::vector<char> subject_heading(blocks.size(), 0); // "## Compte rendu client"
  std::vector<std::pair<int, int>> headings; // (level, the couple's heading or -1), open above
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    if (blocks[b].kind != BlockKind::Heading) {
      couples_heading[b] = headings.empty() ? -1 : headings.back().second;
      continue;
    }
    while (!headings.empty() && headings.back().first >= blocks[b].level)
      headings.pop_back();
    std::string_view heading =
        text.substr(blocks[b].text_start, blocks[b].text_end - blocks[b].text_start);
    bool couple = titles_others(heading, blocks[b].level);
    if (couple && !matcher_.titles_a_couple_of_others(heading)) announcing[b] = 1;
    subject_heading[b] = couple && !matcher_.titles_a_couple_of_others(heading) &&
                         !announces_questions_for_others(heading);
    headings.emplace_back(blocks[b].level, couple
                                               ? static_cast<int>(b)
                                               : (headings.empty() ? -1 : headings.back().second));
  }
  std::vector<char> writers_own(blocks.size(), 0); // such a heading over the writer's words
  for (const auto& c : cs) {
    if (c.block < 0 || couples_heading[static_cast<std::size_t>(c.block)] < 0) continue;
    auto h = static_cast<std::size_t>(couples_heading[static_cast<std::size_t>(c.block)]);
    // Under "## Questions pour Juju" the writer's lines around the questions ("ses réponses,
    // pas les miennes") are theirs; only a question the writer asks of themselves makes it theirs.
    bool writers = announcing[h] ? c.question_mark && matcher_.speaks_in_first_person(c.plain)
                                 : matcher_.speaks_of_writer_or_couple(c.plain);
    if (writers) writers_own[h] = 1;
  }
  auto in_couples_section = [&](const Candidate& c) {
    if (c.block < 0) return false;
    int h = couples_heading[static_cast<std::size_t>(c.block)];
    return h >= 0 && !writers_own[static_cast<std::size_t>(h)];
  };
  // Per candidate: is it about someone else? The first line posing a question under a heading
  // decides for the ones after it there.
  std::vector<char> about(cs.size(), 0);
  bool first_under_heading = true, about_other = false;
  // The outermost list item a candidate sits in (-1 outside lists).
  auto root_item = [&](int block) {
    if (block < 0) return -1;
    int item = item_of(blocks, block);
    if (blocks[static_cast<std::size_t>(item)].kind != BlockKind::ListItem) return -1;
    while (blocks[static_cast<std::size_t>(item)].parent >= 0 &&
           blocks[static_cast<std::size_t>(blocks[static_cast<std::size_t>(item)].parent)].kind ==
               BlockKind::ListItem)
      item = blocks[static_cast<std::size_t>(item)].parent;
    return item;
  };
  int deciding_root = -1;
  // A questionnaire copied as it was put ("Avez-vous peur … ?", "Qu'est-ce qui vous rassure … ?")
  // and answered as "je": when two of the note's questions put as "vous" are answered in the
  // first person, they are all the writer's; so is one, when it is the only one answered (a
  // writer who says "vous" to himself: "Quelles erreurs cesserez-vous de répéter ?" over
  // "- j'en accepterai une sur deux").
  // (Answered under it, not on its line: "Voulez-vous changer … ? (je lui ai demandé) il a dit
  // une partie" is an interview's note.)
  int formal = 0, formal_answered = 0, formal_answered_as_i = 0, formal_answered_below = 0;
  for (const Candidate& c : cs)
    if ((c.question_mark || matcher_.opens_question(c.plain)) &&
        matcher_.addresses_someone_formally(c.plain)) {
      ++formal;
      formal_answered += first_answer_line(text, c).empty() ? 0 : 1;
      if (answered_in_first_person(text, c)) {
        ++formal_answered_as_i;
        const std::size_t eol = text.find('\n', c.answer_start);
        formal_answered_below +=
            trim(text.substr(c.answer_start, std::min(eol, text.size()) - c.answer_start)).empty()
                ? 1
                : 0;
      }
    }
  const bool writers_questionnaire =
      formal_answered_as_i >= 2 ||
      (formal_answered_as_i == 1 && formal_answered == 1 && formal_answered_below == 1);
  bool subject_heading_above = false; // the heading above titles a subject (titles_a_subject)
  // "- stuff to ask Ellie when she's ready" over nested items: the items it holds are put to
  // someone else, as a label's list is ("Questions for Moana:").
  std::size_t announced_until = 0;
  for (std::size_t k = 0; k < cs.size(); ++k) {
    if (cs[k].start < announced_until) {
      about[k] = 1;
      continue;
    }
    if (cs[k].form == QuestionForm::ListItem && cs[k].has_children && !cs[k].question_mark &&
        announces_questions_for_others(cs[k].plain)) {
      about[k] = 1;
      announced_until = cs[k].item_end;
      continue;
    }
    if (cs[k].form == QuestionForm::Heading) {
      first_under_heading = true;
      about_other = false;
      about[k] = left_a_group_on_its_line(text, cs[k]);
      subject_heading_above = titles_a_subject(cs[k].plain);
      continue;
    }
    // Under a couple's heading a label is theirs too ("- ses raisons officielles : …"); under
    // another subject's ("Boulot" in a weekly note), only what asks: "- lundi : tableau à
    // refaire" is a log's entry.
    if (in_couples_section(cs[k]) &&
        (cs[k].question_mark || matcher_.opens_question(cs[k].plain) ||
         !subject_heading[static_cast<std::size_t>(
             couples_heading[static_cast<std::size_t>(cs[k].block)])])) {
      about[k] = 1;
      continue;
    }
    // "Questions for Moana:" announces others' questions; it asks none of the writer's.
    if (cs[k].label && announces_questions_for_others(cs[k].plain)) {
      about[k] = 1;
      continue;
    }
    // Someone who left a team ("Pourquoi Kévin a quitté le groupe ?") decides for that line
    // only: a club's point may open a diary entry that goes on with the breakup. Under a
    // heading that titles a subject, neither a day nor a step ("## Tía's acequia meeting"), as
    // that heading's first question it decides for the questions after it there.
    if (left_a_group_on_its_line(text, cs[k])) {
      about[k] = 1;
      if (first_under_heading && subject_heading_above) {
        about_other = true;
        deciding_root = root_item(cs[k].block);
        first_under_heading = false;
      }
      continue;
    }
    if (!cs[k].question_mark && !matcher_.opens_question(cs[k].plain)) continue;
    // (In the writer's questionnaire, "ce qu'il vous a dit", "votre partenaire" are the
    // writer's ex.)
    bool names_other = names_someone_else(text, cs[k]) &&
                       !(writers_questionnaire && matcher_.addresses_someone_formally(cs[k].plain));
    // Only one of the article's questions asked of someone else decides: a diary's opening
    // "why she tell my mother first before me?" says nothing of the questions after it. A
    // couple told of before a list decides for that list only.
    if (names_other && first_under_heading && matcher_.best(cs[k].plain, "")) {
      about_other = true;
      deciding_root = root_item(cs[k].block);
    }
    // Asked of someone as "vous" decides for that line only: an interview's prep or a
    // column's advice may sit above the writer's own questions.
    // The writer asking as "I" or "we" in another outline block asks of themselves ("- Exit
    // interview" over "- Why is she leaving, officially?" in a Logseq journal, then "- Drafting
    // what I'd say to Matt" over "- What will I tell him of all this?"), but not in words
    // quoted from someone ("- \"Can the marriage be saved, or are we pretending?\"").
    int root = root_item(cs[k].block);
    bool writers_own_block =
        root >= 0 && root != deciding_root && root != item_of(blocks, cs[k].block) &&
        !opens_with_quotation_mark(cs[k].plain) &&
        (matcher_.speaks_in_first_person(cs[k].plain) || matcher_.speaks_of_couple(cs[k].plain));
    // (Filled in on a form, "Voulez-vous changer tout ce qu'elle vous reproche ?" over
    // "Réponse : rien", they are the writer's.)
    about[k] = told_of_couple[k] || names_other || (about_other && !writers_own_block) ||
               (matcher_.addresses_someone_formally(cs[k].plain) && !writers_questionnaire &&
                !(quoted_as_put(text, cs[k]) && answered_by_the_one_asked(text, cs[k])) &&
                !answered_on_a_form(text, cs[k]));
    first_under_heading = false;
  }
  return about;
}

namespace {

// "Peur d'être seule, c'est elle qui décide ?": French takes up a noun set off before a comma
// with its pronoun ("la peur … c'est elle"), which is nobody. The line without that pronoun.
std::string without_pronoun_taking_up_a_noun(std::string_view plain) {
  std::string out(plain);
  std::string lower(plain); // byte for byte, so that its offsets are the line's
  for (char& ch : lower)
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  // "c'est elle qui", "est-ce que c'est encore elle qui": the pronoun a few words after "c'est",
  // with the noun set off by a comma before it.
  for (std::string_view pronoun : {" elle qui", " lui qui"})
    for (std::size_t at = lower.find(pronoun); at != std::string::npos;
         at = lower.find(pronoun, at + 1)) {
      const std::size_t back = at > 24 ? at - 24 : 0;
      std::string_view before = std::string_view(lower).substr(back, at - back);
      std::size_t cleft =
          std::min({before.rfind("c'est"), before.rfind("c\u2019est"), before.rfind("est-ce")});
      if (cleft == std::string_view::npos || lower.rfind(',', back + cleft) == std::string::npos)
        continue;
      const std::size_t length = pronoun.find(' ', 1) - 1;
      out.replace(at + 1, length, length, ' ');
    }
  return out;
}

} // namespace

bool Analyzer::names_someone_else(std::string_view text, const Candidate& c) const {
  // With the ex's pronouns configured as "he", "Did I cling to her when she pushed me away?"
  // is about someone else (a mother, a friend); a question quoted from a book keeps the
  // book's pronouns.
  // (Only a line saying "qui" can hold one.)
  std::string taken_up;
  std::string_view plain = c.plain;
  if (c.plain.find(" qui") != std::string::npos) {
    taken_up = without_pronoun_taking_up_a_noun(c.plain);
    plain = taken_up;
  }
  return matcher_.asks_about_other_person(plain) || matcher_.gives_relationship_to_others(plain) ||
         (!c.quoted && asks_with_others_pronoun(plain)) ||
         (asks_of_writer_about_someone_else(plain) &&
          !answered_in_first_person_on_its_line(text, c));
}

bool Analyzer::asked_of_someone_else(std::string_view text, const Candidate& c) const {
  return (c.form != QuestionForm::Heading &&
          (c.question_mark || matcher_.opens_question(c.plain)) &&
          (names_someone_else(text, c) ||
           (matcher_.addresses_someone_formally(c.plain) &&
            !(quoted_as_put(text, c) && answered_by_the_one_asked(text, c)) &&
            !answered_on_a_form(text, c)))) ||
         left_a_group_on_its_line(text, c);
}

bool Analyzer::titles_a_subject(std::string_view heading) const {
  if (std::any_of(heading.begin(), heading.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  const DateNames& names = pack_.date_names();
  bool a_day = false;
  for_each_match_word(heading, [&](std::string_view w) {
    for (const auto& day : names.weekdays)
      a_day = a_day || std::find(day.begin(), day.end(), w) != day.end();
    for (const auto& month : names.months)
      a_day = a_day || std::find(month.begin(), month.end(), w) != month.end();
  });
  if (a_day) return false;
  TopicSign sign = topic_sign(heading);
  if (sign != TopicSign::None && sign != TopicSign::Weak) return false;
  auto ranked = matcher_.rank(heading, MatchContext{}, 1);
  return ranked.empty();
}

// The candidate's line up to its end: "Pourquoi Ti-Guy a lâché l'équipe? Ce qu'il a dit" is
// the team's, its follow-up too; what the line says after the candidate is not read.
bool Analyzer::left_a_group_on_its_line(std::string_view text, const Candidate& c) const {
  std::size_t nl = c.start == 0 ? std::string_view::npos : text.rfind('\n', c.start - 1);
  std::size_t from = nl == std::string_view::npos ? 0 : nl + 1;
  std::size_t to = std::min(std::max(c.end, c.start), text.size());
  std::string_view line = text.substr(from, to - from);
  // Asked, not told: "- Left the lab at 6:45" is a log's entry. A label asks ("- official
  // reason Maura left the group: her shoulder").
  if (line.find('?') == std::string_view::npos && !c.question_mark && !c.label &&
      !matcher_.opens_question(c.plain))
    return false;
  return matcher_.asks_why_someone_left_a_group(line);
}

// Why: in a diary, a note whose only questions are asked of someone else ("why she tell my
// mother first?") holds none (asks_of_others_only), and the regions, which set no line aside,
// recognise something in it and gave up: the whole note was parsed to find nothing (15 notes,
// 376 KB, of the 300-note diary vault).
//
// The whole analysis drops every question when one candidate asks of someone else and no
// recognised question speaks of the writer; its recognition runs with those candidates set
// aside. From the regions (`outline`, `candidates`: the pieces left out all end by
// `left_out_end`), that is proven when, with h the last heading candidate such that no line
// before its line could match on its own (`reads`: Nothing), every piece left out ends before
// h and no heading before h titles a couple of others or announces questions for them:
//  - every line the whole recognition gives an id or a section to lies at h or after it: it
//    could match on its own (question_prefilter.h), or is a terse item inside a step section
//    (whose title could), or is placed by the article's order between, after or inside what
//    such lines make (fill_gaps counts only candidates from the first recognised one on); and
//    what a candidate before h is (its match, its gap, whether it is set aside) reaches no
//    decision about a line from h on;
//  - from h on, the candidates are the whole parse's, and so is whether each asks of someone
//    else (questions_about_others reads, for a line, the lines since the heading above it, the
//    list it is in and the block announcing that list, all from h on, and the couple headings
//    above it, none before h);
// so recognise() on the regions with questions_about_others() of the regions gives the whole
// recognition's questions. Before h, a candidate counts as asking of someone else only when
// its own words say so (asked_of_someone_else: then questions_about_others says so in any
// note). Quoted questions count only when a note quotes two or more: the caller leaves out no
// quote line posing a question when one lies in the pieces parsed from before h on. A note
// written of the writer in the third person (said_of_writer) is read whole.
// tests/unit/engine/note_regions_test.cpp compares with the whole analysis, and fails when
// a line left out after h is given an id by the article's order.
bool Analyzer::asks_of_others_only_in_regions(std::string_view text, const Outline& outline,
                                              const Candidates& candidates, const LineIndex& lines,
                                              const std::vector<LineRead>& reads,
                                              std::size_t left_out_end, bool dated) const {
  if (!third_person_to_first_.empty() && !options_.ex_name.empty()) return false;
  const auto& cs = candidates.lines;
  // Where the first line that could match (or was not read) starts.
  std::size_t open = text.size();
  for (std::size_t number = 0, pos = 0; number < reads.size() && pos < text.size(); ++number) {
    if (reads[number] != LineRead::Nothing) {
      open = pos;
      break;
    }
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  std::size_t h = cs.size();
  for (std::size_t k = 0; k < cs.size(); ++k) {
    std::size_t nl = text.rfind('\n', cs[k].start);
    std::size_t line_start = nl == std::string_view::npos ? 0 : nl + 1;
    if (line_start > open) break;
    if (cs[k].form == QuestionForm::Heading) h = k;
  }
  if (h == cs.size() || cs[h].start < left_out_end) return false;
  if (titles_others_before(text, outline,
                           outline.blocks[static_cast<std::size_t>(cs[h].block)].start))
    return false;
  std::vector<char> about = questions_about_others(text, outline, candidates);
  Recognition recognition = recognise(text, outline, candidates, matcher_, pack_, lines,
                                      options_.threshold_shift, about, dated);
  for (std::size_t k = 0; k <= h; ++k)
    about[k] = asked_of_someone_else(text, cs[k]);
  return asks_of_others_only(text, outline, candidates, recognition, about);
}

bool Analyzer::titles_others_before(std::string_view text, const Outline& outline,
                                    std::size_t before) const {
  for (const Block& b : outline.blocks) {
    if (b.start >= before) break;
    if (b.kind != BlockKind::Heading) continue;
    std::string_view heading = text.substr(b.text_start, b.text_end - b.text_start);
    if (titles_others(heading, b.level)) return true;
  }
  return false;
}

// A heading over questions that are someone else's: a couple of others ("## Clara & Théo"),
// questions announced for others ("## Questions for the mediator"), or, below the note's
// title (whose words the topic gate weighs with the file's name), another subject that no word
// of the heading ties to the topic ("## Compte rendu client Ben Arous", "## Staff meeting").
bool Analyzer::titles_others(std::string_view heading, int level) const {
  // A heading that asks ("### Are these reasons reversible?") titles no subject.
  return matcher_.titles_a_couple_of_others(heading) || announces_questions_for_others(heading) ||
         (level >= 2 && !trim(heading).ends_with("?") && matcher_.titles_another_subject(heading) &&
          matcher_.topic_sign(heading) == TopicSign::None);
}

bool Analyzer::answered_in_first_person_on_its_line(std::string_view text,
                                                    const Candidate& c) const {
  // "Does he stay when his needs are not respected? — No. I am stubborn": a writer asking of
  // themselves in the third person answers as "I".
  if (c.answer_start >= text.size()) return false;
  std::size_t eol = text.find('\n', c.answer_start);
  std::string_view rest =
      text.substr(c.answer_start, eol == std::string_view::npos ? eol : eol - c.answer_start);
  return matcher_.speaks_in_first_person(rest);
}

namespace {

// The first line of what answers `c`: the rest of its line, or else the first line written
// under it, without the marks closing the question ("1. \"Is the fear…?\"", "> *…you?*").
std::string_view first_answer_line(std::string_view text, const Candidate& c) {
  if (c.answer_start >= text.size()) return {};
  std::string_view after = text.substr(c.answer_start, 600);
  std::string_view line = after.substr(0, after.find('\n'));
  // (UTF-8 sequences led by 0xC2 or 0xE2 are Latin-1's and general punctuation: "»", "”".)
  auto no_words = [](std::string_view l) {
    return std::none_of(l.begin(), l.end(), [](char ch) {
      const auto byte = static_cast<unsigned char>(ch);
      return std::isalnum(byte) || (byte >= 0xC3 && byte != 0xE2);
    });
  };
  while (no_words(line) && line.size() < after.size()) {
    after.remove_prefix(line.size() + 1);
    line = after.substr(0, after.find('\n'));
  }
  return no_words(line) ? std::string_view{} : line;
}

// A form's "Your response: …", "Réponse : …" under its question: a worksheet the writer fills
// in, whoever its questions speak to. Both languages' labels (the pack has no key for them).
bool answered_on_a_form(std::string_view text, const Candidate& c) {
  std::string lower = fold_case(trim(first_answer_line(text, c)));
  for (std::string_view label : {"your response", "your answer", "ta réponse", "votre réponse",
                                 "my answer", "ma réponse", "answer", "response", "réponse"})
    if (lower.starts_with(label) &&
        trim(std::string_view(lower).substr(label.size())).starts_with(":"))
      return true;
  return false;
}

} // namespace

bool Analyzer::answered_in_first_person(std::string_view text, const Candidate& c) const {
  std::string_view line = first_answer_line(text, c);
  if (line.empty()) return false;
  // The writer's answer on a form, whoever it speaks of.
  if (answered_on_a_form(text, c)) return true;
  // What someone else said, quoted ("He said \"I need space\""), is theirs.
  return matcher_.speaks_in_first_person(without_quoted(fold_for_match(line)));
}

bool Analyzer::answered_by_the_one_asked(std::string_view text, const Candidate& c) const {
  if (answered_in_first_person(text, c)) return true;
  // Else only someone's question as they put it: quoted ("> « … ? »", "2. \"Remember the times
  // you were sure…\""), or a "Q :" the writer answers with "R :".
  if (!quoted_as_put(text, c)) return false;
  // "« Est-ce la peur de la solitude qui décide à votre place ? »" over "Un peu. L'hiver à
  // l'écluse, personne ne passe.": answered, in words that ask nothing and speak to no one (a
  // list of questions to put to someone has none under them; a column's advice speaks to its
  // reader, "Vous devez…"), quote no one and are given by no one named ("R (Inès / Mme L.) :
  // « Il a dit qu'il étouffait. »", a role-play's).
  std::string_view line = trim(first_answer_line(text, c));
  const std::size_t colon = line.find(':');
  std::string_view said = colon == std::string_view::npos ? line : trim(line.substr(colon + 1));
  const bool quotes = opens_with_quotation_mark(said) ||
                      said.find("\u00ab") != std::string_view::npos ||
                      said.find("\u201c") != std::string_view::npos ||
                      (colon != std::string_view::npos &&
                       line.substr(0, colon).find('(') != std::string_view::npos);
  // Nor one telling of someone the question does not ask about ("Q : Avez-vous peur de rester
  // seule ?" over "R : Elle a pleuré."): the one asked, told of.
  return !line.empty() && !quotes && !line.starts_with("#") && !line.starts_with(">") &&
         line.find('?') == std::string_view::npos && !matcher_.speaks_to_someone(line) &&
         !(matcher_.speaks_of_third_person_only(line) && !matcher_.names_ex(c.plain));
}

bool Analyzer::asks_of_writer_about_someone_else(std::string_view plain) const {
  // "Were her needs respected?", "Is she just afraid of being alone?": the article asks these
  // of the writer ("Were my needs…", "Am I afraid…", or "you" as it words them).
  if (!matcher_.speaks_of_third_person_only(plain)) return false;
  auto best = matcher_.best(plain, "");
  if (!best) return false;
  const QuestionSpec* spec = pack_.question(best->id);
  return spec && spec->of_writer;
}

bool Analyzer::asks_with_others_pronoun(std::string_view plain) const {
  if (others_pronouns_.empty() && others_pronouns_before_objects_.empty()) return false;
  bool others = false, theirs = false;
  std::string previous;
  for_each_match_word(plain, [&](std::string_view w) {
    std::string word(w);
    others = others || others_pronouns_.count(word) > 0 ||
             (person_objects_.count(word) && others_pronouns_before_objects_.count(previous));
    theirs = theirs || ex_pronouns_.count(word) > 0;
    previous = std::move(word);
  });
  return others && !theirs;
}

bool Analyzer::writes_of_self_in_third_person(std::string_view text,
                                              const Candidates& candidates) const {
  if (third_person_to_first_.empty() || options_.ex_name.empty()) return false;
  constexpr int kQuestionsInThirdPerson = 2;
  int third = 0, with_ex = 0;
  for (const auto& c : candidates.lines) {
    if (!c.question_mark && !matcher_.opens_question(c.plain)) continue;
    bool others = false, theirs = false;
    for_each_match_word(c.plain, [&](std::string_view w) {
      std::string word(w);
      others = others || others_pronouns_.count(word) > 0;
      theirs = theirs || ex_pronouns_.count(word) > 0;
    });
    if (!others) continue;
    if (matcher_.speaks_in_first_person(c.plain)) return false;
    if (!matcher_.best(said_of_writer(c.plain), "")) continue;
    ++third;
    if (theirs) ++with_ex;
  }
  if (third < kQuestionsInThirdPerson || with_ex == 0) return false;
  // The ex by name, a word of its own anywhere in the note (its title included).
  std::vector<std::string> name = split_words(fold_for_match(options_.ex_name));
  if (name.empty()) return false;
  bool named = false;
  for_each_match_word(text, [&](std::string_view w) { named = named || w == name.front(); });
  return named;
}

std::string Analyzer::said_of_writer(std::string_view plain) const {
  std::string out, word;
  auto flush = [&] {
    auto it = third_person_to_first_.find(fold_for_match(word));
    out += it == third_person_to_first_.end() ? word : it->second;
    word.clear();
  };
  for (char c : plain) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      word += c;
    } else {
      if (!word.empty()) flush();
      out += c;
    }
  }
  if (!word.empty()) flush();
  return out;
}

std::string Analyzer::without_gendered_nouns_pronouns(std::string_view plain) const {
  // Cut at blanks and apostrophes, the pieces kept as written: names are read by their capital.
  std::string out, piece;
  auto flush = [&] {
    auto words = split_words(fold_for_match(piece));
    bool pronoun = words.size() == 1 && noun_pronouns_.count(words[0]);
    if (!pronoun) out += piece;
    out += ' ';
    piece.clear();
  };
  for (std::size_t i = 0; i < plain.size(); ++i) {
    if (plain[i] == ' ' || plain[i] == '\'') {
      flush();
    } else if (plain.substr(i).starts_with("\u2019")) {
      flush();
      i += 2;
    } else {
      piece += plain[i];
    }
  }
  flush();
  return out;
}

bool Analyzer::asks_of_others_only(std::string_view text, const Outline& outline,
                                   const Candidates& candidates, const Recognition& recognition,
                                   const std::vector<char>& about_others) const {
  auto first_about = std::find(about_others.begin(), about_others.end(), 1);
  bool of_others = first_about != about_others.end();
  // The block of the last heading before the first line asked of someone else: a recognised
  // question before that heading stands apart from them.
  int apart_before = -1;
  if (of_others) {
    std::size_t k = static_cast<std::size_t>(first_about - about_others.begin());
    for (int b = k < candidates.lines.size() ? candidates.lines[k].block : -1; b >= 0; --b)
      if (outline.blocks[static_cast<std::size_t>(b)].kind == BlockKind::Heading) {
        apart_before = b;
        break;
      }
  }
  // So does the log under a later heading of that heading's level or above ("## crew stuff"
  // over "why did Tanner leave the crew?", then "## proof log"): the writer's own acts.
  int apart_from = -1;
  if (apart_before >= 0) {
    const int level = outline.blocks[static_cast<std::size_t>(apart_before)].level;
    for (std::size_t b = static_cast<std::size_t>(apart_before) + 1; b < outline.blocks.size(); ++b)
      if (outline.blocks[b].kind == BlockKind::Heading && outline.blocks[b].level <= level) {
        apart_from = static_cast<int>(b);
        break;
      }
  }
  // And the log in a block before the first line asked of someone else ("Proof log: let him
  // go to Kakadu…" over "Netball - end of season. Why did Tahlia leave the team?").
  int first_about_block = -1;
  if (of_others) {
    std::size_t k = static_cast<std::size_t>(first_about - about_others.begin());
    if (k < candidates.lines.size()) first_about_block = candidates.lines[k].block;
  }
  bool apart = false; // a question speaking of no one, outside that heading's part
  for (const auto& r : recognition.questions) {
    std::string_view plain = candidates.lines[r.candidate].plain;
    if (matcher_.speaks_of_writer_or_couple(plain)) return false;
    // A counsellor's question copied in her words ("Is the fear of being on your own steering
    // this decision?") and answered as "I" ("Partly. …"): the writer's, "you" being the writer.
    if (matcher_.put_to_addressee_only(plain) &&
        answered_in_first_person(text, candidates.lines[r.candidate]))
      return false;
    // "Is Marianne afraid of being abandoned?", "Est-ce qu'elle a peur de rester seule ?"; not
    // the ex named in the clause setting the scene ("clingy when he pulls away?").
    const QuestionSpec* spec = pack_.question(r.id);
    if (spec && spec->of_writer &&
        matcher_.names_ex(without_gendered_nouns_pronouns(before_the_scene(plain))))
      of_others = true;
    else if (int block = candidates.lines[r.candidate].block;
             block >= 0 && (block < apart_before ||
                            (apart_from >= 0 && block >= apart_from && spec && spec->log) ||
                            (spec && spec->log && block < first_about_block)))
      apart = true;
  }
  return of_others && !apart;
}

// A note filed or named after someone the writer helps ("Circle/Circle - week 5 plan", "Clients/
// M. - session 4", "Aiman 1-1") or another subject may hold the writer's own questions after the
// ones put to that person ("My turn." then "Q: Do I cling to Otieno?"): a line put to "you",
// with no word of the writer or the couple and not answered as "I", is the other person's, and
// is set aside before the ids are given out. Only the path decides which notes, so that the
// regions (note_regions.cpp), which may not hold the note's title, read as the whole does.
bool Analyzer::may_set_aside_put_to_someone(std::string_view text, std::string_view path) const {
  // Markers decide outright; without the topic gate every question is read as posed.
  if (!options_.topic_gate || text.find("mend:") != std::string_view::npos) return false;
  std::string_view name = stem_of(path);
  if (!matcher_.titles_someone_helped(name) && !matcher_.titles_someone_helped(folder_of(path)) &&
      !matcher_.titles_another_subject(name))
    return false;
  return !matcher_.opens_as_letter(text); // a letter's "you" is the ex
}

bool Analyzer::set_aside_questions_put_to_someone_helped(std::string_view text,
                                                         std::string_view path,
                                                         Candidates& candidates) const {
  if (!may_set_aside_put_to_someone(text, path)) return false;
  return std::erase_if(candidates.lines, [&](const Candidate& c) {
           return matcher_.put_to_addressee_only(c.plain) && !answered_by_the_one_asked(text, c);
         }) > 0;
}

Candidates Analyzer::posed_candidates(std::string_view text, const Outline& outline) const {
  // The sentences no prompt's lead may open are not read (their plain text not built).
  Candidates candidates = find_candidates(
      text, outline,
      {matcher_.id(),
       [this](std::string_view raw) { return matcher_.may_open_with_prompt_lead(raw); },
       [this](std::string_view raw) { return matcher_.opens_question(raw); }});
  std::erase_if(candidates.lines, [&](const Candidate& c) {
    return c.stop_ended && !c.numbered_over_answer && !matcher_.opens_with_prompt_lead(c.plain) &&
           !(c.in_message && matcher_.opens_question(c.plain));
  });
  // A template's placeholder left alone on its line ("_ta réponse_") poses nothing: it waits
  // for the answer to the question above it.
  std::erase_if(candidates.lines, [&](const Candidate& c) {
    return c.loose && !c.label && !c.question_mark && is_placeholder(c.plain, phrases_);
  });
  // Nor does a line of prose opening with a to-do in capitals ("TODO ask Máire about her
  // sister, she met someone at 55" under the question it leaves for later): a task of the
  // writer's, its words no question's, unless the task is to ask or take up a prompt ("TODO
  // Remember the times…"). (An Org headline's or an item's "TODO" is its state.)
  std::erase_if(candidates.lines, [&](const Candidate& c) {
    if (c.form != QuestionForm::Line || c.question_mark ||
        !(c.plain.starts_with("TODO ") || c.plain.starts_with("TODO:")))
      return false;
    std::string_view task = trim(std::string_view(c.plain).substr(5));
    return !matcher_.opens_question(task) && !matcher_.opens_with_prompt_lead(task);
  });
  // Nor does a to-do list's label ("Need to: ring the council, pay the wholesaler"): what the
  // writer has to do, whatever word of a question it holds ("need").
  std::erase_if(candidates.lines, [&](const Candidate& c) {
    // (A longer label is none of them: most are, and need no folded copy.)
    if (!c.label || c.question_mark || c.plain.size() > 24) return false;
    static const std::unordered_set<std::string> todo_leads = {
        "need to",         "needs to",       "have to", "got to",  "must", "must do", "remember to",
        "don't forget to", "dont forget to", "à faire", "il faut", "faut", "penser à"};
    return todo_leads.count(fold_case(trim(c.plain))) > 0;
  });
  return candidates;
}

namespace {

// Text but blanks between two blocks: a part of the note left out of the parse
// (parse_outline_skipping, analyse_past_inert_prefix), where no block is. A whole parse has
// none: its blocks follow one another, blank lines between them.
bool left_out_between(std::string_view text, std::size_t from, std::size_t to) {
  return to > from &&
         text.substr(from, to - from).find_first_not_of(" \t\r\n") != std::string_view::npos;
}

// The titles a note goes by: its file's name without extension (and without the id a Notion
// export appends, "Jen and Mark 5f4e3d2c…"), and the heading it opens with.
std::vector<std::string_view> titles_of(std::string_view text, const Outline& outline,
                                        std::string_view path) {
  std::vector<std::string_view> titles;
  std::string_view name = stem_of(path);
  if (std::size_t space = name.rfind(' '); space != std::string_view::npos) {
    std::string_view id = name.substr(space + 1);
    if (id.size() >= 16 && std::all_of(id.begin(), id.end(), [](char c) {
          return std::isxdigit(static_cast<unsigned char>(c));
        }))
      name = name.substr(0, space);
  }
  if (!name.empty()) titles.push_back(name);
  std::size_t covered = 0;
  for (const Block& b : outline.blocks) {
    if (b.kind == BlockKind::FrontMatter) {
      covered = b.end;
      continue;
    }
    // Not a heading after a part left out of the parse: the note opens with that part.
    if (b.kind == BlockKind::Heading && !left_out_between(text, covered, b.start))
      titles.push_back(text.substr(b.text_start, b.text_end - b.text_start));
    break;
  }
  return titles;
}

// The line of tags a note opens with ("#boulot", "#work #retro"), among its first blocks: the
// tool's way of filing it, as a folder does.
std::string_view opening_tags(std::string_view text, const Outline& outline) {
  int seen = 0;
  std::size_t covered = 0;
  for (const Block& b : outline.blocks) {
    if (left_out_between(text, covered, b.start)) break; // the note opens with a part left out
    covered = std::max(covered, b.end);
    if (b.kind == BlockKind::FrontMatter) continue;
    if (++seen > 3) break;
    if (b.kind != BlockKind::Paragraph) continue;
    std::string_view line = trim(text.substr(b.text_start, b.text_end - b.text_start));
    line = line.substr(0, line.find('\n'));
    bool tags = !line.empty();
    for (std::size_t i = 0; tags && i < line.size();) {
      std::size_t j = line.find(' ', i);
      if (j == std::string_view::npos) j = line.size();
      tags = line[i] == '#' && j > i + 1 && line[i + 1] != '#';
      i = line.find_first_not_of(' ', j);
      if (i == std::string_view::npos) break;
    }
    if (tags) return line;
  }
  return {};
}

// The title and the tags of a note's front matter ("title: Phare — visites scolaires",
// "tags: travail", "tags: [work, retro]"): how the tool files it, as a heading and a folder do.
struct FrontMatterFiling {
  std::string title;
  std::vector<std::string> tags;
};

FrontMatterFiling front_matter_filing(std::string_view text) {
  FrontMatterFiling out;
  auto fm = split_front_matter(text);
  if (!fm || (fm->yaml.find("title") == std::string_view::npos &&
              fm->yaml.find("tags") == std::string_view::npos))
    return out;
  YamlResult yaml = parse_yaml(fm->yaml);
  if (!yaml.value.is_object()) return out;
  if (auto it = yaml.value.find("title"); it != yaml.value.end() && it->is_string())
    out.title = it->get<std::string>();
  for (const char* key : {"tags", "tag"}) {
    auto it = yaml.value.find(key);
    if (it == yaml.value.end()) continue;
    if (it->is_string()) {
      // "tags: travail" or "tags: work, retro"
      std::string_view all = it->get_ref<const std::string&>();
      for (std::size_t from = 0; from <= all.size();) {
        std::size_t to = all.find_first_of(", ", from);
        if (to == std::string_view::npos) to = all.size();
        if (to > from) out.tags.emplace_back(all.substr(from, to - from));
        from = to + 1;
      }
    } else if (it->is_array()) {
      for (const auto& tag : *it)
        if (tag.is_string()) out.tags.push_back(tag.get<std::string>());
    }
  }
  return out;
}

} // namespace

bool Analyzer::titled_after_someone_else(std::string_view text, const Outline& outline,
                                         std::string_view path, const Candidates& candidates,
                                         const Recognition& recognition, TopicSign sign,
                                         bool put_to_someone_set_aside) const {
  if (!options_.topic_gate || recognition.questions.empty() ||
      text.find("mend:") != std::string_view::npos)
    return false;
  std::vector<std::string_view> titles = titles_of(text, outline, path);
  const FrontMatterFiling filing = front_matter_filing(text);
  if (!filing.title.empty()) titles.push_back(filing.title);
  auto any_title = [&](auto&& test) { return std::any_of(titles.begin(), titles.end(), test); };
  // "Pros and Cons" reads as a pair of names too: the questions then say whose they are ("I",
  // not the "you" of questions put to a friend).
  auto writers_questions = [&] {
    return std::any_of(recognition.questions.begin(), recognition.questions.end(),
                       [&](const RecognisedQuestion& r) {
                         return matcher_.speaks_in_first_person(
                             candidates.lines[r.candidate].plain);
                       });
  };
  if (any_title([&](std::string_view t) {
        return matcher_.titles_a_couple_of_others(t) || announces_questions_for_others(t);
      }) &&
      !writers_questions())
    return true;
  // A relative's note may say "wedding dress" in an answer: only the questions show whether
  // it turns to the writer's relationship ("Did I cling to Sam the way I clung to her?").
  bool a_question_on_the_topic =
      sign == TopicSign::Strong &&
      std::any_of(recognition.questions.begin(), recognition.questions.end(),
                  [&](const RecognisedQuestion& r) {
                    return topic_sign(candidates.lines[r.candidate].plain) == TopicSign::Strong;
                  });
  // "Redundancy: what actually happened", "Book club - The Salt Year": another subject's note,
  // unless one of its questions or titles names the topic ("breakup.md" titled "# Claire /
  // postmortem") or it names the writer's own relationship ("Too close to my breakup").
  // A question's "partner" may be a supplier's ("on our side or the partner's?"): only a word
  // that always names the topic counts there.
  bool a_question_names_the_topic =
      a_question_on_the_topic &&
      std::any_of(recognition.questions.begin(), recognition.questions.end(),
                  [&](const RecognisedQuestion& r) {
                    return matcher_.has_decisive_sign(candidates.lines[r.candidate].plain);
                  });
  // Or filed under it: "Boulot/REX chronologie", "Work/Q3 retro".
  bool titled_after_another_subject =
      any_title([&](std::string_view t) { return matcher_.titles_another_subject(t); }) ||
      matcher_.titles_another_subject(folder_of(path)) || names_work_alone(folder_of(path)) ||
      matcher_.titles_another_subject(opening_tags(text, outline)) ||
      // Every tag of its front matter: "tags: [weekly, work]" files a week, its work in it.
      (!filing.tags.empty() &&
       std::all_of(filing.tags.begin(), filing.tags.end(), [&](const std::string& tag) {
         return matcher_.titles_another_subject(tag) || names_work_alone(tag);
       }));
  // "Client worksheet", "Aiman 1-1", a note filed under "Courrier/": the article's own
  // questions put to a client, a mentee or a reader ("What reasons did he give you?") name the
  // topic, but they speak to that person, and none of the writer (nor a letter's "you", the ex).
  auto put_to_someone_only = [&] {
    if (matcher_.opens_as_letter(text)) return false;
    bool to_someone = put_to_someone_set_aside;
    int answered_as_i = 0;
    for (const auto& r : recognition.questions) {
      const Candidate& c = candidates.lines[r.candidate];
      if (matcher_.speaks_in_first_person(c.plain) || matcher_.speaks_of_couple(c.plain))
        return false;
      to_someone = to_someone || matcher_.put_to_addressee_only(c.plain);
      answered_as_i += answered_by_the_one_asked(text, c);
    }
    // A pastor's worksheet the writer fills in ("Q: Are you afraid…" / "A: Yes. I have not
    // slept alone in thirty years") is answered as "I": its questions are the writer's.
    return to_someone && 2 * answered_as_i < static_cast<int>(recognition.questions.size());
  };
  auto helped = [&](std::string_view t) { return matcher_.titles_someone_helped(t); };
  if ((titled_after_another_subject || any_title(helped) || helped(folder_of(path))) &&
      put_to_someone_only())
    return true;
  // "Carnaval - groupe" telling, before its questions, "Fabrice quitte le groupe à po après le
  // mardi gras": a group's note asks them of that leaving. Not when the line telling it names
  // the ex, a partner word or a pronoun of the topic ("He quit the band, then me").
  auto tells_of_someone_leaving_it = [&] {
    std::size_t first = text.size();
    for (const auto& r : recognition.questions)
      first = std::min(first, candidates.lines[r.candidate].start);
    std::size_t from = 0;
    if (auto fm = split_front_matter(text))
      from = static_cast<std::size_t>(fm->body.data() - text.data());
    while (from < first) {
      std::size_t nl = text.find('\n', from);
      std::size_t to = std::min(nl == std::string_view::npos ? text.size() : nl, first);
      std::string_view line = text.substr(from, to - from);
      if (line.find('?') == std::string_view::npos &&
          matcher_.asks_why_someone_left_a_group(line) && !matcher_.names_ex(line))
        return true;
      if (nl == std::string_view::npos) break;
      from = nl + 1;
    }
    return false;
  };
  if (!a_question_names_the_topic &&
      any_title([&](std::string_view t) { return matcher_.titles_a_group(t); }) &&
      !matcher_.names_writers_relationship(text) && tells_of_someone_leaving_it())
    return true;
  if (!a_question_names_the_topic && titled_after_another_subject &&
      !any_title([&](std::string_view t) { return topic_sign(t) == TopicSign::Strong; }) &&
      !matcher_.names_writers_relationship(text))
    return true;
  if (a_question_on_the_topic ||
      !any_title([&](std::string_view t) { return matcher_.titles_a_relative(t); }))
    return false;
  // A session on Dad may turn to the ex in a section of its own ("## Pierre").
  bool title_seen = false;
  for (const Block& b : outline.blocks) {
    if (b.kind != BlockKind::Heading) continue;
    std::string_view heading = text.substr(b.text_start, b.text_end - b.text_start);
    if (title_seen &&
        (matcher_.titles_a_person(heading) || topic_sign(heading) == TopicSign::Strong))
      return false;
    title_seen = true;
  }
  return true;
}

bool Analyzer::poses_a_step_in_order(const Candidates& candidates,
                                     const Recognition& recognition) const {
  std::vector<std::pair<std::size_t, const RecognisedQuestion*>> by_line;
  for (const auto& r : recognition.questions)
    by_line.emplace_back(candidates.lines[r.candidate].start, &r);
  std::sort(by_line.begin(), by_line.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const std::string& step : pack_.step_ids()) {
    std::vector<std::string> order = pack_.question_ids(step);
    std::size_t count = 0;
    long last = -1;
    bool in_order = true, personal = false;
    for (const auto& [start, r] : by_line) {
      if (r->id.compare(0, step.size(), step) != 0 || r->id.size() <= step.size() ||
          r->id[step.size()] != '.')
        continue;
      long at = std::find(order.begin(), order.end(), r->id) - order.begin();
      in_order = in_order && at > last;
      last = at;
      ++count;
      personal = personal || matcher_.speaks_of_writer(candidates.lines[r->candidate].plain);
    }
    // A step of fewer questions ("Mistakes I'm not repeating, and what I do instead" then
    // "Proof log") is posed in full.
    if (in_order && personal && count >= std::min(kUntopicalStepRun, order.size())) return true;
  }
  return false;
}

TopicSign Analyzer::topic_sign(std::string_view text) const {
  // Markers decide outright, whatever the note's words.
  if (!options_.topic_gate || text.find("mend:") != std::string_view::npos)
    return TopicSign::Strong;
  return matcher_.topic_sign(text);
}

TopicSign Analyzer::topic_sign(std::string_view text, std::string_view path) const {
  TopicSign sign = topic_sign(text);
  if (sign == TopicSign::Strong) return sign;
  // The path as written, without its extension: only a word that always names the topic
  // counts ("Relationships/" may be a sales team's).
  std::string_view stem = stem_of(path);
  std::string_view name = path.substr(0, stem.data() + stem.size() - path.data());
  return matcher_.has_decisive_sign(name) ? TopicSign::Strong : sign;
}

NoteAnalysis Analyzer::analyse(std::string_view text, std::string_view path) const {
  TopicSign sign = topic_sign(text, path);
  // FIXME(performance issue): analyse_skipping_sections() is exact but no longer pays, and a
  // cheaper check would not change that: on the 2,000-note bench vault (docs/performance.md)
  // its per-part check costs 2.1 s and proves 127 KB of the 16 MB in parts skippable. In a
  // part, any heading, '?' line, label or bold lead may be a question (a gap the article's
  // order fills), and the parts after it up to the next heading may hold its answer. Skipping
  // more needs a tighter proof: e.g. the parts before the first line that matches without
  // context hold no question (1.7 MB of inert parts there, ~10% of the parse, if a heading's
  // own items can be proven not to matter). It stays tested.
  Outline outline = parse_outline_in_parts(text);
  return analyse(text, outline, path, sign);
}

// Why: `mend scan` and the daemons' cold index are bounded by the block parse, and in a note
// that holds questions most of the text is usually no question and no answer. The note is cut
// where a segment of an open note may start (markdown.h: column-0 headings, and letter lines
// after a blank line), and a piece is not parsed (past its heading line, if it starts with one)
// when
//  - the prefilter proves none of its lines can be a step or a question (question_prefilter.h),
//  - its lines are inert (inert_lines: no heading, thematic break, setext underline, fence, HTML
//    or table can start in it), so the parse of what follows starts as fresh as a segment does,
//    and no heading, break or anchor in it could end a section or an answer,
//  - it is not the last piece (the grammar reads the end of a text by its own rules), and
//  - no piece since the last heading may hold a question (its answer could run on into this
//    one; a piece starting with a heading line keeps that heading, which ends most answers);
// and the analysis is kept only if no question's answer reaches into a skipped part (an
// answer's lines and blocks are read); else the note is parsed whole. Then every block that
// analysis reads is the block a whole parse gives, and the analysis is the same:
// tests/unit/engine/note_analysis_skipping_test.cpp compares the two over every fixture note,
// rewrites of them and a generated vault.
std::optional<NoteAnalysis> Analyzer::analyse_skipping_sections(std::string_view text,
                                                                std::string_view path) const {
  constexpr std::size_t kWorthSkipping = 4096; // a short note costs less to parse than to check
  if (text.size() < kWorthSkipping) return std::nullopt;
  std::vector<std::size_t> starts;
  for (std::size_t nl = text.find('\n'); nl != std::string_view::npos; nl = text.find('\n', nl + 1))
    if (starts_segment_line(text, nl + 1)) starts.push_back(nl + 1);
  std::vector<SkippedSection> skipped;
  bool answer_possible = false; // a piece since the last heading line may hold a question
  for (std::size_t k = 0; k + 1 < starts.size(); ++k) {
    bool heading = text[starts[k]] == '#';
    if (heading) answer_possible = false;
    std::string_view piece = text.substr(starts[k], starts[k + 1] - starts[k]);
    std::size_t body = heading ? piece.find('\n') + 1 : 0; // segment lines have their break
    bool no_question = prefilter_note(piece, matcher_, false).skip();
    bool skip = no_question && (heading || !answer_possible) && inert_lines(piece.substr(body));
    if (!no_question) answer_possible = true;
    if (skip) add_skipped(skipped, starts[k], starts[k + 1], heading);
  }
  if (skipped.empty()) return std::nullopt;
  std::optional<Outline> outline = parse_outline_skipping(text, skipped);
  if (!outline) return std::nullopt;
  NoteAnalysis analysis = analyse(text, *outline, path);
  for (const auto& q : analysis.questions)
    for (const auto& s : skipped) {
      std::size_t body_start = s.heading ? text.find('\n', s.start) + 1 : s.start;
      if (q.answer_end > body_start && q.answer_start < s.end) return std::nullopt;
    }
  return analysis;
}

NoteAnalysis Analyzer::analyse(std::string_view text, const Outline& outline,
                               std::string_view path) const {
  return analyse(text, outline, path, topic_sign(text, path));
}

NoteAnalysis Analyzer::analyse(std::string_view text, const Outline& outline, std::string_view path,
                               TopicSign sign, bool* writers_question) const {
  LineIndex lines(text);
  NoteAnalysis out = note_facts(text, path, lines);

  // Stages 1-3 (question_candidates.h, question_assignment.h): candidate lines, step
  // sections, and the question each line is.
  const auto& blocks = outline.blocks;
  Candidates candidates = posed_candidates(text, outline);
  const bool put_to_someone = set_aside_questions_put_to_someone_helped(text, path, candidates);
  if (matcher_.opens_as_letter(text)) { // an unsent letter: "you" is the ex
    for (auto& c : candidates.lines)
      c.plain = matcher_.said_of_addressee(c.plain);
  } else if (writes_of_self_in_third_person(text, candidates)) {
    for (auto& c : candidates.lines)
      c.plain = said_of_writer(c.plain);
  }
  const std::vector<char> about_others = questions_about_others(text, outline, candidates);
  const bool dated = out.note_date.has_value();
  Recognition recognition = recognise(text, outline, candidates, matcher_, pack_, lines,
                                      options_.threshold_shift, about_others, dated);
  if (writers_question)
    *writers_question = std::any_of(recognition.questions.begin(), recognition.questions.end(),
                                    [&](const RecognisedQuestion& r) {
                                      return matcher_.speaks_of_writer_or_couple(
                                          candidates.lines[r.candidate].plain);
                                    });
  if (asks_of_others_only(text, outline, candidates, recognition, about_others) ||
      titled_after_someone_else(text, outline, path, candidates, recognition, sign, put_to_someone))
    return out;
  // The log of the change (the article's own), whether it names the ex or not.
  auto holds_log = [&] {
    return std::any_of(recognition.questions.begin(), recognition.questions.end(),
                       [&](const RecognisedQuestion& r) {
                         const QuestionSpec* spec = pack_.question(r.id);
                         return spec && spec->log;
                       });
  };
  // The log as the writer keeps it in a daily note ("## Change log", "Ce que j'ai fait
  // autrement aujourd'hui" in a dated note): their own acts, never what a team does ("What
  // we do differently?" in a shift report).
  // So is a journal's entry, under its dated heading, keeping the article's proof ("### 06.12"
  // over "#### Proof, week of 30 Nov").
  auto holds_writers_log = [&] {
    return std::any_of(recognition.questions.begin(), recognition.questions.end(),
                       [&](const RecognisedQuestion& r) {
                         const QuestionSpec* spec = pack_.question(r.id);
                         const Candidate& c = candidates.lines[r.candidate];
                         if (!spec || !spec->log || kept_by_a_team(c.plain)) return false;
                         return out.note_date.has_value() ||
                                (mentions_proof(c.plain) &&
                                 date_of_heading_above(text, outline, line_start_of(text, c.start),
                                                       pack_.date_names()));
                       });
  };
  // Only the questions any debrief asks ("What went wrong?", "Is it reversible?", "What would
  // I do differently?"), none naming the ex, in a note with no clear sign of a relationship:
  // a shift report, a group project, a garden plan, whatever pronouns their answers hold.
  // So is a note whose strong words may all mean something else ("rupture" of stock, a
  // "relationship" with a supplier, a torque's "couple").
  if (!holds_writers_log() && only_debrief_questions(candidates, recognition) &&
      (sign != TopicSign::Strong ||
       (options_.topic_gate && text.find("mend:") == std::string_view::npos &&
        !matcher_.has_decisive_sign(text))))
    return out;
  // Another topic's debrief claims none of the article's questions: a work retro's "What would
  // we do differently?" had taken the mistakes question from the writer's own line below it,
  // where the article's order places it. Its lines are set aside and the note read again.
  // Setting a part aside may let another line take a debrief's question: read again at most
  // twice (a third part found then is dropped as before, its claims kept).
  constexpr int kRereads = 2;
  std::vector<char> set_aside = about_others;
  set_aside.resize(candidates.lines.size(), 0);
  for (int reread = 0;; ++reread) {
    auto dropped = drop_debriefs_of_other_topics(text, outline, candidates, recognition);
    if (dropped.empty() || reread == kRereads) break;
    for (std::size_t k : dropped)
      set_aside[k] = 1;
    recognition = recognise(text, outline, candidates, matcher_, pack_, lines,
                            options_.threshold_shift, set_aside, dated);
  }
  // Only pronouns: the topic when a question names the ex, in a daily note holding the log
  // ("## Journal du changement" in a dated note that says "il"), in a note posing the log
  // and another of the article's questions ("## Mistakes I'm done repeating", "## Proof log"),
  // or in one posing a step in order, as a note with no sign at all may ("Il a dit non." over
  // the three questions of facing a no).
  auto asks_with_topic_word = [&] {
    return std::any_of(recognition.questions.begin(), recognition.questions.end(),
                       [&](const RecognisedQuestion& r) {
                         return matcher_.has_weak_topic_word(candidates.lines[r.candidate].plain);
                       });
  };
  // (A question asking with an everyday word of the topic in other words, "still scared of
  // being on my own?", reads as the pronoun and that word do together, below.)
  if (sign == TopicSign::Pronoun && !holds_writers_log() &&
      !(holds_log() && recognition.questions.size() >= 2) &&
      !names_ex_in(text, candidates, recognition) &&
      !poses_a_step_in_order(candidates, recognition) && !asks_with_topic_word())
    return out;
  // One everyday word ("alone") is the topic when a question names the ex, when the note
  // poses several of the article's questions (a trip debrief's "What didn't work?" and "What
  // would I do differently?" are two), or when it holds the log; or when two of them of one
  // step, none a debrief's, one asking with that word ("Ai-je peur d'être seule ?", "Qu'est-ce
  // qui me rassure ?"; a team's "Je peux changer ça seule ?" and "Un grand oui ?" are not).
  auto two_of_the_topic = [&] {
    const auto& qs = recognition.questions;
    return qs.size() >= 2 && asks_with_topic_word() &&
           std::all_of(qs.begin(), qs.end(),
                       [&](const RecognisedQuestion& r) {
                         return step_of_question(r.id) == step_of_question(qs.front().id);
                       }) &&
           std::none_of(qs.begin(), qs.end(), [&](const RecognisedQuestion& r) {
             return asked_by_any_debrief(candidates, r);
           });
  };
  if (sign == TopicSign::Weak && recognition.questions.size() < kWeakTopicQuestions &&
      !holds_log() && !names_ex_in(text, candidates, recognition) && !two_of_the_topic())
    return out;
  // No sign at all: the topic when the note poses a step in order, or when a day's note keeps
  // the article's proof of the change ("## proof log", "Preuve : …" in a dated note): the
  // article's own words for it, and the writer's acts.
  auto keeps_days_proof = [&] {
    return out.note_date &&
           std::any_of(recognition.questions.begin(), recognition.questions.end(),
                       [&](const RecognisedQuestion& r) {
                         const QuestionSpec* spec = pack_.question(r.id);
                         std::string_view plain = candidates.lines[r.candidate].plain;
                         // Or worded as the article's log beyond its one
                         // word ("Log of what I'm doing different"; a day's
                         // "## log" is any day's).
                         return spec && spec->log && !kept_by_a_team(plain) &&
                                (mentions_proof(plain) || r.match.shared_words >= 2);
                       });
  };
  if (sign == TopicSign::None && !poses_a_step_in_order(candidates, recognition) &&
      !keeps_days_proof())
    return out;
  // A pronoun and an everyday word: the topic when a question names the ex or asks with that
  // word ("Am I afraid of being alone?"), or the note holds the log; a work retro's "she's
  // right" and "a single form" in its answers are not, however many questions it asks.
  if (sign == TopicSign::PronounAndWeak && !holds_log() && !asks_with_topic_word() &&
      !names_ex_in(text, candidates, recognition))
    return out;
  // A day's "Proof: …" line (recognise()'s `dated_note`) is that day's log entry, whatever else
  // the day holds: in a note without a strong sign of the topic, its other questions stand only
  // when one of them names the ex, holds a log of its own, or a step titles a section
  // ("Unihockey — bilan du premier tour :" over "- Je peux changer ça seule ?" is the club's).
  if (sign != TopicSign::Strong) {
    auto days_proof = [&](const RecognisedQuestion& r) {
      const Candidate& c = candidates.lines[r.candidate];
      const QuestionSpec* spec = pack_.question(r.id);
      return spec && spec->log && c.label && names_proof(c.plain);
    };
    if (std::any_of(recognition.questions.begin(), recognition.questions.end(), days_proof)) {
      Recognition rest = recognition;
      std::erase_if(rest.questions, days_proof);
      // (The log's own step stands with it: "Les erreurs que je ne refais pas" over the day's
      // "Preuve : …".)
      const std::string log_step = step_of_question(
          std::find_if(recognition.questions.begin(), recognition.questions.end(), days_proof)->id);
      bool stands = rest.questions.empty() || !rest.sections.empty() ||
                    std::any_of(rest.questions.begin(), rest.questions.end(),
                                [&](const RecognisedQuestion& r) {
                                  const QuestionSpec* spec = pack_.question(r.id);
                                  return (spec && spec->log) || step_of_question(r.id) == log_step;
                                }) ||
                    names_ex_in(text, candidates, rest);
      if (!stands)
        std::erase_if(recognition.questions,
                      [&](const RecognisedQuestion& r) { return !days_proof(r); });
    }
  }
  // A further question of a line is one only when the line's first question is: a debrief's
  // or someone else's "What went wrong? … Is it reversible?" stays theirs. Unless it took
  // the first one's own question, restated ("scared of being alone? at 4am yes. so fear
  // talking, not love? half and half.").
  {
    std::unordered_set<std::size_t> starts;
    for (const auto& r : recognition.questions)
      starts.insert(candidates.lines[r.candidate].start);
    std::erase_if(recognition.questions, [&](const RecognisedQuestion& r) {
      const Candidate& c = candidates.lines[r.candidate];
      if (!c.further || starts.count(c.head_start)) return false;
      for (const Candidate& head : candidates.lines)
        if (head.start == c.head_start) {
          auto ranked = matcher_.rank(head.plain, MatchContext{}, 1);
          // (Matched that well, the first one is a line the prefilter reads: a note holding a
          // further question is never skipped unparsed.)
          return ranked.empty() || ranked.front().step || ranked.front().id != r.id ||
                 ranked.front().score < QuestionMatcher::kThreshold;
        }
      return true;
    });
  }
  out.steps = recognition.sections;
  std::vector<char> is_anchor(blocks.size(), 0); // blocks that end the answer above them
  // Where an anchor block's question starts its line: a question on a later line of a
  // paragraph ("- sorry, all my fault" then, lazily continued, "How I say I love him:") ends the
  // answer of a label above at that line, not at the paragraph's start.
  std::vector<std::size_t> anchor_from(blocks.size(), 0);
  std::vector<std::size_t> step_lines; // where each step's title line starts, ascending
  for (const auto& s : out.steps) {
    const Candidate& c = candidates.lines[s.candidate];
    is_anchor[static_cast<std::size_t>(c.block)] = 1;
    step_lines.push_back(lines.line_start(lines.line_of(c.start)));
  }
  std::sort(step_lines.begin(), step_lines.end());
  // And a short line whose words name a step ("* Pourquoi elle est partie", lazily continued by
  // the next question) is no answer to a question above it (a label's item may be: "- sorry").
  // Ranked only where an answer reaches past its block's start, which is rare.
  std::vector<std::pair<std::size_t, std::size_t>> title_like_lines; // (line start, candidate)
  for (std::size_t k = 0; k < candidates.lines.size(); ++k)
    if (candidates.lines[k].title_like && candidates.lines[k].block >= 0)
      title_like_lines.emplace_back(lines.line_start(lines.line_of(candidates.lines[k].start)), k);
  std::sort(title_like_lines.begin(), title_like_lines.end());
  auto names_a_step = [&](std::size_t k) {
    auto ranked = matcher_.rank(candidates.lines[k].plain, MatchContext{}, 4);
    return std::any_of(ranked.begin(), ranked.end(),
                       [](const QuestionMatcher::Match& m) { return m.step; });
  };
  std::vector<int> occurrence_block; // parallel to out.questions
  for (const auto& r : recognition.questions) {
    const Candidate& c = candidates.lines[r.candidate];
    QuestionOccurrence q;
    q.id = r.id;
    q.step = step_of_question(r.id);
    q.line = static_cast<int>(lines.line_of(c.start));
    q.start = c.start;
    q.end = c.end;
    q.answer_start = std::min(c.answer_start, text.size());
    q.matched_by = r.matched_by;
    q.form = c.form;
    q.heading_level = c.level;
    explain_match(q, r, c, blocks, matcher_);
    out.questions.push_back(std::move(q));
    occurrence_block.push_back(c.block);
    if (!is_anchor[static_cast<std::size_t>(c.block)])
      anchor_from[static_cast<std::size_t>(c.block)] = lines.line_start(lines.line_of(c.start));
    is_anchor[static_cast<std::size_t>(c.block)] = 1;
  }
  for (const auto& m : recognition.loose_markers) {
    const Block& b = blocks[static_cast<std::size_t>(m.block)];
    QuestionOccurrence q;
    q.id = m.id;
    q.step = step_of_question(m.id);
    q.start = b.start;
    q.end = b.end;
    q.answer_start = b.end;
    q.matched_by = MatchedBy::Marker;
    q.evidence = MatchEvidence::Marker;
    q.score = 1.0;
    q.form = QuestionForm::Marker;
    q.line = static_cast<int>(lines.line_of(b.start));
    out.questions.push_back(std::move(q));
    occurrence_block.push_back(m.block);
    is_anchor[static_cast<std::size_t>(m.block)] = 1;
  }
  // The step section each question sits in (the innermost), and the markers.
  for (auto& q : out.questions)
    for (const auto& s : out.steps)
      if (s.start < q.start && q.start < s.section_end) q.section = s.id;
  for (const auto& m : recognition.markers) {
    MarkerNote note;
    note.kind = m.marker.ignore ? MarkerNote::Kind::Ignore
                : m.marker.step ? MarkerNote::Kind::Step
                                : MarkerNote::Kind::Question;
    note.id = m.marker.id;
    note.line = static_cast<int>(lines.line_of(m.marker.start));
    note.start = m.marker.start;
    note.end = m.marker.end;
    note.known = m.known;
    if (m.candidate)
      note.target_line = static_cast<int>(lines.line_of(candidates.lines[*m.candidate].start));
    out.markers.push_back(std::move(note));
  }
  // Blocks whose candidate line poses something (a "?" or a label): they end a list item's
  // answer even when they are no question of the pack.
  std::vector<char> poses(blocks.size(), 0);
  for (const auto& c : candidates.lines)
    if (c.question_mark || c.label) poses[static_cast<std::size_t>(c.block)] = 1;
  for (std::size_t j = 0; j < blocks.size(); ++j)
    if (blocks[j].task) poses[j] = 1; // a checklist's next box is never the answer to this one
  // Marker-only questions were appended after the others: restore document order.
  {
    std::vector<std::size_t> order(out.questions.size());
    for (std::size_t i = 0; i < order.size(); ++i)
      order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return out.questions[a].start < out.questions[b].start;
    });
    std::vector<QuestionOccurrence> sorted;
    std::vector<int> sorted_blocks;
    for (std::size_t i : order) {
      sorted.push_back(std::move(out.questions[i]));
      sorted_blocks.push_back(occurrence_block[i]);
    }
    out.questions = std::move(sorted);
    occurrence_block = std::move(sorted_blocks);
  }

  auto is_log = [&](const QuestionOccurrence& q) {
    const QuestionSpec* spec = pack_.question(q.id);
    return spec && spec->log;
  };
  // What the question's own line holds after it: an answer written on its line, or nothing.
  auto rest_of_line = [&](const QuestionOccurrence& q) {
    std::size_t eol = std::min(text.find('\n', q.answer_start), text.size());
    return text.substr(q.answer_start, eol - q.answer_start);
  };
  // "TODO ask Dr. Salinas" written after the question on its line.
  auto starts_with_todo = [&](const QuestionOccurrence& q) {
    return is_todo_note(rest_of_line(q), phrases_);
  };
  // How many bold leads each block poses ("**Needs respected?** Not always.\n**Big yes?** Yes."
  // is one paragraph of two).
  std::vector<int> bold_leads_in(blocks.size(), 0);
  for (std::size_t i = 0; i < out.questions.size(); ++i)
    if (out.questions[i].form == QuestionForm::Bold && occurrence_block[i] >= 0)
      ++bold_leads_in[static_cast<std::size_t>(occurrence_block[i])];
  // A block written inside a list item: the grammar puts a heading at column 0 after an item's
  // indented paragraphs in the item too, which Markdown does not.
  auto inside_list_item = [&](std::size_t block) {
    int p = blocks[block].parent;
    std::size_t start = blocks[block].start;
    return p >= 0 && blocks[static_cast<std::size_t>(p)].kind == BlockKind::ListItem && start > 0 &&
           text[start - 1] != '\n';
  };
  // Answers.
  for (std::size_t i = 0; i < out.questions.size(); ++i) {
    QuestionOccurrence& q = out.questions[i];
    int own = occurrence_block[i];
    std::size_t end = text.size();
    // The level of the heading over the question (0: none), or of its own heading: read only
    // for the log, whose dated sub-headings it keeps.
    auto section_level = [&] {
      if (q.form == QuestionForm::Heading) return q.heading_level;
      for (int h = own - 1; h >= 0; --h)
        if (blocks[static_cast<std::size_t>(h)].kind == BlockKind::Heading)
          return blocks[static_cast<std::size_t>(h)].level;
      return 0;
    };
    std::size_t qa_answer_end = 0;
    // "Q: …" with its "A:" on the next line of the same paragraph: that paragraph is the whole
    // answer, even an empty "A:" (catalogue.md: an "A:" with nothing after it is no answer).
    if (q.form == QuestionForm::QA && own >= 0) {
      const Block& ob = blocks[static_cast<std::size_t>(own)];
      std::size_t next_line = text.find('\n', q.answer_start);
      if (next_line != std::string_view::npos && next_line + 1 < ob.text_end) {
        std::string_view rest = trim(text.substr(next_line + 1, ob.text_end - next_line - 1));
        if (starts_with_answer_label(rest)) end = ob.end;
        // "A:" alone over a list that starts on the next line ("A:" then "- 11/2 booked…"):
        // the list is what it says, as a label's items are; after a blank line it is not.
        if (end == ob.end && rest.find('\n') == std::string_view::npos &&
            trim(rest.substr(rest.find(':') + 1)).empty())
          for (std::size_t j = static_cast<std::size_t>(own) + 1; j < blocks.size(); ++j) {
            if (blocks[j].start < end) continue;
            std::string_view gap = text.substr(end, blocks[j].start - end);
            if (blocks[j].kind != BlockKind::ListItem || blocks[j].parent != ob.parent ||
                gap.find('\n') != std::string_view::npos)
              break;
            end = blocks[j].end;
          }
      }
    }
    // "- How we'd change it: TODO (ask Anne)": a label answered on its line holds its whole
    // answer in its item (with its nested items) or its paragraph; what follows is the note
    // going on.
    // So does a line answered after its "?" with a placeholder ("What work on myself now? TODO
    // ask Dr. Salinas"): the diary's next paragraph is no answer to it.
    if ((q.form == QuestionForm::ListItem || q.form == QuestionForm::Line) && own >= 0 &&
        (q.label || starts_with_todo(q))) {
      if (!trim(rest_of_line(q)).empty()) end = blocks[static_cast<std::size_t>(own)].end;
    }
    // A bold lead answered on its line among others in its paragraph ("**Needs respected?**
    // Not always.\n**Big yes?** Yes."): each holds its answer on its line, and what follows the
    // paragraph is the note going on.
    if (q.form == QuestionForm::Bold && own >= 0 && end == text.size()) {
      const Block& ob = blocks[static_cast<std::size_t>(own)];
      if (ob.kind == BlockKind::Paragraph && bold_leads_in[static_cast<std::size_t>(own)] >= 2 &&
          !trim(rest_of_line(q)).empty())
        end = ob.end;
    }
    // "> [!question] What reassures me?" holds its answer in its own callout: what comes after
    // it (tags, another callout's tip) is the note going on. A question that is all its quote
    // holds from its line on, its title excepted ("> 🤔 Conforme à mon idéal ?", a journaling
    // app's prompt; "> [!important]" over "> Mes besoins respectés ?"), is answered below the
    // quote, as such apps lay it out; an Obsidian callout's title ("> [!question] …") never is.
    if (q.callout && own >= 0) {
      int p = blocks[static_cast<std::size_t>(own)].parent;
      while (p >= 0 && blocks[static_cast<std::size_t>(p)].kind != BlockKind::BlockQuote)
        p = blocks[static_cast<std::size_t>(p)].parent;
      if (p >= 0) {
        const Block& quote = blocks[static_cast<std::size_t>(p)];
        const std::size_t line_start = line_start_of(text, q.start);
        std::string_view own_line = text.substr(line_start, q.start - line_start);
        const bool on_title = own_line.find("[!") != std::string_view::npos;
        const std::size_t eol = std::min(text.find('\n', q.start), quote.end);
        const bool all_it_holds =
            eol >= quote.end || text.substr(eol, quote.end - eol).find_first_not_of("> \t\r\n") ==
                                    std::string_view::npos;
        if (on_title || !all_it_holds) end = quote.end;
      }
    }
    // "A: my draft:" then the draft quoted under it: the quote is the answer's.
    auto quote_after = [&](std::size_t from, std::size_t j) {
      const Block& b = blocks[j];
      return b.kind == BlockKind::BlockQuote && b.start >= from &&
             trim(text.substr(from, b.start - from)).empty();
    };
    if (q.form == QuestionForm::QA && end != text.size())
      for (std::size_t j = static_cast<std::size_t>(own) + 1; j < blocks.size(); ++j) {
        if (blocks[j].start < end) continue;
        if (!quote_after(end, j)) break;
        end = blocks[j].end;
      }
    for (std::size_t j = static_cast<std::size_t>(std::max(own, 0)) + 1;
         end == text.size() && j < blocks.size(); ++j) {
      const Block& b = blocks[j];
      if (b.start < q.answer_start) continue; // the question's own lead paragraph
      bool stop = false;
      if (qa_answer_end && b.start >= qa_answer_end && quote_after(qa_answer_end, j)) {
        qa_answer_end = b.end;
        continue;
      }
      if (qa_answer_end && b.start >= qa_answer_end) {
        end = b.start; // "Q: …" then "A: …": the answer is the "A:" paragraph (and its quote)
        break;
      }
      if (q.form == QuestionForm::QA && !qa_answer_end && b.kind == BlockKind::Paragraph &&
          starts_with_answer_label(text.substr(b.text_start, b.text_end - b.text_start)))
        qa_answer_end = b.end;
      // A nested item's answer stays inside the item that holds it ("\t- do I stick around…"
      // under "- the patterns bit": the next top-level item is the day going on). So does a
      // heading's inside an item: an outliner's empty bullet under a line ("- Do I think I have
      // to be perfect?" then "\t-") underlines it as a heading, left unanswered.
      if (own >= 0 &&
          (q.form == QuestionForm::ListItem ||
           (q.form == QuestionForm::Heading && inside_list_item(static_cast<std::size_t>(own)))) &&
          blocks[static_cast<std::size_t>(own)].parent >= 0 &&
          b.start >=
              blocks[static_cast<std::size_t>(blocks[static_cast<std::size_t>(own)].parent)].end) {
        stop = true;
      } else if (q.form == QuestionForm::ListItem && b.kind == BlockKind::ListItem && own >= 0 &&
                 b.start >= blocks[static_cast<std::size_t>(own)].end &&
                 b.depth <= blocks[static_cast<std::size_t>(own)].depth &&
                 (poses[j] || holds_items(blocks, static_cast<std::size_t>(own)))) {
        // The next item poses something of its own ("- Early days or deeper: " then
        // "- Reversible?"); a plain next item may be the answer ("* Yes, since my dad left."),
        // unless the question holds its answer's items itself ("  - ..." left to fill).
        stop = true;
      } else if (b.kind == BlockKind::Heading && !b.in_quote) {
        stop = q.form != QuestionForm::Heading || b.level <= q.heading_level || is_anchor[j];
        // The log's entries under dated headings ("**Change log (weekly)**" then
        // "### 2026-11-17 (Tue)", "- closed the laptop at 7.30"): each is one of its entries,
        // when it is a part of the section holding the log, not the diary's next day.
        if (stop && !is_anchor[j] && is_log(q) && b.level > section_level() &&
            parse_leading_date(trim(text.substr(b.text_start, b.text_end - b.text_start)),
                               pack_.date_names()))
          stop = false;
      } else if (b.kind == BlockKind::Break || entry_header(text, b)) {
        stop = true;
      } else if (is_anchor[j]) {
        stop = true;
      }
      if (stop) {
        // A label ending at its colon ("What I tell him:") announces the item under it; a
        // question lazily continuing its answer's item ("- she said… \n what she dont say?")
        // leaves the lines above it to this one.
        end = is_anchor[j] && (b.kind == BlockKind::Paragraph || !q.label)
                  ? std::max(b.start, anchor_from[j])
                  : b.start;
        // ... unless a step's title comes first in that paragraph ("* Pourquoi elle est partie"
        // lazily continued by "** Ses raisons officielles").
        const std::size_t from = lines.line_start(lines.line_of(b.start));
        if (end > from) {
          if (auto first_step = std::lower_bound(step_lines.begin(), step_lines.end(), from);
              first_step != step_lines.end() && *first_step < end)
            end = std::max(*first_step, q.answer_start);
          if (!q.label && end > b.start) // a question on a later line of that block
            for (auto it = std::lower_bound(title_like_lines.begin(), title_like_lines.end(),
                                            std::make_pair(from, std::size_t{0}));
                 it != title_like_lines.end() && it->first < end; ++it)
              if (names_a_step(it->second)) {
                end = std::max(it->first, q.answer_start);
                break;
              }
        }
        break;
      }
    }
    // The last box of a checklist of questions ("- [ ] has a real chance?", "- [ ] big YES?")
    // holds its answer in its item, as its siblings do: the paragraph after the list is the
    // note going on.
    if (q.form == QuestionForm::ListItem && own >= 0 &&
        last_item_of_question_list(text, blocks, static_cast<std::size_t>(own), poses))
      end = std::min(end, blocks[static_cast<std::size_t>(own)].end);
    // A question on a later line of the same paragraph ends this one's answer; one further on
    // its own line ("Idéal ? Oui. Besoins respectés ? Oui.") ends it where it starts.
    if (i + 1 < out.questions.size() && out.questions[i + 1].start > q.answer_start &&
        out.questions[i + 1].start < end)
      end = lines.line_of(out.questions[i + 1].start) == lines.line_of(q.answer_start)
                ? out.questions[i + 1].start
                : lines.line_start(lines.line_of(out.questions[i + 1].start));
    q.answer_end = std::max(end, q.answer_start);

    const QuestionSpec* spec = pack_.question(q.id, out.language);
    // Blocks in the region that hold no answer: HTML (markers, comments) and the template's
    // guidance for this question (in any language).
    std::vector<std::pair<std::size_t, std::size_t>> excluded;
    for (std::size_t j = 0; j < blocks.size(); ++j) {
      const Block& b = blocks[j];
      if (b.end <= q.answer_start || b.start >= q.answer_end) continue;
      if (b.kind == BlockKind::Html) {
        // A Notion callout's text answers, its "<aside>" and "</aside>" lines do not.
        std::size_t body = aside_body(text, b);
        excluded.emplace_back(b.start, body);
        if (body < b.end) {
          std::string_view inner = trim_end(text.substr(body, b.end - body));
          std::size_t last = inner.rfind('\n');
          std::size_t last_start = last == std::string_view::npos ? 0 : last + 1;
          if (fold_case(trim(inner.substr(last_start))) == "</aside>")
            excluded.emplace_back(body + last_start, b.end);
        }
      } else if (b.kind == BlockKind::FrontMatter) {
        excluded.emplace_back(b.start, b.end);
      } else if ((b.kind == BlockKind::BlockQuote ||
                  (b.kind == BlockKind::Paragraph && !b.in_quote && !b.item_lead))) {
        std::string_view block_text = text.substr(b.start, b.end - b.start);
        if (block_text.size() < 2000) {
          for (const auto& lang : pack_.languages()) {
            const QuestionSpec* qs = lang.question(q.id);
            thread_local ThreadMemo<bool> guidance_memo;
            if (qs && !qs->guidance.empty() &&
                guidance_memo.get(id_, memo_key(lang.language + "/" + q.id, block_text), [&] {
                  return matcher_.similarity(block_text, qs->guidance) >= kGuidanceSimilarity;
                })) {
              excluded.emplace_back(b.start, b.end);
              break;
            }
          }
        }
      }
    }
    std::vector<AnswerLine> raw;
    if (q.answer_end > q.answer_start) {
      std::size_t first = lines.line_of(q.answer_start);
      std::size_t last = lines.line_of(q.answer_end - 1);
      for (std::size_t ln = first; ln <= last && ln < lines.line_count(); ++ln) {
        std::size_t from = std::max(lines.line_start(ln), q.answer_start);
        std::size_t to = std::min(lines.line_end(ln), q.answer_end);
        if (to <= from) continue;
        bool skip = false;
        for (const auto& [es, ee] : excluded)
          if (from >= es && from < ee) skip = true;
        if (skip) continue;
        // Continuation lines of a quote or list keep their markers: strip them. The first
        // line of an inline answer ("- Question? answer") has none left to strip.
        bool quoted = false;
        std::string_view line_text = text.substr(from, to - from);
        // "- [ ] Is it reversible? What must change, and from whom?": the rest of the line
        // asks a second question; it answers nothing.
        if (from == q.answer_start && q.form != QuestionForm::Heading &&
            q.form != QuestionForm::Marker &&
            (trim(line_text).ends_with("?") || trim(line_text).ends_with("\xEF\xBC\x9F")) &&
            matcher_.opens_question(trim(line_text)))
          continue;
        // "scared of being alone??": marks glued to the question's own are its punctuation,
        // no answer (a placeholder after a space, "**Why?** ...", is one).
        if (from == q.answer_start && to > from && text[from] != ' ' && text[from] != '\t' &&
            has_no_word(line_text))
          continue;
        std::string_view content = (from == q.answer_start && q.form != QuestionForm::Heading &&
                                    q.form != QuestionForm::Marker)
                                       ? trim(line_text)
                                       : strip_line_markup(line_text, &quoted);
        raw.push_back({std::string(content), static_cast<int>(ln), quoted});
      }
    }
    // A log's first line may be a reminder over its entries ("TODO: every Sunday").
    std::vector<AnswerLine> cleaned = clean_answer(raw, phrases_, !(spec && spec->log));
    if (spec && spec->log) {
      // "- 2026-11-20 — _your answer_": a date with nothing written after it is no entry,
      // unless what follows it is written under it ("### 2026-11-22" over "- kopi together").
      auto dated_only = [&](const AnswerLine& l) {
        auto date = parse_leading_date(l.text, pack_.date_names());
        if (!date) return false;
        std::string rest(std::string_view(l.text).substr(date->length));
        for (const auto& p : pack_.languages())
          for (std::size_t at; (at = rest.find(p.placeholder)) != std::string::npos;)
            rest.erase(at, p.placeholder.size());
        return has_no_word(rest);
      };
      std::vector<char> drop(cleaned.size(), 0);
      for (std::size_t n = 0; n < cleaned.size(); ++n) {
        if (!dated_only(cleaned[n])) continue;
        bool written_under = n + 1 < cleaned.size() &&
                             !parse_leading_date(cleaned[n + 1].text, pack_.date_names()) &&
                             !has_no_word(cleaned[n + 1].text);
        drop[n] = !written_under;
      }
      std::size_t n = 0;
      std::erase_if(cleaned, [&](const AnswerLine&) { return drop[n++] != 0; });
    }
    q.answer_last_line = cleaned.empty() ? q.line : cleaned.back().line;
    if (spec) {
      AnswerFacts facts = judge_answer(cleaned, *spec, phrases_, matcher_);
      q.answered = facts.answered;
      q.nil = facts.nil;
      q.own_fault_only = facts.own_fault_only;
      q.self_blame_line = facts.self_blame_line;
      q.clear_yes = facts.clear_yes;
      if (spec->log) {
        // An entry without a date of its own is dated by the heading it is written under
        // ("### Nov 1" over "- this week's proof: …"), else by a daily note's date: a running
        // note's front matter date is the day it was started, not the day of each entry.
        std::optional<Date> heading_date =
            date_of_heading_above(text, outline, q.start, pack_.date_names());
        const Date* undated = heading_date    ? &*heading_date
                              : out.note_date ? &*out.note_date
                                              : nullptr;
        q.log_entries = log_entries(cleaned, pack_.date_names(), undated);
      }
    } else {
      q.answered = !cleaned.empty();
    }
  }
  return out;
}

// What every analysis starts with, parsed or not (analyse(), analyse_without_parse()): the two
// must give the same facts for the same note.
NoteAnalysis Analyzer::note_facts(std::string_view text, std::string_view path,
                                  const LineIndex& lines) const {
  NoteAnalysis out;
  out.line_count = static_cast<int>(lines.line_count());
  out.language = options_.language.empty() ? detect_language(text) : options_.language;
  if (auto date = date_from_file_name(base_name(path))) out.note_date = date;
  // A daily note named in words, as Reflect, Amplenote or Roam name them: "November 12th,
  // 2026.md", "Mon, November 30th, 2026.md" (a year is needed: a name is no log entry).
  if (!out.note_date) {
    std::string_view name = stem_of(path);
    if (auto d = parse_leading_date(name, pack_.date_names());
        d && d->date.year != 0 && trim(name.substr(d->length)).empty())
      out.note_date = d->date;
  }
  if (!out.note_date) {
    if (auto fm = split_front_matter(text)) {
      YamlResult yaml = parse_yaml(fm->yaml);
      if (yaml.value.is_object()) {
        for (const char* key : {"date", "created", "day", "week"}) {
          auto it = yaml.value.find(key);
          if (it == yaml.value.end() || !it->is_string()) continue;
          const std::string& value = it->get_ref<const std::string&>();
          if (auto d = parse_iso_date(value)) {
            out.note_date = d;
            break;
          }
          if (auto d = parse_iso_week(value)) { // a weekly note's `week: 2026-W03`
            out.note_date = d;
            break;
          }
        }
      }
    }
  }
  return out;
}

std::optional<NoteAnalysis> Analyzer::analyse_without_parse(std::string_view text,
                                                            std::string_view path) const {
  if (!prefilter_note(text, matcher_).skip()) return std::nullopt;
  return note_facts(text, path, LineIndex(text));
}

NoteAnalysis Analyzer::analyse_cold(std::string_view text, std::string_view path,
                                    bool* parsed) const {
  // The topic sign (one pass over the note's words, and the note's path) is read only for a
  // note parsed whole: the prefilter and the regions do not need it.
  std::vector<LineRead> reads;
  PrefilterVerdict verdict = prefilter_note(text, matcher_, reads);
  if (parsed) *parsed = false;
  if (verdict.skip()) return note_facts(text, path, LineIndex(text));
  if (verdict.reason == ParseReason::Candidate)
    if (auto analysis = analyse_in_regions(text, path, reads)) return *std::move(analysis);
  if (parsed) *parsed = true;
  TopicSign sign = topic_sign(text, path);
  if (verdict.reason == ParseReason::Candidate)
    if (auto analysis = analyse_past_inert_prefix(text, path, reads, sign))
      return *std::move(analysis);
  Outline outline = parse_outline_in_parts(text);
  return analyse(text, outline, path, sign);
}

} // namespace mend::engine
