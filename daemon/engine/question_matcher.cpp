// Weighted word-set matching of candidate lines against the pack's questions and steps.
#include "daemon/engine/question_matcher.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <tuple>
#include <unordered_set>

#include "daemon/engine/markdown.h"
#include "daemon/engine/normalize.h"
#include "daemon/engine/stemmer.h"
#include "daemon/engine/thread_memo.h"
#include "daemon/engine/unicode.h"

namespace mend::engine {
namespace {

// Words as written, for comparing lengths: an elided "qu'", "m'", "n'" or "j'" is part of the
// next word ("ce qu'elle m'a dit" is as long as "ce quelle ma dit"), and so is the "t" of
// "didn't"; "a" and "I" are words.
std::size_t written_words(const std::vector<std::string>& folded) {
  return static_cast<std::size_t>(
      std::count_if(folded.begin(), folded.end(), [](const std::string& w) {
        return (w.size() > 1 || w == "a" || w == "i") && w != "qu";
      }));
}

constexpr const char* kMe = "@me";
constexpr const char* kEx = "@ex";
// Negation is one token: "Ce qu'il m'a dit" (official) and "Ce qu'il ne m'a pas dit"
// (unofficial) differ by nothing else once function words are gone.
constexpr const char* kNot = "@not";
// The writer's own future: "What I'll tell him" (reach-out) against "What did he tell me" (why).
constexpr const char* kFuture = "@fut";
constexpr double kNegationWeight = 0.6;
// A line this close to one question's wording keeps it against a looser match that the context
// (a section, the question above) favours, unless that one is within kContextTie of it.
constexpr double kExactWording = 0.97;
constexpr double kContextTie = 0.2;
constexpr double kFutureWeight = 0.5;
constexpr double kPersonWeight = 0.25;
// The share of each side's weight that the common words must reach.
constexpr double kMinCoverage = 0.5;
// Words used by a third of the ids or more ("relationship", "relation") say nothing about
// which question a line is: they are not counted as content words.
constexpr double kGenericIdf = 1.6;
// A terse item is a few words: "Chances?", "Diary", "Receipts (weekly)".
constexpr std::size_t kTerseMaxWords = 5;

// "What do I tell him", "ce que je lui dis": the writer is the one speaking (the first person
// named is "I" / "je", and the line holds a verb of speech), which is what the writer will
// say, as "What I'll tell him" is; "What did he tell me" names the ex first. Both languages'
// subject pronouns and verbs are listed here: the pack has no key for them.
// Verbs of speech as the writer's plans word them (now, or the infinitive after "going to").
bool is_speech_verb(const std::string& w) {
  static const std::unordered_set<std::string> speech = {
      "tell", "say", "explain", "write", "dis", "dire", "explique", "expliquer", "ecris", "ecrire"};
  return speech.count(w) > 0;
}

bool writer_speaks(const std::vector<std::string>& raw,
                   const std::unordered_set<std::string>& me_words,
                   const std::unordered_set<std::string>& ex_words) {
  bool speaks = std::any_of(raw.begin(), raw.end(), is_speech_verb);
  if (!speaks) return false;
  for (const auto& w : raw)
    if (me_words.count(w) || ex_words.count(w)) return w == "i" || w == "je" || w == "j";
  return false;
}

// "What she says about me", "What Desmond said of me", "Ce qu'il pense de moi": what the ex
// holds against the writer, the matter of their own wrongs, not the reasons given for leaving.
bool judges_writer(const std::vector<std::string>& folded) {
  static const std::unordered_set<std::string> verbs = {
      "say", "says",   "said", "saying", "think",   "thinks", "thought",
      "dit", "disait", "dira", "pense",  "pensait", "trouve", "trouvait"};
  static const std::unordered_set<std::string> of = {"about", "of", "sur", "de"};
  for (std::size_t i = 0; i + 2 < folded.size(); ++i)
    if (verbs.count(folded[i]) && of.count(folded[i + 1]) &&
        (folded[i + 2] == "me" || folded[i + 2] == "moi"))
      return true;
  return false;
}

// "What I'll say to him", "Ce que je lui ai dit", "what i told her": the writer is the one
// telling, a verb of telling within a few words after "I" with no one else its subject.
bool writer_tells(const std::vector<std::string>& folded,
                  const std::unordered_set<std::string>& ex_words,
                  const std::unordered_set<std::string>& pronoun_words) {
  // Those of is_speech_verb() and their other tenses.
  static const std::unordered_set<std::string> other_tenses = {
      "told",    "telling",     "said",     "saying",  "wrote",     "explained",
      "text",    "texted",      "dit",      "dirai",   "dirais",    "ecrit",
      "ecrirai", "expliquerai", "raconter", "raconte", "raconterai"};
  auto telling = [&](const std::string& w) { return is_speech_verb(w) || other_tenses.count(w); };
  static const std::unordered_set<std::string> someone_else = {"he", "she", "they", "you", "we",
                                                               "it", "il",  "elle", "ils", "elles",
                                                               "on", "tu",  "vous", "nous"};
  constexpr std::size_t kWordsBetween = 4; // "I", "am going to", "tell"; "je", "vais lui", "dire"
  // French "j'" only before a verb it elides into: a lone "J" is as often someone's initial.
  static const std::unordered_set<std::string> after_j = {"ai",    "avais",   "aurai",   "aurais",
                                                          "ecris", "ecrirai", "explique"};
  // "I" with its verb written without the apostrophe: "im telling him", "ill tell her".
  static const std::unordered_set<std::string> i_fused = {"im", "ive", "ill"};
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (folded[i] != "i" && folded[i] != "je" && !i_fused.count(folded[i]) &&
        !(folded[i] == "j" && i + 1 < folded.size() && after_j.count(folded[i + 1])))
      continue;
    for (std::size_t k = i + 1; k < folded.size() && k <= i + kWordsBetween + 1; ++k) {
      // "I could tell", "I can tell": what the writer sensed, not said.
      if (folded[k] == "tell" && (folded[k - 1] == "could" || folded[k - 1] == "can")) break;
      if (telling(folded[k])) return true;
      // The ex by name or as "my ex" speaking; "lui", "him" are only told.
      if (someone_else.count(folded[k]) ||
          (ex_words.count(folded[k]) && !pronoun_words.count(folded[k])))
        break;
    }
  }
  return false;
}

// "{Their} reasons, {date}" -> " exref  reasons,  ": variables that name the ex become one
// token that the ex's real name and pronouns also map to.
std::string strip_variables(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      std::size_t close = text.find('}', i);
      if (close != std::string_view::npos && close - i < 32) {
        std::string_view name = text.substr(i + 1, close - i - 1);
        out += (name == "date" || name == "Date") ? " " : " exref ";
        i = close;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// "Why he left #reflection", "## Us #breakup/jordan": Obsidian's and Bear's tags file the
// line, they are none of its words. A tag is a '#' opening a word, then a letter.
std::string without_tags(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool opens_word = i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t';
    unsigned char next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (text[i] == '#' && opens_word && (std::isalpha(next) || next >= 0x80)) {
      while (i < text.size() && text[i] != ' ' && text[i] != '\t')
        ++i;
      out += ' ';
      continue;
    }
    out += text[i];
  }
  return out;
}

// A token made only of emoji and symbols ("💔", "✨", "❤️"): decoration, not a word.
// split_words keeps every non-ASCII byte as a letter, so these would otherwise count as unknown
// words.
bool is_symbol_token(std::string_view token) {
  bool any = false;
  for (std::size_t i = 0; i < token.size();) {
    unsigned char c = static_cast<unsigned char>(token[i]);
    char32_t cp = 0;
    std::size_t len = 1;
    if (c < 0x80) return false;
    if ((c & 0xE0) == 0xC0) {
      cp = c & 0x1F;
      len = 2;
    } else if ((c & 0xF0) == 0xE0) {
      cp = c & 0x0F;
      len = 3;
    } else if ((c & 0xF8) == 0xF0) {
      cp = c & 0x07;
      len = 4;
    } else
      return false;
    if (i + len > token.size()) return false;
    for (std::size_t k = 1; k < len; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(token[i + k]) & 0x3F);
    // General punctuation, arrows, technical and misc symbols, dingbats (U+2000..U+2BFF),
    // variation selectors, and the emoji planes (U+1F000 and up).
    bool symbol = (cp >= 0x2000 && cp < 0x2C00) || (cp >= 0xFE00 && cp <= 0xFE0F) || cp >= 0x1F000;
    if (!symbol) return false;
    any = true;
    i += len;
  }
  return any;
}

bool is_word_byte(char ch) {
  unsigned char c = static_cast<unsigned char>(ch);
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Every whole-word occurrence of a phrase in `folded` replaced by its word.
std::string rewrite_phrases(std::string folded,
                            const std::vector<std::pair<std::string, std::string>>& phrases) {
  for (const auto& [phrase, word] : phrases) {
    std::size_t at = 0;
    while ((at = folded.find(phrase, at)) != std::string::npos) {
      std::size_t end = at + phrase.size();
      bool whole = (at == 0 || !is_word_byte(folded[at - 1])) &&
                   (end >= folded.size() || !is_word_byte(folded[end]));
      if (!whole) {
        at = end;
        continue;
      }
      folded.replace(at, phrase.size(), " " + word + " ");
      at += word.size() + 2;
    }
  }
  return folded;
}

// Words that open a question of their own inside a line, lower-case: "what", "qu'est-ce que",
// "est-ce que", "how", "why", "pourquoi". Not the pack's other openers ("is", "do", "que"):
// inside a line they join clauses as often as they ask.
std::size_t spoken_opener_at(std::string_view s, std::size_t i) {
  static const char* const openers[] = {"what ",           "how ",       "why ",    "pourquoi ",
                                        "qu'est-ce ",      "qu'est ce ", "est-ce ", "est ce ",
                                        "qu\u2019est-ce ", "comment "};
  for (const char* o : openers) {
    std::string_view w(o);
    if (s.size() - i < w.size()) continue;
    bool same = true;
    for (std::size_t k = 0; k < w.size() && same; ++k)
      same = std::tolower(static_cast<unsigned char>(s[i + k])) == static_cast<unsigned char>(w[k]);
    if (same) return w.size();
  }
  return 0;
}

// The questions of a line said without stops, cut before each opener that follows at least
// four words of the question before it and has four words of its own; the line whole when
// there is no such opener or it is shorter than two questions said in full are ("How we could
// change how we talk" is one).
std::vector<std::string> spoken_questions(const std::string& line) {
  constexpr std::size_t kQuestionWords = 4, kLineWords = 10;
  std::vector<std::size_t> spaces;
  for (std::size_t i = 0; i < line.size(); ++i)
    if (line[i] == ' ') spaces.push_back(i);
  if (spaces.size() + 1 < kLineWords) return {line};
  std::vector<std::string> out;
  std::size_t start = 0, words = 0;
  for (std::size_t k = 0; k < spaces.size(); ++k) {
    ++words;
    std::size_t i = spaces[k];
    bool room_after = spaces.size() - k >= kQuestionWords;
    if (words >= kQuestionWords && room_after && spoken_opener_at(line, i + 1)) {
      out.push_back(line.substr(start, i - start));
      start = i + 1;
      words = 0;
    }
  }
  out.push_back(line.substr(start));
  return out;
}

// The clauses of a line: "How long were we together, and was it timing?" -> "How long were we
// together", "and was it timing". Cut at sentence and clause punctuation only: "or" usually
// joins the alternatives of one question ("timing or a real problem").
std::vector<std::string> clauses_of(std::string_view plain) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    if (!has_no_word(current)) out.push_back(current);
    current.clear();
  };
  for (std::size_t i = 0; i < plain.size(); ++i) {
    char c = plain[i];
    bool cut =
        c == '?' || c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '!' ||
        (c == '.' && (i + 1 == plain.size() || plain[i + 1] == ' ')) ||
        (c == '-' && i > 0 && plain[i - 1] == ' ' && i + 1 < plain.size() && plain[i + 1] == ' ');
    // "—" and "–" (E2 80 94 / E2 80 93).
    if (!cut && static_cast<unsigned char>(c) == 0xE2 && i + 2 < plain.size() &&
        static_cast<unsigned char>(plain[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(plain[i + 2]) == 0x94 ||
         static_cast<unsigned char>(plain[i + 2]) == 0x93)) {
      flush();
      i += 2;
      continue;
    }
    if (cut) {
      flush();
    } else {
      current += c;
    }
  }
  flush();
  return out;
}

// The text without its asides in parentheses ("what I didn't like (his faults too)"), or ""
// when nothing of its own would be left. Square brackets are links ("[[Jordan]]"), kept.
std::string without_asides(std::string_view plain) {
  std::string out;
  int depth = 0;
  for (char c : plain) {
    if (c == '(') {
      ++depth;
    } else if (c == ')' && depth > 0) {
      --depth;
    } else if (depth == 0) {
      out += c;
    }
  }
  if (depth != 0 || has_no_word(out)) return {};
  return out;
}

// The two sides of " or " / " ou " in a line, and of " and " / " et ", each of four words or
// more ("is there a future here or am I just nostalgic", "lui dire que je l'aime encore et que
// je veux qu'on reparte"), or nothing. Shorter sides are one question's pair of words ("needs
// and limits", "timing or a real problem").
std::vector<std::string> alternatives_of(std::string_view plain) {
  std::vector<std::string> out;
  auto split_at = [&](std::initializer_list<std::string_view> joints) {
    for (std::string_view joint : joints) {
      std::size_t at = plain.find(joint);
      if (at == std::string_view::npos) continue;
      std::string_view left = plain.substr(0, at), right = plain.substr(at + joint.size());
      if (split_words(fold_for_match(left)).size() >= 4 &&
          split_words(fold_for_match(right)).size() >= 4) {
        out.emplace_back(left);
        out.emplace_back(right);
      }
      return;
    }
  };
  split_at({" or ", " ou ", " OR ", " Or "});
  split_at({" and ", " et ", " AND ", " And "});
  return out;
}

// A text's folded words, one space apart: "My part!" and "my  part" are one name.
// Contractions written without their apostrophe ("didnt", "whats", "jai"), learnt from the
// pack's own words: every token of `text` written with one apostrophe between two words
// ("didn't", "what's", "j'ai") teaches its apostrophe-less spelling -> its two words. Never a
// tail that makes a word of its own without the apostrophe ("I'll" -> "ill", "she'd" -> "shed").
void learn_contractions(std::string_view text,
                        std::unordered_map<std::string, std::vector<std::string>>& out) {
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = text.find_first_of(" \t\n", i);
    if (j == std::string_view::npos) j = text.size();
    std::string_view token = text.substr(i, j - i);
    i = j + 1;
    if (token.find('\'') == std::string_view::npos &&
        token.find("\u2019") == std::string_view::npos)
      continue;
    auto parts = split_words(fold_for_match(token));
    if (parts.size() != 2 || parts[1] == "ll" || parts[1] == "d") continue;
    out.try_emplace(parts[0] + parts[1], parts);
  }
}

std::string joined_words(std::string_view text) {
  std::string out;
  for (const auto& w : split_words(fold_for_match(text)))
    out += (out.empty() ? "" : " ") + w;
  return out;
}

} // namespace

