// Answer cleaning and the per-answer facts the rules read.
#include "daemon/engine/answer_judge.h"

#include <algorithm>

#include "daemon/engine/normalize.h"

namespace mend::engine {
namespace {

using Phrase = PhraseBook::Phrase;

std::vector<Phrase> split_all(const std::vector<std::string>& phrases) {
  std::vector<Phrase> out;
  for (const auto& p : phrases) {
    auto words = split_words(fold_for_match(p));
    if (!words.empty()) out.push_back(std::move(words));
  }
  // Longest first, so "i don't know" is tried before "i".
  std::stable_sort(out.begin(), out.end(),
                   [](const Phrase& a, const Phrase& b) { return a.size() > b.size(); });
  return out;
}

// "_your answer_", "<your answer>", "[Your answer]" -> "your answer"
std::string placeholder_key(std::string_view text) {
  std::string folded = fold_for_match(text);
  std::string out;
  for (char c : folded) {
    if (c == '_' || c == '*' || c == '~' || c == '<' || c == '>' || c == '[' || c == ']' ||
        c == '(' || c == ')' || c == '{' || c == '}' || c == '`' || c == '.' || c == ':' ||
        c == '"')
      continue;
    if ((c == ' ' || c == '\t') && (out.empty() || out.back() == ' ')) continue;
    out += (c == '\t') ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ')
    out.pop_back();
  return out;
}

bool matches_at(const std::vector<std::string>& words, std::size_t at, const Phrase& phrase) {
  if (at + phrase.size() > words.size()) return false;
  for (std::size_t k = 0; k < phrase.size(); ++k)
    if (words[at + k] != phrase[k]) return false;
  return true;
}

// Index of the first occurrence of any phrase, or npos; `length` receives its word count.
std::size_t find_any(const std::vector<std::string>& words, const std::vector<Phrase>& phrases,
                     std::size_t* length = nullptr, std::size_t from = 0) {
  for (std::size_t i = from; i < words.size(); ++i)
    for (const auto& p : phrases)
      if (matches_at(words, i, p)) {
        if (length) *length = p.size();
        return i;
      }
  return std::string::npos;
}

bool starts_with_any(const std::vector<std::string>& words, const std::vector<Phrase>& phrases) {
  for (const auto& p : phrases)
    if (matches_at(words, 0, p)) return true;
  return false;
}

// A negation just before a phrase: "wasn't all my fault", "not 100% my fault". "n't" splits
// into "...n" + "t"; a word like "dont" typed without its apostrophe ends in "nt".
bool negated_before(const std::vector<std::string>& words, std::size_t at,
                    const PhraseBook& phrases) {
  std::size_t from = at >= 4 ? at - 4 : 0;
  for (std::size_t i = from; i < at; ++i) {
    const std::string& w = words[i];
    if (w == "t" ||
        (w.size() > 3 && w.ends_with("nt") && w != "want" && w != "went" && w != "meant"))
      return true;
    for (const auto& n : phrases.negations)
      if (matches_at(words, i, n) && i + n.size() <= at) return true;
  }
  return false;
}

// Drops text between double quotes: someone else's words ("you said it was all my fault").
std::string without_quoted(std::string_view folded) {
  std::string out;
  bool inside = false;
  for (char c : folded) {
    if (c == '"') {
      inside = !inside;
      continue;
    }
    if (!inside) out += c;
  }
  return out;
}

// Splits at sentence ends (. ! ? ; …), keeping each sentence's text.
std::vector<std::string> sentences(std::string_view text) {
  std::vector<std::string> out(1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool end = c == '.' || c == '!' || c == '?' || c == ';';
    if (!end && text.compare(i, 3, "\u2026") == 0) {
      end = true;
      i += 2;
    }
    if (end) {
      if (!out.back().empty()) out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

// Verbs that report someone else's words or opinion. Not in the pack's phrase lists (the pack
// format has no key for them yet), so both languages' forms are listed here, folded.
bool is_reporting_verb(const std::string& w) {
  static const char* const verbs[] = {
      "said",     "says",   "say",      "saying",   "told",       "tells",   "tell",    "thinks",
      "thought",  "think",  "claims",   "claimed",  "claim",      "accused", "accuses", "accuse",
      "blamed",   "blames", "blame",    "insisted", "insists",    "wrote",   "writes",  "texted",
      "shouted",  "yelled", "believes", "believed", "dit",        "disait",  "dire",    "pense",
      "pensait",  "accuse", "accusait", "reproche", "reprochait", "ecrit",   "affirme", "affirmait",
      "repetait", "crie",   "criait"};
  for (const char* v : verbs)
    if (w == v) return true;
  return false;
}

// "He said it was all my fault", "Alex kept telling me it was all my fault": the partner's
// accusation reported, not the writer's own view. Needs, before the phrase in the same
// sentence, a word naming the ex and a reporting verb after it.
bool reported_speech(const std::vector<std::string>& words, std::size_t at,
                     const QuestionMatcher& matcher) {
  bool ex_seen = false;
  for (std::size_t i = 0; i < at; ++i) {
    if (matcher.refers_to_ex(words[i]))
      ex_seen = true;
    else if (ex_seen &&
             (is_reporting_verb(words[i]) || (words[i].size() > 4 && words[i].starts_with("tell"))))
      return true;
  }
  return false;
}

} // namespace

PhraseBook::PhraseBook(const Pack& pack) {
  std::vector<std::string> nil, fill, todo, label, own, self, neg, yes, hedge, shared, holder;
  for (const auto& lang : pack.languages()) {
    auto add = [](std::vector<std::string>& into, const std::vector<std::string>& from) {
      into.insert(into.end(), from.begin(), from.end());
    };
    add(nil, lang.nil_replies);
    add(fill, lang.fillers);
    add(todo, lang.todo_words);
    add(label, lang.labels);
    add(own, lang.own_fault_cues);
    add(self, lang.self_blame);
    add(neg, lang.negations);
    add(yes, lang.clear_yes);
    add(hedge, lang.hedges);
    add(shared, lang.shared_words);
    add(holder, lang.placeholders);
    holder.push_back(lang.placeholder);
  }
  nil_replies = split_all(nil);
  fillers = split_all(fill);
  todo_words = split_all(todo);
  labels = split_all(label);
  own_fault_cues = split_all(own);
  self_blame = split_all(self);
  negations = split_all(neg);
  clear_yes = split_all(yes);
  hedges = split_all(hedge);
  shared_words = split_all(shared);
  for (const auto& h : holder) {
    std::string key = placeholder_key(h);
    if (!key.empty()) placeholders.push_back(key);
  }
}

std::string_view strip_line_markup(std::string_view line, bool* quoted) {
  bool q = false;
  for (;;) {
    std::size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
      ++i;
    line.remove_prefix(i);
    if (line.empty()) break;
    if (line[0] == '>') {
      q = true;
      line.remove_prefix(1);
      continue;
    }
    if ((line[0] == '-' || line[0] == '*' || line[0] == '+') &&
        (line.size() == 1 || line[1] == ' ' || line[1] == '\t')) {
      line.remove_prefix(1);
      continue;
    }
    std::size_t d = 0;
    while (d < line.size() && d < 9 && line[d] >= '0' && line[d] <= '9')
      ++d;
    if (d > 0 && d < line.size() && (line[d] == '.' || line[d] == ')') &&
        (d + 1 == line.size() || line[d + 1] == ' ' || line[d + 1] == '\t')) {
      line.remove_prefix(d + 1);
      continue;
    }
    if (line.size() >= 3 && line[0] == '[' && line[2] == ']' &&
        (line[1] == ' ' || line[1] == 'x' || line[1] == 'X') &&
        (line.size() == 3 || line[3] == ' ' || line[3] == '\t')) {
      line.remove_prefix(3);
      continue;
    }
    if (line[0] == '#') {
      std::size_t h = 0;
      while (h < line.size() && line[h] == '#')
        ++h;
      if (h <= 6 && (h == line.size() || line[h] == ' ' || line[h] == '\t')) {
        line.remove_prefix(h);
        continue;
      }
    }
    break;
  }
  if (quoted) *quoted = q;
  return trim(line);
}

std::vector<AnswerLine> clean_answer(const std::vector<AnswerLine>& raw,
                                     const PhraseBook& phrases) {
  std::vector<AnswerLine> out;
  for (const auto& line : raw) {
    std::string_view text = trim(line.text);
    if (text.empty() || has_no_word(text)) continue;
    // A bare placeholder the template left, in any of its spellings.
    std::string key = placeholder_key(text);
    if (std::find(phrases.placeholders.begin(), phrases.placeholders.end(), key) !=
        phrases.placeholders.end())
      continue;
    std::vector<std::string> words = split_words(fold_for_match(text));
    if (words.empty()) continue;
    // "TODO", "todo: ask Sam": a note to self, not an answer.
    if (starts_with_any(words, phrases.todo_words)) continue;
    // "A: …", "Answer: …": drop the label and judge what follows.
    std::size_t colon = text.find(':');
    if (colon != std::string_view::npos && colon < 40) {
      std::string_view label = text.substr(0, colon);
      auto label_words = split_words(fold_for_match(label));
      bool known_label = false;
      for (const auto& l : phrases.labels)
        known_label = known_label || label_words == l;
      if (label_words.size() == 1 && label_words[0] == "a") known_label = true;
      std::string_view rest = trim(text.substr(colon + 1));
      if (known_label) {
        if (rest.empty() || has_no_word(rest)) continue;
        std::string rest_key = placeholder_key(rest);
        if (std::find(phrases.placeholders.begin(), phrases.placeholders.end(), rest_key) !=
            phrases.placeholders.end())
          continue;
        auto rest_words = split_words(fold_for_match(rest));
        if (starts_with_any(rest_words, phrases.todo_words)) continue;
        out.push_back({std::string(rest), line.line, line.quoted});
        continue;
      }
      // "Reasons:" alone: a label with nothing after it.
      if (rest.empty() && label_words.size() <= 4) continue;
    }
    out.push_back({std::string(text), line.line, line.quoted});
  }
  return out;
}

AnswerFacts judge_answer(const std::vector<AnswerLine>& cleaned, const QuestionSpec& question,
                         const PhraseBook& phrases, const QuestionMatcher& matcher) {
  AnswerFacts facts;
  if (cleaned.empty()) return facts;
  facts.answered = true;

  std::vector<std::string> all;
  bool has_question_mark = false;
  for (const auto& line : cleaned) {
    auto words = split_words(fold_for_match(line.text));
    all.insert(all.end(), words.begin(), words.end());
    has_question_mark = has_question_mark || line.text.find('?') != std::string::npos;
  }

  // Nil reply: the whole answer is one of the nil phrases, give or take fillers.
  if (all.size() <= 10) {
    std::vector<std::string> core;
    for (std::size_t i = 0; i < all.size();) {
      std::size_t len = 0;
      bool filler = false;
      for (const auto& f : phrases.fillers)
        if (matches_at(all, i, f)) {
          filler = true;
          len = f.size();
          break;
        }
      if (filler) {
        i += len;
      } else {
        core.push_back(all[i]);
        ++i;
      }
    }
    for (const auto& n : phrases.nil_replies)
      if (!core.empty() && core == n) facts.nil = true;
  }
  if (facts.nil && question.fault_finding) facts.answered = false;

  if (question.fault_finding && facts.answered) {
    bool cue = find_any(all, phrases.own_fault_cues) != std::string::npos;
    bool names_partner = std::any_of(all.begin(), all.end(),
                                     [&](const std::string& w) { return matcher.refers_to_ex(w); });
    bool shared = find_any(all, phrases.shared_words) != std::string::npos;
    facts.own_fault_only = cue && !names_partner && !shared;
  }

  if (question.self_blame_check) {
    for (const auto& line : cleaned) {
      if (line.quoted) continue;
      // Sentence by sentence: a negation or a "he said" in one sentence says nothing about the
      // next ("I won't repeat that. It was all my fault.").
      for (const auto& sentence : sentences(without_quoted(fold_for_match(line.text)))) {
        auto words = split_words(sentence);
        std::size_t len = 0;
        for (std::size_t at = find_any(words, phrases.self_blame, &len); at != std::string::npos;
             at = find_any(words, phrases.self_blame, &len, at + 1)) {
          if (!negated_before(words, at, phrases) && !reported_speech(words, at, matcher)) {
            facts.self_blame_line = line.line;
            break;
          }
        }
        if (facts.self_blame_line >= 0) break;
      }
      if (facts.self_blame_line >= 0) break;
    }
  }

  if (question.verdict) {
    std::size_t at = find_any(all, phrases.clear_yes);
    bool hedged = find_any(all, phrases.hedges) != std::string::npos || has_question_mark;
    facts.clear_yes = at != std::string::npos && !hedged && !negated_before(all, at, phrases);
    // "no", "non" before the yes ("no, not yes") already counts as negation; a "no" anywhere
    // after "yes" ("yes and no") is a hedge.
    for (std::size_t i = 0; facts.clear_yes && i < all.size(); ++i)
      if ((all[i] == "no" || all[i] == "non") && i > at) facts.clear_yes = false;
  }
  return facts;
}

std::vector<DatedEntry> log_entries(const std::vector<AnswerLine>& cleaned, const DateNames& names,
                                    const Date* note_date) {
  std::vector<DatedEntry> out;
  for (const auto& line : cleaned) {
    std::string_view text = line.text;
    // "**Mon 19 Oct** — called my sister": emphasis around the date is common.
    while (!text.empty() && (text.front() == '*' || text.front() == '_' || text.front() == '['))
      text.remove_prefix(1);
    if (auto match = parse_leading_date(text, names)) {
      out.push_back({match->date, line.line});
    } else if (note_date) {
      out.push_back({*note_date, line.line});
    }
  }
  return out;
}

} // namespace mend::engine