QuestionMatcher::QuestionMatcher(const Pack& pack, std::string_view ex_name) {
  static std::atomic<std::uint64_t> next_id{1};
  id_ = next_id++;
  std::unordered_set<std::string> partner_tokens;
  for (const auto& lang : pack.languages()) {
    for (const auto& w : lang.first_person) {
      std::vector<std::string> parts = split_words(fold_for_match(w));
      // Only the pronoun of a contracted form: "i'll" gives "i", not the "ll" of "you'll";
      // "moi-même" gives "moi", not the "même" of "la même chose".
      if (!parts.empty()) first_person_.insert(parts.front());
      for (auto& s : parts)
        me_words_.insert(s);
    }
    for (const auto& w : lang.second_person)
      for (auto& s : split_words(fold_for_match(w)))
        me_words_.insert(s);
    for (const auto& w : lang.partner_words) {
      auto parts = split_words(fold_for_match(w));
      // "significant other" names nobody by its "other", nor "other half" by its "half" (a
      // payroll postmortem's "Half of the accruals"); "ex-wife" does, by "wife".
      if (parts.size() == 1 || w.find(' ') == std::string::npos)
        for (auto& s : parts) {
          ex_words_.insert(s);
          partner_tokens.insert(s);
        }
    }
    for (const auto& [set, words] : lang.pronouns)
      for (const auto& [key, word] : words)
        for (auto& s : split_words(fold_for_match(word))) {
          ex_words_.insert(s);
          pronoun_words_.insert(s);
        }
    for (const auto& o : lang.question_openers)
      if (auto parts = split_words(fold_for_match(o)); !parts.empty())
        question_openers_.insert(parts.front());
    for (const auto& o : lang.question_leads)
      if (auto parts = split_words(fold_for_match(o)); !parts.empty()) {
        question_lead_heads_.insert(parts.front());
        question_leads_.push_back(std::move(parts));
      }
    for (const auto& p : lang.topic_pronouns)
      for (auto& s : split_words(fold_for_match(p)))
        topic_pronouns_.insert(s);
    for (const auto& w : lang.stopwords)
      for (auto& s : split_words(fold_for_match(w)))
        stop_words_.insert(s);
    for (const auto& n : lang.negations) {
      auto parts = split_words(fold_for_match(n));
      if (parts.size() == 1 && parts[0].size() > 1) negation_words_.insert(parts[0]);
    }
    for (const auto& t : lang.topic_words) {
      std::string folded = fold_for_match(t);
      if (folded.ends_with("*"))
        topic_prefixes_.push_back(folded.substr(0, folded.size() - 1));
      else if (auto parts = split_words(folded); parts.size() == 1)
        topic_words_.insert(parts[0]); // "break-up" would be "break" and "up": words only
    }
    for (const auto& t : lang.other_people)
      for (auto& w : split_words(fold_for_match(t)))
        other_people_.insert(std::move(w));
    for (const auto& t : lang.topic_words_other_senses)
      for (auto& w : split_words(fold_for_match(t)))
        other_senses_.insert(std::move(w));
    for (const auto& t : lang.relative_pronouns)
      for (auto& w : split_words(fold_for_match(t)))
        relative_pronouns_.insert(std::move(w));
    for (const auto& t : lang.relatives)
      relatives_.insert(fold_for_match(t)); // "grand-mère" whole, as title_parts reads it
    for (const auto& t : lang.couple_joiners)
      couple_joiners_.insert(fold_for_match(t));
    for (const auto& [list, phrases] : {std::pair{&lang.other_subjects, &other_subjects_},
                                        std::pair{&lang.helped_titles, &helped_titles_}})
      for (const auto& t : *list)
        if (auto words = split_words(fold_for_match(t)); !words.empty())
          phrases->push_back(std::move(words));
    for (const auto& t : lang.weak_topic_words)
      if (auto parts = split_words(fold_for_match(t)); parts.size() == 1)
        weak_topic_words_.insert(parts[0]);
    for (const auto& t : lang.groups_left)
      if (auto parts = split_words(fold_for_match(t)); parts.size() == 1)
        groups_left_.insert(parts[0]);
    for (const auto& [list, set] : {std::pair{&lang.we_words, &we_words_},
                                    {&lang.others_possessives, &others_possessives_},
                                    {&lang.relationship_nouns, &relationship_nouns_}})
      for (const auto& t : *list)
        if (auto parts = split_words(fold_for_match(t)); parts.size() == 1) set->insert(parts[0]);
    for (const auto& t : lang.letter_salutations)
      if (auto parts = split_words(fold_for_match(t)); parts.size() == 1)
        letter_salutations_.insert(parts[0]);
    std::string addressee = lang.addressee_as.empty() ? "exref" : fold_for_match(lang.addressee_as);
    // Only the pronoun of a contracted form, as for the first person: "you'd" gives "you",
    // not the "d" of French "d'Élisabeth".
    for (const auto& t : lang.second_person)
      if (auto parts = split_words(fold_for_match(t)); !parts.empty())
        second_person_.emplace(std::move(parts.front()), addressee);
  }
  ex_words_.insert("exref");
  for (const auto* names : {&pack.date_names().months, &pack.date_names().weekdays})
    for (const auto& forms : *names)
      for (const auto& n : forms)
        date_words_.insert(fold_for_match(n));
  // The full names only: the short forms are words of their own ("sat", "wed", "mer", "je").
  for (const auto& lang : pack.languages())
    for (const auto& forms : lang.weekdays)
      if (!forms.empty()) weekday_words_.insert(fold_for_match(forms.front()));
  // Each word of the name, but of a compound first name only its first part: "Jean-Pierre" is
  // "Jean-Pierre" or "Jean", while "Pierre" alone is someone else (or a rose, "Pierre de
  // Ronsard").
  for (std::string_view rest = ex_name; !rest.empty();) {
    std::size_t space = rest.find(' ');
    std::string_view token = rest.substr(0, space);
    rest = space == std::string_view::npos ? std::string_view{} : rest.substr(space + 1);
    std::vector<std::string> parts = split_words(fold_for_match(token));
    if (token.find('-') != std::string_view::npos && parts.size() > 1) parts.resize(1);
    for (auto& s : parts) {
      ex_words_.insert(s);
      topic_words_.insert(s);
    }
  }
  for (const auto& p : partner_tokens)
    topic_words_.insert(p);
  // A word that is both a pronoun and the person's own ("you" is never the ex) stays the person's.
  for (const auto& w : me_words_)
    ex_words_.erase(w);

  for (const auto& lang : pack.languages()) {
    Language l;
    l.code = lang.language;
    {
      // Every word the pack itself writes, so that no contraction shadows one ("were" is no
      // "we're"); the negations list spells some contractions without their apostrophe.
      std::vector<const std::vector<std::string>*> lists{
          &lang.stopwords,   &lang.first_person,   &lang.second_person, &lang.negations,
          &lang.nil_replies, &lang.future_markers, &lang.partner_words, &lang.own_fault_cues};
      std::vector<std::string> texts;
      for (const auto* list : lists)
        texts.insert(texts.end(), list->begin(), list->end());
      for (const auto& group : lang.synonyms)
        texts.insert(texts.end(), group.begin(), group.end());
      for (const auto& step : lang.steps) {
        texts.push_back(step.title);
        texts.insert(texts.end(), step.aliases.begin(), step.aliases.end());
        for (const auto& q : step.questions) {
          texts.push_back(q.text);
          texts.insert(texts.end(), q.aliases.begin(), q.aliases.end());
        }
      }
      std::unordered_set<std::string> written;
      for (const auto& t : texts) {
        learn_contractions(t, l.contractions);
        for (auto& w : split_words(fold_for_match(t)))
          written.insert(std::move(w));
      }
      // A future that is also a verb the questions use ("dirai": "dire", "expliquerai":
      // "expliquer"), unlike an auxiliary ("vais", "will"): see words_of.
      std::unordered_set<std::string> markers, question_stems;
      for (const auto& m : lang.future_markers)
        markers.insert(fold_for_match(m));
      for (const auto& step : lang.steps)
        for (const auto& q : step.questions) {
          std::vector<std::string> wordings = q.aliases;
          wordings.push_back(q.text);
          for (const auto& t : wordings)
            for (const auto& w : split_words(fold_for_match(t)))
              if (!markers.count(w)) question_stems.insert(stem(w, l.code));
        }
      for (const auto& m : markers)
        if (split_words(m).size() == 1 && question_stems.count(stem(m, l.code)))
          l.future_verbs.insert(m);
      std::erase_if(l.contractions, [&](const auto& entry) {
        return written.count(entry.first) && !negation_words_.count(entry.first);
      });
      // Hurried spellings are read as contractions are, one typed word for the words it
      // stands for; never one the pack itself writes.
      for (const auto& [typed, meant] : lang.spellings) {
        auto key = split_words(fold_for_match(typed));
        auto parts = split_words(fold_for_match(meant));
        if (key.size() == 1 && !parts.empty() && !written.count(key.front()))
          l.contractions.try_emplace(key.front(), std::move(parts));
      }
      // Speech written down drops the g ("what am I tellin her", "wasnt workin"): the pack's
      // own -ing words are read from it, unless the shorter spelling is a word it writes.
      if (l.code == "en")
        for (const auto& w : written)
          if (w.size() >= 6 && w.ends_with("ing")) {
            std::string typed = w.substr(0, w.size() - 1);
            if (!written.count(typed))
              l.contractions.try_emplace(typed, std::vector<std::string>{w});
          }
    }
    for (const auto& w : lang.insisting_words)
      if (auto parts = split_words(fold_for_match(w)); parts.size() == 1)
        l.insisting.insert(parts[0]);
    std::unordered_set<std::string> droppable;
    for (const auto& w : lang.droppable_words)
      for (auto& part : split_words(fold_for_match(w)))
        droppable.insert(std::move(part));
    for (const auto& group : lang.synonyms) {
      if (group.empty()) continue;
      std::string head_folded = fold_for_match(group.front());
      auto head_parts = split_words(head_folded);
      if (head_parts.size() != 1) continue; // a group is named by one word
      std::string head = stem(head_parts[0], l.code);
      for (const auto& w : group) {
        std::string folded = fold_for_match(w);
        auto parts = split_words(folded);
        if (parts.size() == 1) {
          std::string s = stem(parts[0], l.code);
          if (s != head) l.synonyms[s] = head;
        } else if (parts.size() > 1) {
          // A phrase: rewritten to the group's word before the words are cut; and so is the
          // phrase as speech says it, its droppable words left out ("personne voudrait de moi"),
          // when two words are left of it.
          std::string joined, spoken;
          std::size_t spoken_words = 0;
          for (const auto& p : parts) {
            joined += (joined.empty() ? "" : " ") + p;
            if (droppable.count(p)) continue;
            spoken += (spoken.empty() ? "" : " ") + p;
            ++spoken_words;
          }
          l.phrases.emplace_back(joined, head_parts[0]);
          if (spoken != joined && spoken_words >= 2) l.phrases.emplace_back(spoken, head_parts[0]);
        }
      }
    }
    std::sort(l.phrases.begin(), l.phrases.end(),
              [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    for (const auto& [phrase, word] : l.phrases) {
      std::size_t first = phrase.find(' ');
      std::size_t second = phrase.find(' ', first + 1);
      l.phrase_starts.insert(phrase.substr(0, second)); // its first two words
    }
    for (const auto& m : lang.future_markers) {
      std::string joined;
      for (const auto& p : split_words(fold_for_match(m)))
        joined += (joined.empty() ? "" : " ") + p;
      if (!joined.empty()) {
        l.future_marker_words.push_back(split_words(joined));
        l.future_markers.push_back(std::move(joined));
      }
    }
    // Before the first variant is read: words_of() looks for phrases and markers through these.
    for (const auto& start : l.phrase_starts)
      for (std::size_t space = start.find(' '); space != std::string::npos;
           space = start.find(' ', space + 1))
        l.phrase_heads.insert(start.substr(0, space));
    for (const auto& parts : l.future_marker_words)
      l.future_heads.insert(parts[0]);
    languages_.push_back(std::move(l));
  }

  for (std::size_t li = 0; li < pack.languages().size(); ++li) {
    const auto& lang = pack.languages()[li];
    for (const auto& step : lang.steps) {
      order_.emplace(step.id, step.order * 100);
      for (const auto& name : {step.id, step.title, step.short_title})
        step_names_.emplace(joined_words(name), step.id);
      for (const auto& a : step.aliases)
        if (a.find('{') == std::string::npos) step_names_.emplace(joined_words(a), step.id);
      add_variant(step.id, true, li, step.title);
      add_variant(step.id, true, li, step.short_title);
      add_variant(step.id, true, li, step.id);
      for (const auto& a : step.aliases)
        add_variant(step.id, true, li, a, true);
      int k = 0;
      for (const auto& q : step.questions) {
        order_.emplace(q.id, step.order * 100 + ++k);
        const std::size_t first_variant = variants_.size();
        add_variant(q.id, false, li, q.text);
        // Each clause of the question's own wording too: people write "Do I want to change
        // everything he blames me for?" without "or only part of it".
        auto clauses = clauses_of(q.text);
        if (clauses.size() > 1)
          for (const auto& c : clauses)
            if (split_words(fold_for_match(strip_variables(c))).size() >= 4)
              add_variant(q.id, false, li, c);
        for (const auto& a : q.aliases)
          add_variant(q.id, false, li, a, true);
        for (std::size_t v = first_variant; v < variants_.size(); ++v) {
          variants_[v].said_by_ex = q.said_by_ex;
          variants_[v].told_by_writer = q.told_by_writer;
        }
      }
    }
  }
  // Document frequency counts ids, not variants: a word repeated in one question's aliases is
  // still specific to that question.
  std::unordered_map<std::string, std::unordered_set<std::string>> ids_of_word;
  std::unordered_set<std::string> ids;
  for (const auto& v : variants_) {
    ids.insert((v.step ? "step:" : "") + v.id);
    for (const auto& w : v.words)
      ids_of_word[w].insert((v.step ? "step:" : "") + v.id);
  }
  double n = static_cast<double>(ids.size());
  for (const auto& [word, owners] : ids_of_word)
    idf_[word] = std::log(1.0 + n / static_cast<double>(owners.size()));
  for (std::size_t i = 0; i < variants_.size(); ++i) {
    double total = 0;
    for (const auto& w : variants_[i].words) {
      total += weight_of(w);
      index_[w].push_back(i);
    }
    variants_[i].weight = total;
    variants_[i].content = content_words(variants_[i].words);
  }
  // Terse items: which questions of each step own each content word.
  for (const auto& v : variants_) {
    if (v.step) continue;
    Language& l = languages_[v.language];
    std::string step = step_of_question(v.id);
    for (const auto& w : v.words) {
      if (!is_content(w)) continue;
      auto& owners = l.step_words[step][w];
      if (std::find(owners.begin(), owners.end(), v.id) == owners.end()) owners.push_back(v.id);
      l.question_words[v.id].insert(w);
    }
  }
  for (auto& l : languages_)
    for (const auto& [step, owners_of] : l.step_words)
      for (const auto& [word, owners] : owners_of)
        if (owners.size() == 1) l.terse_words.insert(word);
  // The everyday words of the topic as compared ("alone" is what "on my own" and "by myself"
  // are read as), per language.
  weak_topic_tokens_.resize(languages_.size());
  for (std::size_t l = 0; l < languages_.size(); ++l)
    for (const auto& t : pack.languages()[l].weak_topic_words)
      if (auto tokens = words(t, l); tokens.size() == 1 && tokens[0][0] != '@')
        weak_topic_tokens_[l].insert(tokens[0]);
  built_ = true;
}

void QuestionMatcher::add_variant(const std::string& id, bool step, std::size_t language,
                                  std::string_view text, bool alias) {
  for (auto& w : split_words(fold_for_match(text)))
    vocabulary_.insert(w);
  Variant v;
  v.id = id;
  v.step = step;
  v.language = language;
  v.words = words(strip_variables(text), language);
  v.raw_words = written_words(split_words(fold_for_match(strip_variables(text))));
  v.text = std::string(text);
  v.alias = alias;
  if (v.words.empty()) return;
  std::string key = (step ? "step:" : "") + id;
  v.key = keys_.try_emplace(key, keys_.size()).first->second;
  variants_.push_back(std::move(v));
}

std::vector<std::string> QuestionMatcher::words(std::string_view text, std::size_t language) const {
  return words_of(split_words(fold_for_match(text)), language);
}

std::vector<std::string> QuestionMatcher::words_of(const std::vector<std::string>& folded,
                                                   std::size_t language) const {
  std::vector<std::string> out;
  if (language >= languages_.size()) return out;
  const Language& lang = languages_[language];
  WordFactsMemo& memo = word_facts();
  // The line's words and their facts; rewritten (a copy) only when a contraction or a phrase
  // is there, which most lines hold neither of.
  const std::vector<std::string>* words = &folded;
  std::vector<std::string> rewritten;
  std::vector<const WordFacts*> facts_at;
  auto read_facts = [&] {
    facts_at.clear();
    for (const auto& w : *words)
      facts_at.push_back(&facts(memo, language, w));
  };
  read_facts();
  if (std::any_of(facts_at.begin(), facts_at.end(),
                  [](const WordFacts* f) { return f->contraction; })) {
    std::vector<std::string> spelt;
    for (std::size_t k = 0; k < words->size(); ++k) {
      const std::string& w = (*words)[k];
      if (!facts_at[k]->contraction) {
        spelt.push_back(w);
      } else if (auto it = lang.contractions.find(w); it != lang.contractions.end()) {
        spelt.insert(spelt.end(), it->second.begin(), it->second.end());
      } else { // "jretrouverais": French typed fast, "je" elided to its "j" (elides_je below)
        spelt.emplace_back("je");
        spelt.push_back(w.substr(1));
      }
    }
    rewritten = std::move(spelt);
    words = &rewritten;
    read_facts();
  }
  // "he never really said", "didn't quite say": an adverb that only insists, right after a
  // negation, is left out, so that the phrase around it ("never said") is found: after a
  // negation it says nothing the question needs.
  auto negates = [&](std::size_t k) {
    const std::string& w = (*words)[k];
    return facts_at[k]->kind == WordFacts::Kind::Not ||
           (w.size() == 1 && w[0] == 't' && k > 0 && (*words)[k - 1].ends_with('n'));
  };
  for (std::size_t k = 1; k < words->size(); ++k) {
    if (!facts_at[k]->insists || !negates(k - 1)) continue;
    std::vector<std::string> kept;
    for (std::size_t j = 0; j < words->size(); ++j)
      if (!(j > 0 && facts_at[j]->insists && negates(j - 1))) kept.push_back((*words)[j]);
    rewritten = std::move(kept);
    words = &rewritten;
    read_facts();
    break;
  }
  // Phrases are found among the words (punctuation and apostrophes gone, one space between):
  // "didn't like" is "didn t like" on both sides.
  // Most lines hold no phrase's first two words: no rewriting, no second split.
  bool phrase_here = false;
  for (std::size_t i = 0; i + 1 < words->size() && !phrase_here; ++i)
    phrase_here = facts_at[i]->phrase_head &&
                  lang.phrase_starts.count((*words)[i] + ' ' + (*words)[i + 1]) > 0;
  if (phrase_here) {
    std::string joined;
    for (const auto& w : *words)
      joined += (joined.empty() ? "" : " ") + w;
    rewritten = split_words(rewrite_phrases(std::move(joined), lang.phrases));
    words = &rewritten;
    read_facts();
  }
  const std::vector<std::string>& raw = *words;
  // The writer's own future ("I'll", "going to", "je vais"): a marker's words in a row become
  // one token, and are not read as words ("going" is no "go"). A verb in the future that
  // questions use is read as that verb as well ("je lui dirai" says "dire").
  std::vector<char> in_marker(raw.size(), 0);
  bool future = false;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (!facts_at[i]->future_head) continue; // no marker starts here
    for (const auto& parts : lang.future_marker_words) {
      if (i + parts.size() > raw.size() ||
          !std::equal(parts.begin(), parts.end(), raw.begin() + static_cast<std::ptrdiff_t>(i)))
        continue;
      future = true;
      bool also_a_word = parts.size() == 1 && lang.future_verbs.count(parts[0]);
      if (!also_a_word)
        std::fill_n(in_marker.begin() + static_cast<std::ptrdiff_t>(i), parts.size(), 1);
    }
  }
  // Compared by size and byte, not as C strings: this runs for every word of every line read.
  auto is_t = [&](std::size_t k) { return raw[k].size() == 1 && raw[k][0] == 't'; };
  for (std::size_t k = 0; k < raw.size(); ++k) {
    const std::string& w = raw[k];
    if (in_marker[k]) continue;
    // "didn't" splits into "didn" + "t": that "t" is no word (and French lists "t'" as the
    // person's own "te", which would make every negation read as "you").
    if (is_t(k) && k > 0 && !raw[k - 1].empty() && raw[k - 1].back() == 'n') {
      out.emplace_back(kNot);
      continue;
    }
    if (is_symbol_token(w)) continue;
    // "won't" is "will not": the writer's future, not the word "won".
    if (w.size() == 3 && w == "won" && k + 1 < raw.size() && is_t(k + 1) && lang.code == "en") {
      future = true;
      continue;
    }
    // "shouldn't", "wouldn't", "hasn't" split into "shouldn" + "t": the verb is the function
    // word it contracts ("should"), the "t" the negation read above.
    if (k + 1 < raw.size() && is_t(k + 1) && w.size() > 3 && w.back() == 'n' &&
        stop_words_.count(w.substr(0, w.size() - 1)))
      continue;
    switch (facts_at[k]->kind) {
    case WordFacts::Kind::Not:
      out.emplace_back(kNot);
      break;
    case WordFacts::Kind::Me:
      out.emplace_back(kMe);
      break;
    case WordFacts::Kind::Ex:
      out.emplace_back(kEx);
      break;
    case WordFacts::Kind::Skip:
      break;
    case WordFacts::Kind::Stem:
      out.push_back(facts_at[k]->stem);
      break;
    }
  }
  if (future) out.emplace_back(kFuture);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// "jretrouverais", "jpensais", "jcrois": French typed fast drops the apostrophe of "j'" even
// before a consonant, where "je" stays whole in writing. A word of four letters or more that
// opens with "j" and a consonant is no French word: "je" and the rest (the pack's own words and
// spellings, "jsuis", "jme", are read as the pack spells them).
bool QuestionMatcher::elides_je(const std::string& word) const {
  if (word.size() < 4 || word[0] != 'j' || vocabulary_.count(word)) return false;
  const char c = word[1];
  return c >= 'b' && c <= 'z' && std::string_view("aeiouy").find(c) == std::string_view::npos;
}

WordFacts QuestionMatcher::facts_of(std::size_t language, const std::string& word) const {
  const Language& lang = languages_[language];
  WordFacts f;
  // In words_of()'s order: a negation before the writer, the writer before the ex.
  if (negation_words_.count(word)) {
    f.kind = WordFacts::Kind::Not;
  } else if (me_words_.count(word)) {
    f.kind = WordFacts::Kind::Me;
  } else if (ex_words_.count(word)) {
    f.kind = WordFacts::Kind::Ex;
  } else if (stop_words_.count(word) || weekday_words_.count(word) ||
             (word.size() == 1 && !(word[0] >= '0' && word[0] <= '9'))) {
    f.kind = WordFacts::Kind::Skip;
  }
  f.contraction = lang.contractions.count(word) > 0 || (lang.code == "fr" && elides_je(word));
  f.phrase_head = lang.phrase_heads.count(word) > 0;
  f.future_head = lang.future_heads.count(word) > 0;
  f.insists = lang.insisting.count(word) > 0;
  f.stem = canonical_stem(language, word);
  f.indexed = index_.count(f.stem) > 0;
  return f;
}

WordFactsMemo& QuestionMatcher::word_facts() const {
  thread_local WordFactsMemo memo;
  memo.start(built_ ? id_ : 0, languages_.size());
  return memo;
}

const std::string& QuestionMatcher::canonical_stem(std::size_t language,
                                                   const std::string& word) const {
  // Snowball allocates and runs its automaton on every call, and a note repeats its words:
  // a per-thread memo (the stem and the synonym depend only on the matcher, language and word).
  thread_local ThreadMemo<std::string> memo(1 << 16);
  const Language& lang = languages_[language];
  if (!built_) { // the constructor is still filling the synonyms: nothing to remember yet
    thread_local std::string scratch;
    return scratch = canonical(lang, stem(word, lang.code));
  }
  std::string key;
  key.reserve(word.size() + 1);
  key.push_back(static_cast<char>('0' + language));
  key.append(word);
  return memo.get(id_, std::move(key), [&] { return canonical(lang, stem(word, lang.code)); });
}

std::string QuestionMatcher::canonical(const Language& language, const std::string& stemmed) const {
  auto it = language.synonyms.find(stemmed);
  return it == language.synonyms.end() ? stemmed : it->second;
}

std::string QuestionMatcher::with_names(std::string_view text) const {
  // Replace unknown capitalised words that do not start a sentence by the ex's token. Not in a
  // line written in title case ("The Course of Love", "Books I Want to Read"): its capitals
  // name nobody.
  {
    std::size_t words = 0, capitalised = 0;
    bool first = true;
    for (std::size_t i = 0; i < text.size();) {
      if (!std::isalpha(static_cast<unsigned char>(text[i]))) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j])))
        ++j;
      if (!first && j - i > 3) { // short words ("of", "the", "and") stay lower case in titles
        ++words;
        if (std::isupper(static_cast<unsigned char>(text[i]))) ++capitalised;
      }
      first = false;
      i = j;
    }
    if (words >= 2 && capitalised * 2 > words) return std::string(text);
  }
  std::string rewritten;
  bool sentence_start = true;
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    bool letter =
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
    if (!letter) {
      if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"') sentence_start = true;
      rewritten += c;
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() &&
           (((text[j] >= 'A' && text[j] <= 'Z') || (text[j] >= 'a' && text[j] <= 'z') ||
             static_cast<unsigned char>(text[j]) >= 0x80)))
      ++j;
    std::string_view word = text.substr(i, j - i);
    bool capitalised =
        word[0] >= 'A' && word[0] <= 'Z' && word.size() > 1 &&
        std::any_of(word.begin() + 1, word.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
    std::string folded = fold_for_match(word);
    // A day's or a month's name ("every Sunday", "since March") is never the ex.
    if (capitalised && !sentence_start && !vocabulary_.count(folded) && !me_words_.count(folded) &&
        !stop_words_.count(folded) && !ex_words_.count(folded) && !other_people_.count(folded) &&
        !date_words_.count(folded)) {
      rewritten += "exref";
    } else {
      rewritten.append(word);
    }
    sentence_start = false;
    i = j;
  }
  return rewritten;
}

double QuestionMatcher::weight_of(const std::string& word) const {
  if (word == kMe || word == kEx) return kPersonWeight;
  if (word == kNot) return kNegationWeight;
  if (word == kFuture) return kFutureWeight;
  auto it = idf_.find(word);
  if (it != idf_.end()) return it->second;
  // A word no question uses: it makes the line less like any question, but a person's
  // filler words should not weigh as much as a question's most specific word.
  return 1.0;
}

namespace {

// A text's normalised words in one language and the sum of their weights, in their order.
struct WeighedWords {
  std::vector<std::string> words;
  double total = 0;
};

} // namespace

double QuestionMatcher::similarity(std::string_view a, std::string_view b) const {
  // Why a memo: the answers' check for guidance compares every block of an answer with each
  // language's guidance of its question, so the same guidance (every note) and the same block
  // (each question and language) had their words read again on each call (3% of a diary
  // scan). The words and their weights are a pure function of the matcher, the language and
  // the text, summed in the same order as before: the result is the very same double.
  // One memo per side: a lookup in one (which may clear it when full) leaves the other's
  // entries in place.
  thread_local ThreadMemo<WeighedWords> firsts, seconds;
  auto weighed = [&](ThreadMemo<WeighedWords>& memo, std::string_view text,
                     std::size_t l) -> const WeighedWords& {
    return memo.get(id_, memo_key(std::to_string(l), text), [&] {
      WeighedWords out{words(strip_variables(text), l), 0};
      for (const auto& w : out.words)
        out.total += weight_of(w);
      return out;
    });
  };
  double best = 0;
  for (std::size_t l = 0; l < languages_.size(); ++l) {
    const WeighedWords& wa = weighed(firsts, a, l);
    const WeighedWords& wb = weighed(seconds, b, l);
    double ta = wa.total, tb = wb.total, shared = 0;
    for (const auto& w : wa.words)
      if (std::binary_search(wb.words.begin(), wb.words.end(), w)) shared += weight_of(w);
    if (ta + tb > 0) best = std::max(best, 2 * shared / (ta + tb));
  }
  return best;
}

bool QuestionMatcher::is_content(const std::string& word) const {
  if (word[0] == '@') return false;
  auto it = idf_.find(word);
  return it == idf_.end() || it->second >= kGenericIdf;
}

std::size_t QuestionMatcher::content_words(const std::vector<std::string>& words) const {
  return static_cast<std::size_t>(std::count_if(
      words.begin(), words.end(), [&](const std::string& w) { return is_content(w); }));
}

std::size_t QuestionMatcher::shared_content(const std::vector<std::string>& a,
                                            const std::vector<std::string>& b) const {
  std::size_t n = 0;
  for (const auto& w : a)
    if (is_content(w) && std::binary_search(b.begin(), b.end(), w)) ++n; // both sorted by words()
  return n;
}

template <typename Visit>
void QuestionMatcher::eligible_variants(const std::vector<std::string>& candidate,
                                        std::size_t language, std::size_t candidate_raw,
                                        bool candidate_asks, Visit&& visit) const {
  if (candidate.empty()) return;
  // Each word's weight, looked up once (summed in the same order as before).
  thread_local std::vector<double> weights;
  weights.clear();
  double candidate_weight = 0;
  for (const auto& w : candidate) {
    weights.push_back(weight_of(w));
    candidate_weight += weights.back();
  }
  // Only the person's and the ex's tokens: "What did he tell you?" minus function words is not
  // enough to call it any question.
  bool has_content = std::any_of(candidate.begin(), candidate.end(),
                                 [](const std::string& w) { return w[0] != '@'; });
  if (!has_content) return;

  // Shared weight per variant, in a per-thread scratch array (a hash map per call was a third
  // of a scan's matching time): only the touched entries are read, then cleared.
  thread_local std::vector<double> shared_weight;
  thread_local std::vector<std::size_t> touched;
  if (shared_weight.size() < variants_.size()) shared_weight.assign(variants_.size(), 0.0);
  touched.clear();
  for (std::size_t k = 0; k < candidate.size(); ++k) {
    auto it = index_.find(candidate[k]);
    if (it == index_.end()) continue;
    double weight = weights[k];
    for (std::size_t v : it->second)
      if (variants_[v].language == language) {
        if (shared_weight[v] == 0.0) touched.push_back(v);
        shared_weight[v] += weight;
      }
  }
  std::vector<std::pair<std::size_t, double>> shared;
  shared.reserve(touched.size());
  for (std::size_t v : touched) {
    shared.emplace_back(v, shared_weight[v]);
    shared_weight[v] = 0.0;
  }
  std::size_t candidate_content = content_words(candidate);
  for (const auto& [v, weight] : shared) {
    const Variant& variant = variants_[v];
    double score = 2 * weight / (candidate_weight + variant.weight);
    // Dice alone lets one rare shared word carry a match ("## Work" vs "Self-work", "How long
    // until the weekend?" vs "How long were we together?"): each side must be mostly covered.
    if (weight / variant.weight < kMinCoverage || weight / candidate_weight < kMinCoverage)
      continue;
    // One content word on either side ("Verdict", "Is it reversible?") matches only one
    // content word, written about as briefly: "The future" is not "Does it have a future?"
    // (and a line of common words only, "What didn't I like?", only such a line).
    // Longer lines must share at least two content words, never just one.
    std::size_t variant_content = variant.content;
    std::size_t shared = shared_content(candidate, variant.words);
    if (candidate_content <= 1 || variant_content <= 1) {
      if (candidate_content != variant_content) continue;
      if (variant.raw_words > candidate_raw + (candidate_asks ? 2 : 1)) continue;
    } else if (shared < 2) {
      continue;
    }
    visit(variant, score, shared);
  }
}

const std::unordered_map<std::size_t, QuestionMatcher::Match>&
QuestionMatcher::scores(std::string_view plain, bool with_clauses) const {
  // The prefilter, the sections and each context of the assignment ask about the same lines:
  // a per-thread memo of this pure function of the matcher and the line.
  thread_local ThreadMemo<std::unordered_map<std::size_t, Match>> memo;
  return memo.get(id_, memo_key(with_clauses ? "c" : "w", plain),
                  [&] { return compute_scores(plain, with_clauses); });
}

std::unordered_map<std::size_t, QuestionMatcher::Match>
QuestionMatcher::compute_scores(std::string_view plain, bool with_clauses) const {
  std::unordered_map<std::size_t, Match> best; // by Variant::key
  plain.remove_prefix(after_numbering(plain));
  std::string named = with_names(plain.find('#') == std::string_view::npos ? std::string(plain)
                                                                           : without_tags(plain));
  std::vector<std::string> texts{named};
  // "ce que moi j'aimais pas (lui compris)": an aside in brackets is read past, even when the
  // line is read whole.
  if (std::string bare = without_asides(named); !bare.empty() && bare.size() != named.size())
    texts.push_back(std::move(bare));
  auto clauses = with_clauses ? clauses_of(named) : std::vector<std::string>{};
  // A line said rather than typed runs its questions together without a stop ("is it
  // reversible what would have to change on my side or his", "est-ce que c'est réversible
  // qu'est-ce qui doit changer"): it is cut again before each word that opens a question of
  // its own after a few words.
  if (with_clauses && clauses.size() <= 1 && named.find_first_of("?,;:.") == std::string::npos)
    clauses = spoken_questions(named);
  if (clauses.size() > 1)
    for (auto& c : clauses)
      texts.push_back(std::move(c));
  // "is there a future here or am I just nostalgic": each side of an "or" that joins two
  // questions is read on its own too (the whole line and its clauses stay read).
  if (with_clauses)
    for (const auto& side : alternatives_of(named))
      texts.push_back(side);
  // "Reversible?" asks what "Is it reversible?" asks; "The future" is a title, not the
  // question "Does it have a future?".
  bool asks = plain.find('?') != std::string_view::npos;
  bool writers_future = false;    // set from the whole line, texts[0]
  double whole_line_question = 0; // the best question score of the whole line, texts[0]
  for (std::size_t t = 0; t < texts.size(); ++t) {
    if (t == 1)
      for (const auto& [key, m] : best)
        if (!m.step) whole_line_question = std::max(whole_line_question, m.score);
    std::vector<std::string> folded = split_words(fold_for_match(texts[t])); // once per text
    std::size_t raw = written_words(folded);
    // "Est-ce la peur d'être seul qui parle, pas l'amour ?": a short part of the line that
    // opens with a negation sets something against the question, and asks nothing of its own
    // ("pas l'amour" is no "ce que j'aimais pas").
    if (t > 0 && raw <= 3 && !folded.empty() && negation_words_.count(folded.front())) continue;
    // The line only: the pack's wordings say "I'll" where they mean it.
    const bool speaks = writer_speaks(folded, me_words_, ex_words_);
    const bool judges = judges_writer(folded);
    const bool tells = judges || writer_tells(folded, ex_words_, pronoun_words_);
    for (std::size_t l = 0; l < languages_.size(); ++l) {
      auto words = words_of(folded, l);
      if (speaks) {
        auto at = std::lower_bound(words.begin(), words.end(), std::string(kFuture));
        if (at == words.end() || *at != kFuture) words.insert(at, kFuture);
      }
      if (t == 0 && std::binary_search(words.begin(), words.end(), std::string(kFuture)))
        writers_future = true;
      eligible_variants(
          words, l, raw, asks, [&](const Variant& variant, double score, std::size_t shared) {
            // What the writer will do names no step by one of its clauses:
            // "What I'll tell her, and my share" is no "My share" section.
            if (variant.step && t > 0 && writers_future) return;
            // Nor does a clause of a line that is a question whole: "What I want to tell them
            // about all this, my part included" is no "My part" section.
            if (variant.step && t > 0 && whole_line_question >= kThreshold) return;
            // What the writer tells the ex is never what the ex said; what the ex holds
            // against the writer is neither what the ex said on leaving nor what the writer
            // will tell.
            if (tells && variant.said_by_ex) return;
            if (judges && variant.told_by_writer) return;
            int index = static_cast<int>(&variant - variants_.data());
            auto [it, added] = best.try_emplace(
                variant.key, Match{variant.id, variant.step, score, false, shared, index});
            if (!added && score > it->second.score) {
              it->second.score = score;
              it->second.shared_words = shared;
              it->second.variant = index;
            }
          });
    }
  }
  return best;
}

std::vector<QuestionMatcher::Match> QuestionMatcher::terse_matches(std::string_view plain,
                                                                   std::string_view step) const {
  std::vector<Match> out;
  std::string named = with_names(plain);
  auto written = split_words(fold_for_match(named));
  if (written.size() > kTerseMaxWords) return out;
  // "- no", "oui": a reply to the item above, never a terse question ("no" is a word of
  // "Big yes or not?"). The pack has no list of bare replies: both languages' here.
  static const std::unordered_set<std::string> replies = {
      "yes", "no", "yeah", "yep", "nope", "nah", "maybe", "oui", "non", "ouais", "nan", "bof"};
  if (written.size() == 1 && replies.count(written[0])) return out;
  for (std::size_t l = 0; l < languages_.size(); ++l) {
    const Language& lang = languages_[l];
    auto step_it = lang.step_words.find(std::string(step));
    if (step_it == lang.step_words.end()) continue;
    std::vector<std::string> content;
    for (auto& w : words(named, l))
      if (is_content(w)) content.push_back(w);
    if (content.empty()) continue;
    // The one question of the step whose wording owns a word of the item, and holds them all.
    std::string owner;
    bool distinct = false;
    for (const auto& w : content) {
      auto owners = step_it->second.find(w);
      if (owners == step_it->second.end()) continue;
      if (owners->second.size() == 1) {
        if (!owner.empty() && owner != owners->second[0]) {
          owner.clear(); // two questions claim it: not terse enough to tell
          distinct = false;
          break;
        }
        owner = owners->second[0];
        distinct = true;
      }
    }
    if (!distinct) continue;
    const auto& bag = lang.question_words.at(owner);
    std::size_t held = static_cast<std::size_t>(
        std::count_if(content.begin(), content.end(), [&](const auto& w) { return bag.count(w); }));
    // Every word of the item belongs to the question ("Receipts (weekly)", "Chances?").
    if (held < content.size()) continue;
    if (std::none_of(out.begin(), out.end(), [&](const Match& m) { return m.id == owner; }))
      out.push_back(Match{owner, false, kTerseScore, true, held});
  }
  return out;
}

std::vector<QuestionMatcher::Match> QuestionMatcher::rank(std::string_view plain,
                                                          const MatchContext& context,
                                                          std::size_t limit) const {
  auto in_step = [](const std::string& id, std::string_view step) {
    return !step.empty() && id.size() > step.size() && id.compare(0, step.size(), step) == 0 &&
           id[step.size()] == '.';
  };
  // The article asks how the two of them would change the way they are together twice: in the
  // writer's part (when their behaviour answers the ex's) and in the message. Worded either
  // way, the line is the one of the step it is written in.
  static const std::unordered_map<std::string, std::string> twins = {
      {"wrongs.together", "reach-out.change"}, {"reach-out.change", "wrongs.together"}};
  auto context_bonus = [&](const std::string& id) {
    double bonus = 0;
    if (in_step(id, context.neighbour_step)) bonus = kNeighbourBonus;
    if (in_step(id, context.section_step)) bonus = std::max(bonus, kSectionBonus);
    return bonus;
  };
  std::vector<Match> out;
  if (!may_match(plain)) return out; // no word to meet any variant (the cheap common case)
  bool twin_added = false;
  for (auto [key, m] : scores(plain, !context.whole_line_only)) {
    if (!m.step) {
      // The section and the neighbour never add up: at most kMaxBonus (could_match). When both
      // are of the question's step, the stronger counts.
      m.bonus = context_bonus(m.id);
      m.score += m.bonus;
      if (auto twin = twins.find(m.id); twin != twins.end() && m.bonus == 0) {
        if (double bonus = context_bonus(twin->second); bonus > 0) {
          Match as_twin = m;
          as_twin.id = twin->second;
          as_twin.bonus = bonus;
          as_twin.score += bonus;
          out.push_back(as_twin);
          twin_added = true;
        }
      }
    }
    out.push_back(m);
  }
  // A twin read in its step's context outranks the twin's own, looser wording of the line
  // (sorted only when one was added: rank() runs for every candidate line).
  if (twin_added) {
    std::stable_sort(out.begin(), out.end(), [](const Match& a, const Match& b) {
      return std::make_tuple(a.step, a.id, -a.score) < std::make_tuple(b.step, b.id, -b.score);
    });
    out.erase(std::unique(
                  out.begin(), out.end(),
                  [](const Match& a, const Match& b) { return a.step == b.step && a.id == b.id; }),
              out.end());
  }
  // Context breaks ties; it never lifts a looser match over a line worded exactly as another
  // question ("Do I stay even when my needs aren't respected?" right after the evaluation's
  // questions is still the pattern's).
  double exact = 0;
  for (const auto& m : out)
    if (!m.step) exact = std::max(exact, m.score - m.bonus);
  if (exact >= kExactWording)
    for (auto& m : out)
      if (!m.step && m.bonus > 0 && m.score - m.bonus < exact - kContextTie) {
        m.score -= m.bonus;
        m.bonus = 0;
      }
  if (!context.section_step.empty())
    for (auto& t : terse_matches(plain, context.section_step)) {
      auto it = std::find_if(out.begin(), out.end(),
                             [&](const Match& m) { return !m.step && m.id == t.id; });
      if (it == out.end())
        out.push_back(t);
      else if (it->score < t.score)
        *it = t;
    }
  // One word met in a clause ("…, not love?") gives way to three of the whole line met by
  // another question ("Is it fear of being on my own that's deciding, not love?" is the fear).
  double broad = 0;
  for (const auto& m : out)
    if (!m.step && !m.terse && m.shared_words >= kBroadMatchWords) broad = std::max(broad, m.score);
  if (broad >= kThreshold)
    for (auto& m : out)
      if (!m.step && !m.terse && m.shared_words <= 1 && m.score >= broad)
        m.score = broad - kContextTie;
  std::erase_if(out, [](const Match& m) { return m.score < kLowestThreshold; });
  auto order = [&](const Match& m) {
    auto it = order_.find(m.id);
    return it == order_.end() ? 1 << 20 : it->second;
  };
  std::sort(out.begin(), out.end(), [&](const Match& a, const Match& b) {
    if (std::abs(a.score - b.score) > 1e-9) return a.score > b.score;
    return std::make_tuple(a.step, order(a), a.id) < std::make_tuple(b.step, order(b), b.id);
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::optional<QuestionMatcher::Wording> QuestionMatcher::wording(int variant) const {
  if (variant < 0 || static_cast<std::size_t>(variant) >= variants_.size()) return std::nullopt;
  const Variant& v = variants_[static_cast<std::size_t>(variant)];
  return Wording{v.text, v.alias};
}

std::optional<std::string> QuestionMatcher::step_named(std::string_view plain) const {
  auto it = step_names_.find(joined_words(plain));
  if (it == step_names_.end()) return std::nullopt;
  return it->second;
}

std::optional<QuestionMatcher::Match> QuestionMatcher::best(std::string_view plain,
                                                            std::string_view section_step) const {
  auto ranked = rank(plain, MatchContext{section_step, {}}, 1);
  if (ranked.empty() || ranked.front().score < kThreshold) return std::nullopt;
  return ranked.front();
}

// Why a superset: analysis accepts a question whose score in rank(plain, C), bonus included,
// reaches its form's bar (`question_bar`: kThreshold, or kLooseThreshold for loose lines) (or a
// terse match of C's section step), and a step scoring kThreshold or a
// step's exact name. Eligibility does not depend on C, and the bonus is at most kMaxBonus;
// so granting that bonus to every question and (with_terse) trying every step's terse matches
// covers every C. Without context (`with_terse` false) it grants neither, which covers every
// line of a whole note: a bonus or a terse match needs a section or a question above, and
// those come from lines that match without any context; so a note none of whose lines match
// without context holds nothing (question_prefilter.cpp reads whole notes this way).
bool QuestionMatcher::may_match(std::string_view plain) const {
  // Every match shares a content word with its variant (the coverage rule: the person's and
  // the ex's tokens and a negation never weigh half of a variant), and every content word of a
  // variant is in index_ after stemming and synonyms, or comes from a phrase.
  // A phrase counts once its first two words are there, in a row.
  bool found = false;
  WordFactsMemo& memo = word_facts();
  std::vector<std::string> previous(languages_.size());
  // Whether previous[l] begins some phrase start: only then is the pair looked up.
  std::vector<char> previous_heads(languages_.size());
  for (std::size_t l = 0; l < languages_.size(); ++l)
    previous_heads[l] = languages_[l].phrase_heads.count("") > 0;
  for_each_match_word(plain, [&](std::string_view w) {
    if (found) return;
    std::string word(w);
    for (std::size_t l = 0; l < languages_.size(); ++l) {
      const Language& lang = languages_[l];
      const WordFacts& whole = facts(memo, l, word);
      const std::string* parts = &word; // the word, or the words its contraction spells
      std::size_t count = 1;
      std::string elided[2]; // "je" and the rest of a "j" elided (elides_je)
      if (whole.contraction) {
        if (auto it = lang.contractions.find(word); it != lang.contractions.end()) {
          parts = it->second.data();
          count = it->second.size();
        } else {
          elided[0] = "je";
          elided[1] = word.substr(1);
          parts = elided;
          count = 2;
        }
      }
      for (std::size_t p = 0; p < count; ++p) {
        const std::string& part = parts[p];
        const WordFacts& f = whole.contraction ? facts(memo, l, part) : whole;
        if ((previous_heads[l] && lang.phrase_starts.count(previous[l] + ' ' + part)) ||
            f.indexed) {
          found = true;
          return;
        }
        previous[l] = part;
        previous_heads[l] = f.phrase_head;
      }
    }
  });
  return found;
}

bool QuestionMatcher::has_words(std::string_view plain) const {
  std::string named = with_names(plain);
  for (std::size_t l = 0; l < languages_.size(); ++l)
    for (const auto& w : words(named, l))
      if (w[0] != '@') return true;
  return false;
}

bool QuestionMatcher::could_match(std::string_view plain, bool with_terse,
                                  double question_bar) const {
  if (step_named(plain)) return true;
  if (!may_match(plain)) return false;
  // Context (a section, a question above) is the only source of a bonus and of terse matches:
  // where the caller knows there is none to be had, neither is granted.
  double bonus = with_terse ? kMaxBonus : 0.0;
  for (const auto& [key, m] : scores(plain))
    if (m.step ? m.score >= kThreshold : m.score + bonus >= question_bar) return true;
  return with_terse && could_be_terse(plain);
}

// A superset of terse_matches() over every step, in one pass: a terse match needs a short
// line and a content word that only one question of some step owns.
bool QuestionMatcher::could_be_terse(std::string_view plain) const {
  std::string named = with_names(plain);
  if (split_words(fold_for_match(named)).size() > kTerseMaxWords) return false;
  for (std::size_t l = 0; l < languages_.size(); ++l)
    for (const auto& w : words(named, l))
      if (is_content(w) && languages_[l].terse_words.count(w)) return true;
  return false;
}

TopicSign QuestionMatcher::topic_sign(std::string_view text, bool everyday_senses) const {
  if (topic_words_.empty() && topic_prefixes_.empty()) return TopicSign::Strong; // no gate
  // One pass over the words, no folded copy: notes without the topic are the many, and are read
  // to the end.
  TopicSign sign = TopicSign::None;
  int weak = 0; // weak topic words seen: two make a strong sign
  // In pieces of whole lines, so that a note that shows the topic early is not read to its end.
  constexpr std::size_t kPiece = 4096;
  for (std::size_t from = 0; from < text.size() && sign != TopicSign::Strong;) {
    std::size_t to = from + kPiece >= text.size() ? text.size() : text.find('\n', from + kPiece);
    if (to == std::string_view::npos) to = text.size();
    std::string_view piece = text.substr(from, to - from);
    from = to;
    bool after_pas = false; // the word before was French "pas"
    for_each_match_word(piece, [&](std::string_view w) {
      if (sign == TopicSign::Strong) return;
      std::string word(w);
      bool disliked = std::exchange(after_pas, word == "pas") && word.starts_with("aim");
      if (!everyday_senses && other_senses_.count(word)) return;
      // "Ce qu'on n'a pas aimé ?": French "aimer" denied is disliking (a festival's debrief),
      // no love.
      if (disliked) return;
      if (is_strong_word(word) || (weak_topic_words_.count(word) && ++weak >= 2)) {
        sign = TopicSign::Strong;
        return;
      }
      if (topic_pronouns_.count(word) || (ex_words_.count(word) && !pronoun_words_.count(word)))
        sign = TopicSign::Pronoun;
    });
  }
  if (sign == TopicSign::None && opens_as_letter(text)) sign = TopicSign::Pronoun;
  // One weak word beside a pronoun ("he left me alone"): the topic when a question names the
  // ex or the note holds the log (Analyzer::analyse), not for a retro's "she's right" and
  // "a single form" whatever its questions.
  if (weak == 0 || sign == TopicSign::Strong) return sign;
  return sign == TopicSign::Pronoun ? TopicSign::PronounAndWeak : TopicSign::Weak;
}

bool QuestionMatcher::is_strong_word(const std::string& word) const {
  if (topic_words_.count(word)) return true;
  for (const auto& p : topic_prefixes_)
    if (word.starts_with(p)) return true;
  return false;
}

bool QuestionMatcher::has_decisive_sign(std::string_view text) const {
  bool found = false;
  for_each_match_word(text, [&](std::string_view w) {
    if (found) return;
    std::string word(w);
    found = !other_senses_.count(word) && is_strong_word(word);
  });
  return found;
}

bool QuestionMatcher::opens_as_letter(std::string_view text) const {
  if (second_person_.empty()) return false;
  std::size_t pos = 0;
  if (text.starts_with("---")) { // front matter
    std::size_t close = text.find("\n---", 3);
    if (close == std::string_view::npos) return false;
    pos = text.find('\n', close + 4);
  }
  std::string_view line;
  for (int read = 0; pos < text.size() && read < 8; ++read) {
    std::size_t nl = text.find('\n', pos);
    line = trim(text.substr(pos, (nl == std::string_view::npos ? text.size() : nl) - pos));
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    if (!line.empty() && line.front() != '#') break; // blank lines and a title come first
    line = {};
  }
  if (line.size() < 3 || line.back() != ',') return false;
  line.remove_suffix(1);
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t end = line.find(' ', i);
    if (end == std::string_view::npos) end = line.size();
    if (end > i) words.push_back(line.substr(i, end - i));
    i = end + 1;
  }
  if (words.empty() || words.size() > 3) return false;
  // Every word past a salutation is a name: capitalised, and no word of the packs or family.
  std::size_t first = letter_salutations_.count(fold_for_match(words[0])) ? 1 : 0;
  if (first == words.size()) return false;
  for (std::size_t k = first; k < words.size(); ++k) {
    std::string_view w = words[k];
    std::string folded = fold_for_match(w);
    if (!(w[0] >= 'A' && w[0] <= 'Z') && static_cast<unsigned char>(w[0]) < 0x80) return false;
    if (folded.empty() || other_people_.count(folded) || stop_words_.count(folded) ||
        vocabulary_.count(folded) || me_words_.count(folded) || date_words_.count(folded))
      return false;
  }
  // And it speaks to them: "Okay," opening a journal entry greets no one.
  int you = 0;
  for_each_match_word(text.substr(pos), [&](std::string_view w) {
    if (second_person_.count(std::string(w))) ++you;
  });
  return you >= 2;
}

namespace {

// Does any of the line's words (folded, as the matcher reads them) pass `test`?
template <typename Test> bool any_word(std::string_view plain, const Test& test) {
  bool found = false;
  for_each_match_word(plain, [&](std::string_view w) {
    if (!found && test(std::string(w))) found = true;
  });
  return found;
}

} // namespace

bool QuestionMatcher::asks_about_other_person(std::string_view plain) const {
  // "au cabanon de mon père", "at my mum's", "with my sister": a person after a preposition
  // is where or with whom, not who is asked about.
  static const std::unordered_set<std::string> prepositions = {
      "de",   "du", "d",  "chez", "avec", "a",    "au",   "pour",    "sans",  "comme", "of",
      "with", "at", "to", "for",  "from", "like", "near", "without", "about", "by"};
  bool found = false;
  std::string before_previous, previous, person;
  for_each_match_word(plain, [&](std::string_view w) {
    std::string word(w);
    // "… la peur de finir seule, avec ma tante qui me demande à chaque fête ?": a person a
    // relative clause then tells of only comes into the question, which asks of the writer.
    if (!person.empty() && !found) {
      if (!relative_pronouns_.count(word)) found = true;
      person.clear();
    }
    // Folded, "mémé" is "même": a function word is never a person.
    // "Is Papa afraid of being alone?": a relative named as such, the subject asked about.
    static const std::unordered_set<std::string> asking_verbs = {
        "is", "was", "are", "were", "does", "did", "has", "had", "will", "would", "can", "could"};
    // After "I" or "we" the word is a verb ("I boss him around"), not "my boss".
    static const std::unordered_set<std::string> subjects = {"i", "we", "you", "je",
                                                             "j", "tu", "nous"};
    if (!found && other_people_.count(word) && !stop_words_.count(word) &&
        ((me_words_.count(previous) && !subjects.count(previous)) ||
         topic_pronouns_.count(previous) || previous == "the" ||
         (asking_verbs.count(previous) && before_previous.empty())) &&
        !prepositions.count(before_previous))
      person = word;
    before_previous = std::move(previous);
    previous = std::move(word);
  });
  return found || !person.empty();
}

bool QuestionMatcher::speaks_in_future(std::string_view plain) const {
  for (std::size_t l = 0; l < languages_.size(); ++l) {
    auto w = words(plain, l);
    if (std::binary_search(w.begin(), w.end(), std::string(kFuture))) return true;
  }
  return false;
}

bool QuestionMatcher::speaks_of_writer(std::string_view plain) const {
  return any_word(plain, [&](const std::string& w) {
    // A lone "t" is English's "doesn't" as often as French's "t'".
    return (w.size() > 1 || w == "i" || w == "j") && me_words_.count(w) > 0;
  });
}

bool QuestionMatcher::speaks_in_first_person(std::string_view plain) const {
  return any_word(plain, [&](const std::string& w) {
    return (w.size() > 1 || w == "i" || w == "j") && first_person_.count(w) > 0;
  });
}

bool QuestionMatcher::speaks_of_writer_or_couple(std::string_view plain) const {
  return speaks_of_writer(plain) || speaks_of_couple(plain);
}

namespace {

// Québec French asks with a particle "-tu" after the verb ("c'est-tu", "ont-tu été
// respectés"), which is no "tu": a verb inverted before "tu" ends in "s" or "x" ("as-tu",
// "peux-tu"). Returns the line without such particles.
std::string without_tu_particle(std::string_view plain) {
  std::string out(plain);
  for (std::size_t at = out.find("-tu"); at != std::string::npos; at = out.find("-tu", at + 1)) {
    bool word_ends = at + 3 == out.size() || !std::isalpha(static_cast<unsigned char>(out[at + 3]));
    char before =
        at > 0 ? static_cast<char>(std::tolower(static_cast<unsigned char>(out[at - 1]))) : ' ';
    if (word_ends && std::isalpha(static_cast<unsigned char>(before)) && before != 's' &&
        before != 'x')
      out.replace(at, 3, "   ");
  }
  return out;
}

} // namespace

bool QuestionMatcher::put_to_addressee_only(std::string_view plain) const {
  // Neither Québec's particle ("c'est-tu") nor the "t" French puts between a verb and its
  // pronoun ("m'a-t-il dit") is a "you".
  std::string read =
      plain.find("-tu") != std::string_view::npos ? without_tu_particle(plain) : std::string(plain);
  for (std::size_t at = read.find("-t-"); at != std::string::npos; at = read.find("-t-", at))
    read.replace(at, 3, "   ");
  // Nor is English's "n't" ("wasn't") an elided French "t'".
  for (const char* nt : {"n't", "n\u2019t"})
    for (std::size_t at = read.find(nt); at != std::string::npos; at = read.find(nt, at + 1))
      read.erase(at + 1, std::string_view(nt).size() - 2); // "wasnt"
  bool you = false, writer_or_couple = false;
  for_each_match_word(read, [&](std::string_view w) {
    std::string word(w);
    you = you || second_person_.count(word) > 0;
    // Every word of the writer, an elided "m'" as much as "my".
    writer_or_couple = writer_or_couple || first_person_.count(word) || we_words_.count(word);
  });
  return you && !writer_or_couple;
}

bool QuestionMatcher::speaks_of_third_person_only(std::string_view plain) const {
  // Someone acting or owning: "she", "his", "her needs", "elle", "il" (not French's impersonal
  // "il faut", "faut-il", "il y a"); never an object ("wants him back", "miss her").
  static const char* const subjects[] = {"he", "she", "his", "il", "elle"};
  static const char* const impersonal[] = {"faut", "fallait", "y", "suffit", "semble", "parait"};
  static const char* const after_object[] = {"back", "to",    "about",   "when", "and",
                                             "or",   "again", "anymore", "more", "so",
                                             "too",  "if",    "that",    "for"};
  auto in = [](const std::string& w, const auto& list) {
    return std::any_of(std::begin(list), std::end(list), [&](const char* x) { return w == x; });
  };
  auto in_list = [](const std::string& w, std::initializer_list<const char*> list) {
    return std::any_of(list.begin(), list.end(), [&](const char* x) { return w == x; });
  };
  // Copied only when it may hold the particle: most posed lines do not.
  std::string unparticled;
  if (plain.find("-tu") != std::string_view::npos) {
    unparticled = without_tu_particle(plain);
    plain = unparticled;
  }
  std::vector<std::string> words;
  for_each_match_word(plain, [&](std::string_view w) { words.emplace_back(w); });
  bool third = false;
  // Past "when", "if", "quand": the ex acting on the writer ("clingy when he pulls away?"), the
  // question still the writer's.
  bool subordinate = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (in_list(w, {"when", "whenever", "if", "because", "while", "until", "once", "since", "quand",
                    "lorsque", "si", "parce", "dès", "des", "depuis"}))
      subordinate = true;
    // Past it, the writer too is only told of ("Is she afraid of being left, since her
    // mother and I split up?").
    if (subordinate) continue;
    if (we_words_.count(w) || second_person_.count(w) ||
        ((w.size() > 1 || w == "i" || w == "j" || w == "m") && first_person_.count(w)))
      return false;
    // Someone else's by a possessive: "the patient's needs", "the members' needs", "ses
    // besoins", "their needs", "les besoins des vendangeurs".
    if (w == "s" && i > 0 && !stop_words_.count(words[i - 1]) &&
        !topic_pronouns_.count(words[i - 1]))
      third = true;
    if (in_list(w, {"ses", "son", "sa", "leur", "leurs", "their"})) third = true;
    if (w == "the" && i + 2 < words.size() && (words[i + 2] == "needs" || words[i + 2] == "need"))
      third = true;
    if ((w == "besoins" || w == "besoin" || w == "needs") && i + 1 < words.size() &&
        in_list(words[i + 1], {"des", "du", "of"}))
      third = true;
    if (!topic_pronouns_.count(w)) continue;
    if (w == "il" && ((i + 1 < words.size() && in(words[i + 1], impersonal)) ||
                      (i > 0 && in(words[i - 1], impersonal))))
      continue;
    if (w == "her")
      third = third || (i + 1 < words.size() && !in(words[i + 1], after_object) &&
                        !stop_words_.count(words[i + 1]));
    else
      third = third || in(w, subjects);
  }
  return third;
}

bool QuestionMatcher::addresses_someone_formally(std::string_view plain) const {
  static const std::unordered_set<std::string> formal = {"vous", "votre", "vos"};
  static const std::unordered_set<std::string> familiar_or_own = {
      "tu", "te", "t", "toi", "ton", "ta", "tes", "je", "j", "me", "m", "moi", "mon", "ma", "mes"};
  static const std::unordered_set<std::string> of_a_couple = {
      "deux", "ensemble", "entre", "couple", "relation", "histoire", "mariage"};
  // Every formal word opens with "vo": most lines hold none (read for each posed line).
  if (plain.find("vo") == std::string_view::npos && plain.find("Vo") == std::string_view::npos &&
      plain.find("VO") == std::string_view::npos)
    return false;
  bool addressed = false, to_writer_or_couple = false;
  for_each_match_word(plain, [&](std::string_view w) {
    std::string word(w);
    to_writer_or_couple =
        to_writer_or_couple || familiar_or_own.count(word) || of_a_couple.count(word);
    addressed = addressed || formal.count(word) > 0;
  });
  return addressed && !to_writer_or_couple;
}

bool QuestionMatcher::speaks_of_couple(std::string_view plain) const {
  return any_word(plain, [&](const std::string& w) { return we_words_.count(w) > 0; });
}

bool QuestionMatcher::gives_relationship_to_others(std::string_view plain) const {
  if (speaks_of_writer_or_couple(plain)) return false;
  // Whose: "their", "leur", or a name's "'s" ("Marianne's", read as "exref s" by with_names),
  // up to two words before the relationship ("their whole marriage", "leur vie de couple").
  bool found = false;
  std::vector<std::string> recent; // the words before this one, nearest last
  for_each_match_word(with_names(plain), [&](std::string_view w) {
    std::string word(w);
    if (!found && relationship_nouns_.count(word)) {
      for (std::size_t back = 1; back <= 3 && back <= recent.size(); ++back) {
        const std::string& before = recent[recent.size() - back];
        bool named_possessive = before == "s" && back < recent.size() &&
                                (ex_words_.count(recent[recent.size() - back - 1]) ||
                                 other_people_.count(recent[recent.size() - back - 1]));
        if (others_possessives_.count(before) || named_possessive) {
          found = true;
          break;
        }
      }
    }
    recent.push_back(std::move(word));
  });
  return found;
}

namespace {

struct TitleWord {
  std::string folded;
  bool capitalised = false;
};

// The parts of a title, each a list of words: "Mam - session 4 (notes)" is "Mam", "session",
// "notes". Words keep inner apostrophes and hyphens ("grand-mère"); "&" and "+" are words;
// digits are dropped ("03 Jen and Mark").
std::vector<std::vector<TitleWord>> title_parts(std::string_view title) {
  std::vector<std::vector<TitleWord>> parts(1);
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    TitleWord w;
    w.folded = fold_for_match(word);
    // An ASCII word starts with a letter (see below), is its own NFC form and folds to its
    // lower case: capitalised exactly when that letter is a capital. Why: tells_of_a_couple_of_
    // others reads whole paragraphs this way, and upper_first() normalises each word.
    bool ascii = std::all_of(word.begin(), word.end(),
                             [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    w.capitalised =
        ascii ? word[0] >= 'A' && word[0] <= 'Z' : upper_first(word) == word && w.folded != word;
    parts.back().push_back(std::move(w));
    word.clear();
  };
  auto new_part = [&] {
    flush();
    if (!parts.back().empty()) parts.emplace_back();
  };
  for (std::size_t i = 0; i < title.size();) {
    unsigned char c = static_cast<unsigned char>(title[i]);
    if (c >= 0x80) {
      Utf8Char u = decode_utf8(title, i);
      std::size_t n = std::max<std::size_t>(1, u.length);
      if (u.code_point == 0x2013 || u.code_point == 0x2014 || u.code_point == 0x2022 ||
          u.code_point == 0xB7)
        new_part(); // "–", "—", "•", "·"
      else
        word.append(title.substr(i, n));
      i += n;
      continue;
    }
    if (std::isalpha(c)) {
      word += static_cast<char>(c);
    } else if ((c == '\'' || c == '-') && !word.empty() && i + 1 < title.size() &&
               (std::isalpha(static_cast<unsigned char>(title[i + 1])) ||
                static_cast<unsigned char>(title[i + 1]) >= 0x80)) {
      word += static_cast<char>(c);
    } else if (c == '&' || c == '+') {
      flush();
      parts.back().push_back(TitleWord{std::string(1, static_cast<char>(c)), false});
    } else if (c == '-' || c == ':' || c == '(' || c == ')' || c == '[' || c == ']' || c == ',' ||
               c == '|' || c == ';' || c == '.' || c == '!' || c == '?' || c == '/' || c == '_') {
      new_part();
    } else {
      flush();
    }
    ++i;
  }
  flush();
  if (parts.back().empty()) parts.pop_back();
  return parts;
}

// A first name as titles write it: capitalised, no word any pack knows, not the writer, not
// the ex (sets of the matcher, passed in). Lower case only where the caller allows it.
template <class Known>
bool is_title_name(const std::vector<TitleWord>& side, bool lower_case_too, Known&& known) {
  if (side.size() != 1) return false;
  const TitleWord& w = side.front();
  return (w.capitalised || lower_case_too) && w.folded.size() > 1 && !known(w.folded);
}

} // namespace

bool QuestionMatcher::titles_a_person(std::string_view title) const {
  for (const auto& part : title_parts(title))
    if (is_title_name(part, false, [&](const std::string& w) { return knows_word(w); }))
      return true;
  return false;
}

bool QuestionMatcher::is_unknown_word(std::string_view word) const {
  return !knows_word(fold_for_match(word));
}

bool QuestionMatcher::is_date_word(std::string_view word) const {
  return date_words_.count(fold_for_match(word)) > 0;
}

bool QuestionMatcher::knows_word(const std::string& folded) const {
  return vocabulary_.count(folded) || stop_words_.count(folded) || me_words_.count(folded) ||
         we_words_.count(folded) || ex_words_.count(folded) || topic_words_.count(folded) ||
         other_people_.count(folded) || date_words_.count(folded);
}

bool QuestionMatcher::titles_a_couple_of_others(std::string_view title) const {
  auto is_relative = [&](const std::vector<TitleWord>& side) {
    // "my sister", "ma sœur", "Mum"
    return !side.empty() && side.size() <= 2 && relatives_.count(side.back().folded) &&
           (side.size() == 1 || me_words_.count(side.front().folded));
  };
  // A name; lower case only beside a relative ("ma soeur et kevin").
  auto is_name = [&](const std::vector<TitleWord>& side, bool lower_case_too) {
    return is_title_name(side, lower_case_too, [&](const std::string& w) { return knows_word(w); });
  };
  for (const auto& part : title_parts(title)) {
    auto joiner = std::find_if(part.begin(), part.end(), [&](const TitleWord& w) {
      return couple_joiners_.count(w.folded) > 0;
    });
    if (joiner == part.begin() || joiner == part.end()) continue;
    std::vector<TitleWord> left(part.begin(), joiner), right(joiner + 1, part.end());
    bool left_relative = is_relative(left), right_relative = is_relative(right);
    bool left_person = left_relative || is_name(left, right_relative);
    bool right_person = right_relative || is_name(right, left_relative);
    if (left_person && right_person && !(left_relative && right_relative)) return true;
  }
  return false;
}

bool QuestionMatcher::tells_of_a_couple_of_others(std::string_view prose) const {
  // Read as titles are, a clause a part: "Lui et Nathalie, c'est le divorce" holds the pair.
  auto known = [&](const std::string& w) { return knows_word(w); };
  auto name = [&](const TitleWord& w) { return is_title_name({w}, false, known); };
  auto third_person = [&](const TitleWord& w) {
    return (topic_pronouns_.count(w.folded) || pronoun_words_.count(w.folded)) &&
           !me_words_.count(w.folded) && !we_words_.count(w.folded);
  };
  for (const auto& part : title_parts(prose))
    for (std::size_t k = 1; k + 1 < part.size(); ++k) {
      const std::string& joiner = part[k].folded;
      // In prose "+" and "&" join amounts and items ("Amoxicilline 500 + Efferalgan").
      if (joiner == "+" || joiner == "&" || !couple_joiners_.count(joiner)) continue;
      if ((name(part[k - 1]) || third_person(part[k - 1])) && name(part[k + 1])) return true;
    }
  return false;
}

bool QuestionMatcher::titles_a_relative(std::string_view title) const {
  // "about Mother", "re: Dad", "sur papa": what the part is about, said before it.
  static const std::unordered_set<std::string> about = {"about", "re", "regarding", "sur",
                                                        "concernant"};
  for (const auto& part : title_parts(title)) {
    if (part.empty()) continue;
    std::size_t from = part.size() >= 2 && about.count(part[0].folded) ? 1 : 0;
    if (part.size() - from > 2) continue;
    // "Mum", "Mom stuff", "my mum", "ma mère": a relative stands as the part's subject; a
    // possessive before it is the writer's.
    std::size_t at =
        part.size() - from == 2 && me_words_.count(part[from].folded) ? from + 1 : from;
    const std::string& word = part[at].folded;
    if (relatives_.count(word) && !stop_words_.count(word)) return true;
  }
  return false;
}

namespace {

// Does the title hold one of the phrases: a word, or words in a row ("book club")?
bool title_holds(std::string_view title, const std::vector<std::vector<std::string>>& phrases) {
  std::vector<std::string> words;
  for_each_match_word(title, [&](std::string_view w) { words.emplace_back(w); });
  for (const auto& phrase : phrases)
    for (std::size_t i = 0; i + phrase.size() <= words.size(); ++i)
      if (std::equal(phrase.begin(), phrase.end(), words.begin() + static_cast<long>(i)))
        return true;
  return false;
}

} // namespace

bool QuestionMatcher::titles_another_subject(std::string_view title) const {
  return title_holds(title, other_subjects_);
}

bool QuestionMatcher::asks_why_someone_left_a_group(std::string_view plain) const {
  if (groups_left_.empty()) return false;
  // Built in, both languages, folded (the pack has no key for verbs yet).
  static const std::unordered_set<std::string> leaving = {
      "leave",  "leaves",  "left",     "leaving", "quit",   "quits",  "quitting",
      "quitte", "quitter", "quittait", "lache",   "lacher", "lachait"};
  static const std::unordered_set<std::string> resigning = {
      "resign",      "resigned",     "resigns",       "resigning",
      "demissionne", "demissionner", "demissionnait", "demissionnee"};
  // What leaving means the breakup: a home, the children, the relationship, the writer.
  static const std::unordered_set<std::string> home = {
      "house",    "home",    "flat",   "apartment", "place",   "kids",
      "children", "way",     "family", "maison",    "appart",  "appartement",
      "foyer",    "enfants", "gosses", "famille",   "domicile"};
  static const std::unordered_set<std::string> determiners = {
      "the", "a", "an", "le", "la", "l", "les", "un", "une", "our", "notre"};
  static const std::unordered_set<std::string> auxiliaries = {"did",   "does", "has",   "had",
                                                              "would", "a",    "avait", "est"};
  // Clause by clause: "Why did she leave, and what did the group think?" leaves no group.
  std::size_t from = 0;
  while (from <= plain.size()) {
    std::size_t to = plain.find_first_of(",;:?!.()/", from);
    if (to == std::string_view::npos) to = plain.size();
    std::string_view clause = plain.substr(from, to - from);
    from = to + 1;
    // The clause's folded words ("l'équipe" is "l", "equipe"), and whether each is of a word
    // written with a capital (a name: "Gareth", "Ti-Guy").
    std::vector<std::string> folded;
    std::vector<char> capital;
    for (std::size_t i = 0; i < clause.size();) {
      std::size_t j = clause.find_first_of(" \t", i);
      if (j == std::string_view::npos) j = clause.size();
      std::string_view token = clause.substr(i, j - i);
      std::size_t letter = token.find_first_not_of("\"*-_([");
      bool upper = letter != std::string_view::npos && token[letter] >= 'A' && token[letter] <= 'Z';
      for (auto& part : split_words(fold_for_match(token))) {
        folded.push_back(std::move(part));
        capital.push_back(upper); // each part of "Ti-Guy", "Marie-Ange"
      }
      i = j + 1;
    }
    static const std::unordered_set<std::string> stepping = {"step", "steps", "stepped",
                                                             "stepping"};
    // The reasons given to a workplace ("what he told the supe", "ce qu'elle a dit au chef, à
    // la direction"): the ex gives them to the writer, a leaving colleague to the management.
    static const std::unordered_set<std::string> telling = {
        "told", "tell", "tells", "telling", "said", "say", "says", "dit", "dire", "disait"};
    static const std::unordered_set<std::string> management = {
        "boss",      "manager", "supervisor", "supe",     "director",  "management",
        "hr",        "chef",    "patron",     "patronne", "directeur", "directrice",
        "direction", "rh",      "comite",     "committee"};
    for (std::size_t i = 0; i + 1 < folded.size(); ++i) {
      if (!telling.count(folded[i])) continue;
      for (std::size_t k = i + 1; k < folded.size() && k <= i + 3; ++k)
        if (management.count(folded[k]) || groups_left_.count(folded[k])) {
          // Said to them: after "the", "to", "au", "à la", never the thing said ("told me the
          // team…" asks of a team the ex spoke of only when nothing comes between).
          const std::string& before = folded[k - 1];
          if (before == "the" || before == "to" || before == "au" || before == "la" ||
              before == "a" || before == "l" || before == "his" || before == "her" ||
              before == "son" || before == "sa")
            return true;
        }
    }
    // The reasons for a decision taken about a thing that is no partner: "Official reasons for
    // cutting the Sunday service?", "Les raisons de fermer l'agence ?" (a gerund or an
    // infinitive, then a thing an article names). Ending the relationship, leaving the house or
    // dumping "me" is the breakup's.
    static const std::unordered_set<std::string> reasons = {"reason",  "reasons", "raison",
                                                            "raisons", "motif",   "motifs"};
    static const std::unordered_set<std::string> reason_for = {"for", "behind", "de", "d", "pour"};
    static const std::unordered_set<std::string> article = {"the", "a",   "an", "le", "la",
                                                            "l",   "les", "un", "une"};
    auto decision = [](const std::string& w) {
      return w.size() > 4 &&
             (w.ends_with("ing") || w.ends_with("er") || w.ends_with("ir") || w.ends_with("re"));
    };
    for (std::size_t i = 0; i + 4 < folded.size(); ++i)
      if (reasons.count(folded[i]) && reason_for.count(folded[i + 1]) && decision(folded[i + 2]) &&
          article.count(folded[i + 3])) {
        const std::string& thing = folded[i + 4];
        if (!stop_words_.count(thing) && !refers_to_ex(thing) &&
            !relationship_nouns_.count(thing) && !pronoun_words_.count(thing) &&
            !home.count(thing) && !is_strong_word(thing))
          return true;
      }
    // The reasons someone else gave, a definite article naming them: "les raisons officielles
    // de l'arbitre", "raison officielle du fournisseur", "the official reasons of the board",
    // "the ref's official reasons". Theirs, not the ex's.
    static const std::unordered_set<std::string> qualifying = {
        "official", "officially", "officiel", "officielle", "officiels", "officielles", "real",
        "true",     "vraie",      "vraies",   "vrai",       "vrais",     "main",        "stated"};
    // What is said of the breakup itself ("les raisons du départ", "the reasons of the end").
    static const std::unordered_set<std::string> ending = {
        "depart",   "departure", "fin",     "end",      "ending",       "choix",   "choice",
        "decision", "decisions", "silence", "move",     "demenagement", "annonce", "message",
        "lettre",   "letter",    "appel",   "call",     "probleme",     "problem", "conflit",
        "conflict", "clash",     "dispute", "disputes", "fight"};
    auto someone_else = [&](std::size_t k) {
      if (k >= folded.size()) return false;
      const std::string& w = folded[k];
      return w.size() > 2 && !stop_words_.count(w) && !refers_to_ex(w) && !me_words_.count(w) &&
             !relationship_nouns_.count(w) && !pronoun_words_.count(w) && !home.count(w) &&
             !qualifying.count(w) && !is_strong_word(w) && !article.count(w) &&
             !has_weak_topic_word(w) && !ending.count(w);
    };
    for (std::size_t i = 0; i < folded.size(); ++i) {
      if (!reasons.count(folded[i])) continue;
      std::size_t j = i + 1;
      while (j < folded.size() && qualifying.count(folded[j]))
        ++j;
      if (j + 1 >= folded.size()) continue;
      const std::string& of = folded[j];
      if ((of == "of" || of == "from") && folded[j + 1] == "the" && someone_else(j + 2))
        return true;
      if (of == "du" && someone_else(j + 1)) return true;
      if (of == "de" && (folded[j + 1] == "l" || folded[j + 1] == "la") && someone_else(j + 2))
        return true;
    }
    for (std::size_t i = 0; i + 3 < folded.size(); ++i) {
      if (folded[i] != "the" || !someone_else(i + 1) || folded[i + 2] != "s") continue;
      std::size_t k = i + 3;
      while (k < folded.size() && qualifying.count(folded[k]))
        ++k;
      if (k < folded.size() && reasons.count(folded[k])) return true;
    }
    for (std::size_t i = 0; i < folded.size(); ++i) {
      if (resigning.count(folded[i])) return true;
      // "Why did Brother Hollis step down from the board?": resigning, in two words.
      if (stepping.count(folded[i]) && i + 1 < folded.size() && folded[i + 1] == "down")
        return true;
      if (!leaving.count(folded[i])) continue;
      for (std::size_t k = i + 1; k < folded.size() && k <= i + 4; ++k)
        if (groups_left_.count(folded[k])) return true;
      // Left by someone named, not the ex: "did Gareth leave", "Odile a quitté", "Momo il a
      // quitté"; the thing left said with its article, and no home.
      std::size_t after = i; // the name is the word before this one
      if (after >= 2 && auxiliaries.count(folded[after - 1])) --after;
      if (after >= 2 && (folded[after - 1] == "il" || folded[after - 1] == "elle")) --after;
      // Left by someone a definite article names, in a word or two, not the ex: "why did the
      // contractor leave site", "pourquoi le sous-traitant a quitté la zone" (a partner word is
      // the ex's: "why did the ex leave").
      auto someone = [&](std::size_t k) {
        return !stop_words_.count(folded[k]) && !refers_to_ex(folded[k]) &&
               !relationship_nouns_.count(folded[k]) && !pronoun_words_.count(folded[k]) &&
               !determiners.count(folded[k]) && !auxiliaries.count(folded[k]);
      };
      auto definite = [&](std::size_t k) {
        return folded[k] == "the" || folded[k] == "le" || folded[k] == "la";
      };
      if ((after >= 2 && definite(after - 2) && someone(after - 1)) ||
          (after >= 3 && definite(after - 3) && someone(after - 2) && someone(after - 1)))
        return true;
      if (after < 2) continue; // a sentence's first word has its capital anyway
      const std::string& name = folded[after - 1];
      if (!capital[after - 1] || refers_to_ex(name) || me_words_.count(name) ||
          pronoun_words_.count(name))
        continue;
      if (i + 2 < folded.size() && determiners.count(folded[i + 1]) && !home.count(folded[i + 2]) &&
          !relationship_nouns_.count(folded[i + 2]))
        return true;
    }
  }
  return false;
}

bool QuestionMatcher::titles_a_group(std::string_view title) const {
  return any_word(title, [&](const std::string& w) { return groups_left_.count(w) > 0; });
}

bool QuestionMatcher::titles_someone_helped(std::string_view title) const {
  return title_holds(title, helped_titles_);
}

bool QuestionMatcher::names_writers_relationship(std::string_view text) const {
  bool found = false, after_own = false;
  for_each_match_word(text, [&](std::string_view w) {
    if (found) return;
    std::string word(w);
    found = after_own && !other_senses_.count(word) && is_strong_word(word);
    after_own = (first_person_.count(word) || we_words_.count(word)) && word != "i" &&
                word != "je" && word != "j" && word != "we" && word != "nous" && word != "on";
  });
  return found;
}

bool QuestionMatcher::has_weak_topic_word(std::string_view plain) const {
  if (any_word(plain, [&](const std::string& w) { return weak_topic_words_.count(w) > 0; }))
    return true;
  // Or said in other words: "still scared of being on my own?".
  for (std::size_t l = 0; l < weak_topic_tokens_.size(); ++l)
    for (const auto& token : words(plain, l))
      if (weak_topic_tokens_[l].count(token)) return true;
  return false;
}

bool QuestionMatcher::speaks_to_someone(std::string_view plain) const {
  return any_word(plain, [&](const std::string& w) { return second_person_.count(w) > 0; });
}

std::string QuestionMatcher::said_of_addressee(std::string_view plain) const {
  std::string out;
  std::size_t i = 0;
  while (i < plain.size()) {
    auto letter = [&](std::size_t k) {
      char c = plain[k];
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
             static_cast<unsigned char>(c) >= 0x80 || c == '\'';
    };
    if (!letter(i)) {
      out += plain[i++];
      continue;
    }
    std::size_t j = i;
    while (j < plain.size() && letter(j))
      ++j;
    std::string_view word = plain.substr(i, j - i);
    std::string folded = fold_for_match(word);
    if (auto it = second_person_.find(folded); it != second_person_.end()) {
      out += it->second;
    } else {
      // "t'as dit": the elided "t'" before its verb.
      std::size_t apostrophe = word.find('\'');
      auto it2 = apostrophe != std::string_view::npos && apostrophe + 1 < word.size()
                     ? second_person_.find(fold_for_match(word.substr(0, apostrophe + 1)))
                     : second_person_.end();
      if (it2 != second_person_.end()) {
        out += it2->second + " ";
        out.append(word.substr(apostrophe + 1));
      } else {
        out.append(word);
      }
    }
    i = j;
  }
  return out;
}

bool QuestionMatcher::opens_question(std::string_view plain) const {
  plain.remove_prefix(after_numbering(plain));
  // Only the first word counts. Most lines open with an ASCII word: lower-case it in place.
  std::size_t i = 0;
  while (i < plain.size() && !std::isalnum(static_cast<unsigned char>(plain[i])) &&
         static_cast<unsigned char>(plain[i]) < 0x80)
    ++i;
  std::size_t j = i;
  while (j < plain.size() && std::isalnum(static_cast<unsigned char>(plain[j])))
    ++j;
  if (j > i && (j == plain.size() || static_cast<unsigned char>(plain[j]) < 0x80)) {
    std::string first(plain.substr(i, j - i));
    for (char& c : first)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (question_openers_.count(first)) return true;
    if (!question_lead_heads_.count(first)) return false;
  }
  // Otherwise fold the line's first few dozen bytes, not all of it.
  std::size_t cut = std::min<std::size_t>(plain.size(), 48);
  while (cut < plain.size() && (static_cast<unsigned char>(plain[cut]) & 0xC0) == 0x80)
    ++cut; // never inside a UTF-8 sequence
  auto words = split_words(fold_for_match(plain.substr(0, cut)));
  if (words.empty()) return false;
  if (question_openers_.count(words.front())) return true;
  return opens_with_lead(words);
}

bool QuestionMatcher::opens_with_prompt_lead(std::string_view plain) const {
  plain.remove_prefix(after_numbering(plain));
  std::size_t cut = std::min<std::size_t>(plain.size(), 48);
  while (cut < plain.size() && (static_cast<unsigned char>(plain[cut]) & 0xC0) == 0x80)
    ++cut; // never inside a UTF-8 sequence
  return opens_with_lead(split_words(fold_for_match(plain.substr(0, cut))));
}

namespace {

// The first word of the plain text of `raw` (its first `kept` bytes kept as they are,
// plain_text_kept_prefix), lower-cased, when it is read there as opens_question() and
// opens_with_prompt_lead() read it: no numbering before it (opens_unnumbered: ASCII letters
// from the first byte, ended by an ASCII byte that is no letter or digit, where both cut),
// that byte one no combining mark after it composes with (NFC makes '=' and U+0338 one
// character, which fold_for_match() would join to the word), and the word within the 48 bytes
// opens_with_prompt_lead() folds. Empty when it cannot be read so.
std::string kept_first_word(std::string_view raw, std::size_t kept) {
  const std::string_view head = raw.substr(0, kept);
  if (!opens_unnumbered(head)) return {};
  std::size_t j = 0;
  while (std::isalpha(static_cast<unsigned char>(head[j])))
    ++j;
  if (j >= 48 || std::string_view(" \t,.;:!?'\"-/()").find(head[j]) == std::string_view::npos)
    return {};
  std::string word(head.substr(0, j));
  for (char& c : word)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return word;
}

} // namespace

bool QuestionMatcher::may_open_question(std::string_view raw) const {
  const std::size_t kept = plain_text_kept_prefix(raw);
  if (kept == raw.size()) return opens_question(raw); // its own plain text
  const std::string first = kept_first_word(raw, kept);
  return first.empty() || question_openers_.count(first) || question_lead_heads_.count(first);
}

bool QuestionMatcher::may_open_with_prompt_lead(std::string_view raw) const {
  const std::size_t kept = plain_text_kept_prefix(raw);
  if (kept == raw.size()) return opens_with_prompt_lead(raw);
  const std::string first = kept_first_word(raw, kept);
  return first.empty() || question_lead_heads_.count(first);
}

// "The times I thought I'd never meet anyone": the prompt's lead, whole, then more words.
bool QuestionMatcher::opens_with_lead(const std::vector<std::string>& words) const {
  return std::any_of(question_leads_.begin(), question_leads_.end(), [&](const auto& lead) {
    return words.size() > lead.size() && std::equal(lead.begin(), lead.end(), words.begin());
  });
}

bool QuestionMatcher::names_ex(std::string_view plain, bool unknown_names) const {
  // The ex's name, a partner word, a name nobody configured, or a personal pronoun of the
  // topic ("him", "elle"); "they" or French "la" name nobody in particular.
  bool named = false;
  std::string read = unknown_names ? with_names(plain) : std::string(plain);
  for_each_match_word(read, [&](std::string_view w) {
    std::string word(w);
    if (topic_pronouns_.count(word) || (ex_words_.count(word) && !pronoun_words_.count(word)))
      named = true;
  });
  return named;
}

} // namespace mend::engine
