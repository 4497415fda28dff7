// Answer cleaning and the per-answer facts the rules read.
#include "daemon/engine/answer_judge.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_set>

#include "daemon/engine/normalize.h"
#include "daemon/engine/question_candidates.h"

namespace mend::engine {
namespace {

using Phrase = PhraseBook::Phrase;

std::vector<Phrase> split_all(const std::vector<std::string>& phrases) {
  std::vector<Phrase> out;
  for (const auto& p : phrases) {
    auto words = split_words(fold_for_match(p));
    // "jealous*": split_words drops the star, so put it back on the last word.
    if (!words.empty() && !p.empty() && p.back() == '*') words.back() += '*';
    if (!words.empty()) out.push_back(std::move(words));
  }
  // Longest first, so "i don't know" is tried before "i".
  std::stable_sort(out.begin(), out.end(),
                   [](const Phrase& a, const Phrase& b) { return a.size() > b.size(); });
  return out;
}

// "@done(2026-10-20 21:42)", "@today @flagged": the tags NotePlan and TaskPaper put on a task,
// the app's, not the writer's answer.
bool only_task_tags(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == ' ' || text[i] == '\t') {
      ++i;
      continue;
    }
    if (text[i] != '@' || i + 1 == text.size() || text[i + 1] == ' ') return false;
    std::size_t end = text.find_first_of(" (", i);
    if (end != std::string_view::npos && text[end] == '(') {
      end = text.find(')', end);
      if (end == std::string_view::npos) return false;
      ++end;
    }
    i = end == std::string_view::npos ? text.size() : end;
  }
  return true;
}

// "_your answer_", "<your answer>", "[Your answer]", "\[fill in later\]" (its brackets escaped
// as an editor saves them) -> "your answer"
std::string placeholder_key(std::string_view text) {
  // What leads an answer on the question's line ("? — _to be written_", "-> _your answer_").
  for (bool cut = true; cut;) {
    text = trim(text);
    cut = false;
    for (std::string_view lead : {"\u2014", "\u2013", "\u2192", "->", "=>", "-", "="})
      if (text.starts_with(lead)) {
        text.remove_prefix(lead.size());
        cut = true;
        break;
      }
  }
  std::string folded = fold_for_match(text);
  std::string out;
  for (char c : folded) {
    if (c == '_' || c == '*' || c == '~' || c == '<' || c == '>' || c == '[' || c == ']' ||
        c == '\\' || c == '(' || c == ')' || c == '{' || c == '}' || c == '`' || c == '.' ||
        c == ':' || c == '"')
      continue;
    if ((c == ' ' || c == '\t') && (out.empty() || out.back() == ' ')) continue;
    out += (c == '\t') ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ')
    out.pop_back();
  return out;
}

bool word_matches(const std::string& word, const std::string& pattern) {
  if (!pattern.empty() && pattern.back() == '*')
    return word.size() >= pattern.size() - 1 &&
           word.compare(0, pattern.size() - 1, pattern, 0, pattern.size() - 1) == 0;
  return word == pattern;
}

bool matches_at(const std::vector<std::string>& words, std::size_t at, const Phrase& phrase) {
  if (at + phrase.size() > words.size()) return false;
  for (std::size_t k = 0; k < phrase.size(); ++k)
    if (!word_matches(words[at + k], phrase[k])) return false;
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

// Length of the phrase starting at `at`, 0 when none does.
std::size_t phrase_at(const std::vector<std::string>& words, std::size_t at,
                      const std::vector<Phrase>& phrases) {
  for (const auto& p : phrases)
    if (matches_at(words, at, p)) return p.size();
  return 0;
}

bool starts_with_any(const std::vector<std::string>& words, const std::vector<Phrase>& phrases) {
  return !words.empty() && phrase_at(words, 0, phrases) > 0;
}

// `words` without the pack's fillers ("really", "honestly", "du tout").
std::vector<std::string> without_fillers(const std::vector<std::string>& words,
                                         const PhraseBook& phrases) {
  std::vector<std::string> core;
  for (std::size_t i = 0; i < words.size();) {
    if (std::size_t len = phrase_at(words, i, phrases.fillers)) {
      i += len;
    } else {
      core.push_back(words[i++]);
    }
  }
  return core;
}

// "no", "nah": an interjection that only says no, as a clause of its own or before a nil reply.
bool is_bare_no(const std::string& w) {
  return w == "no" || w == "non" || w == "nope" || w == "nah";
}

// One nil phrase or several in a row ("rien jsp", "nothing idk"), fillers aside.
bool is_nil_phrase(const std::vector<std::string>& words, const PhraseBook& phrases) {
  std::vector<std::string> core = without_fillers(words, phrases);
  if (core.empty()) return false;
  for (std::size_t i = 0; i < core.size();) {
    std::size_t longest = 0;
    for (const auto& n : phrases.nil_replies)
      if (n.size() > longest && i + n.size() <= core.size() && matches_at(core, i, n))
        longest = n.size();
    if (longest == 0) return false;
    i += longest;
  }
  return true;
}

// A word that negates what follows it in its clause: the pack's negations (minus French
// "plus", which also means "more"), "no"/"nothing"/"rien", and English contractions, whether
// split by their apostrophe ("didn't" → "didn", "t") or typed without it ("didnt"). Not "any
// word ending in nt": "patient", "different" and "étaient" are no negations.
bool is_negation(const std::vector<std::string>& words, std::size_t i, const PhraseBook& phrases) {
  static const char* const extra[] = {
      "no",     "nothing", "nobody", "none",  "cannot", "nor",   "rien",    "aucun",   "aucune",
      "dont",   "didnt",   "wasnt",  "isnt",  "cant",   "wont",  "couldnt", "wouldnt", "shouldnt",
      "doesnt", "werent",  "arent",  "hasnt", "havent", "hadnt", "aint"};
  const std::string& w = words[i];
  if (w == "t") return i > 0 && words[i - 1].size() > 1 && words[i - 1].back() == 'n';
  for (const char* e : extra)
    if (w == e) return true;
  if (w == "plus") return false;
  for (const auto& n : phrases.negations)
    if (n.size() == 1 && w == n[0]) return true;
  return false;
}

// A negation among the few words just before `at`: "wasn't all my fault", "not yes".
bool negated_before(const std::vector<std::string>& words, std::size_t at,
                    const PhraseBook& phrases) {
  for (std::size_t i = at >= 4 ? at - 4 : 0; i < at; ++i)
    if (is_negation(words, i, phrases)) return true;
  return false;
}

// ---- Built-in word lists -------------------------------------------------------------------
//
// English and French, written as people write them (folded and split like the pack's lists).
// They belong in each language's _pack.md, but the pack format has no keys for them yet (that
// needs pack.h/pack.cpp), so a pack in a third language reads its answers with these. "word*"
// matches every word it starts.

// What follows names something, even after "nothing": "except his temper", "à part ses
// mensonges", "but he never listened".
const std::vector<std::string> kExceptions = {
    "except",   "excepting",  "apart from",  "aside from",  "besides",   "other than",
    "but",      "though",     "although",    "however",     "only that", "just that",
    "save for", "unless",     "sauf",        "à part",      "hormis",    "excepté",
    "exceptée", "mis à part", "si ce n'est", "sinon",       "mais",      "à l'exception",
    "pourtant", "cependant",  "par contre",  "en revanche", "seulement", "juste que",
    "quoique"};

// Words that name a fault, of anyone. Under a negation they clear instead ("never lied",
// "rien à lui reprocher").
const std::vector<std::string> kFaultWords = {
    // English
    "lie", "lies", "lied", "lying", "liar*", "dishonest*", "temper", "tempers", "angry", "anger",
    "rage", "rages", "jealous*", "cheat*", "unfaithful", "affair", "affairs", "selfish*", "cold",
    "distant", "control*", "possessive*", "manipulat*", "rude*", "mean", "cruel*", "abus*",
    "violen*", "aggressi*", "yell*", "shout*", "scream*", "drunk*", "drinking", "drank", "drugs",
    "lazy", "laziness", "mess", "messy", "messed up", "screwed up", "critical", "critici*",
    "ignor*", "neglect*", "moody", "sulk*", "stubborn*", "arrogan*", "dismissive", "absent",
    "workaholic", "annoy*", "irritat*", "boring", "bored", "hurt", "hurtful", "hate*", "fault",
    "faults", "flaw*", "problem*", "issue*", "complain*", "wrong", "wrongs", "bad", "worse",
    "worst", "toxic", "insecur*", "insensitive", "inconsiderate", "disrespect*", "immatur*",
    "childish", "unreliable", "flaky", "stingy", "nag*", "moan*", "whinge*", "whine", "whined",
    "whines", "whining", "secretive", "secret", "secrets", "betray*", "bother*", "dislike*",
    "fight*", "fought", "argu*", "a row", "rows", "rowed", "rowing", "flirt*", "harsh",
    "condescending", "patroni*", "judgmental", "judgemental", "impatient", "irresponsible",
    "clingy", "needy", "demanding", "difficult", "disappoint*", "frustrat*", "resent*", "regret*",
    "let me down", "let down", "blame*", "silences", "silent treatment", "ghosted", "cruelty",
    "raised his voice", "raised her voice", "raised their voice", "raise his voice",
    "raise her voice", "raise their voice", "cross word", "cross words", "harsh word",
    "harsh words", "bad word", "bad words",
    // French
    "mensonge*", "menteur", "menteuse", "ment", "mentait", "menti", "mentir", "colère*", "jalou*",
    "tromp*", "infidèle*", "infidélité*", "égoïs*", "froid", "froide", "froideur", "distante",
    "possessif", "radin*", "paresse*", "absente", "absence*", "critiqu*", "criait", "crier",
    "hurl*", "buvait", "alcool*", "méchant*", "méchanceté", "mépris*", "défaut*", "problème*",
    "souci*", "reproch*", "mal", "blessant*", "blessé", "blessée", "blessait", "blessure*",
    "énerv*", "agaç*", "agac*", "négli*", "dispute*", "disputait", "engueul*", "boud*", "râl*",
    "susceptib*", "têtu*", "insupportable*", "pénible*", "déçu", "déçue", "décevant*", "déception*",
    "faute*", "tort", "torts", "cachait", "cachott*", "lourd", "lourde", "collant", "collante",
    "étouffant*", "manqué de respect", "manquait de respect", "manque de respect", "irrespectueu*",
    // The idioms of a raised voice, as "raised his voice" above: "jamais un mot plus haut que
    // l'autre" clears the ex.
    "haussé le ton", "hausser le ton", "haussait le ton", "élevé la voix", "élever la voix",
    "élevait la voix", "mot plus haut que l'autre", "gros mot", "gros mots", "mot de travers",
    "mots de travers", "mot dur", "mots durs"};

// Praise of someone: "he was kind to me", "il était parfait avec moi".
const std::vector<std::string> kPraiseWords = {
    // English
    "kind", "kindness", "nice", "sweet", "lovely", "gentle", "patient", "perfect", "great", "good",
    "wonderful", "amazing", "caring", "loving", "supportive", "generous", "fine", "attentive",
    "thoughtful", "considerate", "fair", "honest", "loyal", "faithful", "respectful",
    "understanding", "fun", "funny", "calm", "adorable", "awesome", "incredible", "best", "happy",
    "tender", "affectionate", "reliable", "there for me", "treated me well", "treated me right",
    "sound", "a gem", "a diamond", "a sweetheart", "a saint", "a peach", "a good one",
    "always there", "always been there", "did everything", "does everything",
    // French
    "gentil", "gentille", "gentillesse", "parfait", "parfaite", "patiente", "doux", "douce",
    "attentionné", "attentionnée", "génial", "géniale", "super", "bien", "top", "généreux",
    "généreuse", "tendre", "fidèle", "honnête", "respectueux", "respectueuse", "compréhensif",
    "compréhensive", "formidable", "merveilleux", "merveilleuse", "aimant", "aimante", "drôle",
    "irréprochable", "correct", "correcte", "à l'écoute", "là pour moi", "présent", "présente",
    "attentif", "attentive", "calme", "heureux", "heureuse", "toujours là", "toujours été là",
    "brave homme", "brave femme", "brave type", "une crème", "faisait tout"};

// The writer's feelings and dislikes: a clause of the writer's holding one complains about the
// relationship ("I felt alone", "I didn't like his friends") rather than naming their fault.
const std::vector<std::string> kComplaints = {
    // English
    "didn't like", "did not like", "didnt like", "don't like", "never liked", "hated", "hate",
    "disliked", "couldn't stand", "could not stand", "couldnt stand", "can't stand", "resented",
    "felt", "feel", "feeling", "missed", "wanted", "needed", "wished", "was lonely", "was alone",
    "was bored", "was unhappy", "was sad", "was tired of", "got tired of", "was sick of",
    // French
    "n'aimais pas", "aimais pas", "n'ai pas aimé", "détestais", "supportais pas", "supportais plus",
    "sentais", "senti", "sentie", "m'ennuyais", "manquait", "voulais", "aurais voulu",
    "aurais aimé", "avais besoin", "étais malheureux", "étais malheureuse", "en avais marre"};

// The complaints that are dislikes: aimed at the writer ("I didn't like who I was", "je
// n'aimais pas ce que j'étais devenue") they name the writer's own faults.
const std::vector<std::string> kDislikes = {
    "didn't like",    "did not like",    "didnt like",    "don't like",     "do not like",
    "dont like",      "never liked",     "hated",         "hate",           "disliked",
    "couldn't stand", "could not stand", "couldnt stand", "can't stand",    "n'aimais pas",
    "aimais pas",     "n'ai pas aimé",   "détestais",     "supportais pas", "supportais plus"};

// Words that start a new clause (kept as its first word).
const std::vector<std::string> kConjunctions = {
    "and",   "but",     "because", "cause",    "cuz",    "since", "while", "whereas", "when",
    "so",    "or",      "then",    "although", "though", "et",    "mais",  "parce",   "car",
    "quand", "lorsque", "alors",   "puisque",  "tandis", "donc",  "ou",    "puis",    "whenever",
    "until", "till",    "before",  "after",    "jusqu'", "avant", "après"};

// Conjunctions of time: the clause they start sets the scene of another ("I sulked when they
// saw their friends", "je fouillais son téléphone quand il dormait").
const std::vector<std::string> kCircumstances = {"when",    "whenever", "while", "until",
                                                 "till",    "before",   "after", "quand",
                                                 "lorsque", "jusqu'",   "avant", "après"};

// Hedges that are none when the sentence says what the writer would do (hedged() below):
// "I'd go tonight if she called".
const std::vector<std::string> kConditionals = {"if", "even if", "si", "s'il", "même si"};

// ---- Reading an answer: sentences, then clauses -------------------------------------------

// A sentence of folded words. `end` is how it ends: '.', '!', '?', ';' or '\n' (a line end),
// 'e' for a trailing ellipsis ("Oui…", "Yes..."), 0 at the end of the answer. `cuts` are the
// word indexes where a comma, colon, bracket or spaced dash splits it.
struct Sentence {
  std::vector<std::string> words;
  std::vector<std::size_t> cuts;
  char end = 0;
};

// Bytes of an arrow or bullet at `i` ("Official reasons? → none", "• his temper"), 0 if none:
// split_words would take these non-ASCII symbols for letters.
std::size_t symbol_at(std::string_view s, std::size_t i) {
  static const char* const symbols[] = {"\u2192", "\u21d2", "\u2794", "\u27a1", "\u2190",
                                        "\u21d0", "\u2022", "\u25e6", "\u25aa", "\u00b7"};
  for (const char* sym : symbols)
    if (s.compare(i, std::char_traits<char>::length(sym), sym) == 0)
      return std::char_traits<char>::length(sym);
  return 0;
}

// The length of the text inside a pair of double quotes opening at `at` when it holds one or
// two words and no punctuation (scare quotes); 0 otherwise, and for quoted speech.
std::size_t scare_quoted(std::string_view folded, std::size_t at) {
  if (folded[at] != '"' || (at > 0 && folded[at - 1] != ' ')) return 0;
  std::size_t close = folded.find('"', at + 1);
  if (close == std::string_view::npos || close == at + 1) return 0;
  std::string_view inner = folded.substr(at + 1, close - at - 1);
  if (std::count(inner.begin(), inner.end(), ' ') > 1 ||
      inner.find_first_of(".,!?;:()\n") != std::string_view::npos)
    return 0;
  return inner.size();
}

std::vector<Sentence> read_sentences(std::string_view folded) {
  std::vector<Sentence> out(1);
  std::string piece;
  auto flush_piece = [&] {
    for (auto& w : split_words(piece))
      out.back().words.push_back(std::move(w));
    piece.clear();
  };
  auto end_sentence = [&](char end) {
    flush_piece();
    if (out.back().words.empty()) {
      // "Yes?? I think?": the second '?' still belongs to "yes"; a bare "…" ends nothing new.
      if (out.size() > 1 && out.back().cuts.empty()) {
        out.pop_back();
        if (end == '?' || end == 'e') out.back().end = end;
        out.emplace_back();
      }
      return;
    }
    out.back().end = end;
    out.emplace_back();
  };
  for (std::size_t i = 0; i < folded.size(); ++i) {
    char c = folded[i];
    if (folded.compare(i, 3, "\u2026") == 0) {
      end_sentence('e');
      i += 2;
    } else if (c == '.' && folded.compare(i, 3, "...") == 0) {
      end_sentence('e');
      while (i + 1 < folded.size() && folded[i + 1] == '.')
        ++i;
    } else if (std::size_t inner = scare_quoted(folded, i)) {
      // Scare quotes ("I'd \"joke\" about it") set a word apart without starting a clause.
      piece.append(folded.substr(i + 1, inner));
      i += inner + 1;
    } else if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n') {
      end_sentence(c);
    } else if (std::size_t len = symbol_at(folded, i)) {
      flush_piece();
      if (!out.back().words.empty()) out.back().cuts.push_back(out.back().words.size());
      i += len - 1;
    } else if (c == ',' || c == ':' || c == '(' || c == ')' || c == '"' ||
               (c == '-' && i > 0 && folded[i - 1] == ' ' && i + 1 < folded.size() &&
                folded[i + 1] == ' ')) {
      flush_piece();
      if (!out.back().words.empty()) out.back().cuts.push_back(out.back().words.size());
    } else {
      piece += c;
    }
  }
  flush_piece();
  if (out.back().words.empty()) out.pop_back();
  return out;
}

enum class Who { None, Writer, Ex, Couple };

// An English object pronoun past a clause's first word names whom the act is done to, not who
// does it: "and took it out on him" keeps the subject of the clause before ("I was exhausted").
// "her" is an object only where no noun follows it ("on her", "her about it"; "her moods" is
// hers).
bool is_object_pronoun(const std::vector<std::string>& words, std::size_t i) {
  const std::string& w = words[i];
  if (w == "him" || w == "them") return true;
  if (w != "her") return false;
  if (i + 1 == words.size()) return true;
  static const char* const after_object[] = {
      "about", "for",  "to",   "when", "because", "that", "again", "anymore", "back", "off",
      "out",   "so",   "too",  "and",  "or",      "but",  "of",    "in",      "at",   "with",
      "like",  "the",  "a",    "an",   "into",    "over", "up",    "down",    "all",  "enough",
      "every", "once", "what", "how",  "why",     "it",   "if",    "or",      "as",   "than"};
  return std::any_of(std::begin(after_object), std::end(after_object),
                     [&](const char* a) { return words[i + 1] == a; });
}

// The ex as the one an act is aimed at, after "for" or "to": "always late for her family's
// dinner", "rude to his mum" tell of the clause's own subject (or the one before), not of the
// ex. "With" and "of" are left out: "always out with his mates" is the ex's doing.
bool is_aimed_at(const std::vector<std::string>& words, std::size_t i) {
  static const char* const aims[] = {"for", "to", "towards", "toward"};
  return i > 0 && std::any_of(std::begin(aims), std::end(aims),
                              [&](const char* a) { return words[i - 1] == a; });
}

// One clause, read for what the rules ask of it.
struct Clause {
  std::vector<std::string> words;
  Who subject = Who::None;    // its own, or the previous clause's when it names no one
  bool fault = false;         // an unnegated fault word ("lies"), or "too" + a word ("too busy")
  bool negated_fault = false; // a fault word under a negation: "he never did anything wrong"
  bool negation = false;
  bool praise = false;           // an unnegated praise word: "kind", "parfait"
  bool exception = false;        // "except", "but", "à part", "sauf": names something
  bool own_cue = false;          // one of the pack's own-fault cues
  bool nil = false;              // a nil phrase, give or take fillers ("I don't know")
  bool empty_of_meaning = false; // only fillers, or an interjection "no" / "non"
  bool writer_pronoun = false;   // its own subject is "I" / "je" / "moi", not "my …"
  bool circumstance = false;     // starts with a conjunction of time ("when he slept")
  bool complaint = false;        // a feeling or dislike: "I felt", "I didn't like", "je détestais"

  // Criticism of whoever is its subject: a fault word, or a negation that is neither a cleared
  // fault nor praise ("he never listened", "il n'était pas gentil").
  bool criticises() const { return fault || (negation && !negated_fault && !praise); }
};

// "my", "mes": the writer's things, not the writer acting.
bool is_possessive_of_writer(const std::string& w) {
  static const char* const possessives[] = {"my",   "mine",   "ma",    "mon",    "mes",
                                            "mien", "mienne", "miens", "miennes"};
  return std::any_of(std::begin(possessives), std::end(possessives),
                     [&](const char* p) { return w == p; });
}

// A third person's possessive that names no one acting: company ("even with his colleagues",
// "avec ses amis"), the object of a gerund ("checking his location": the act is the doer's of
// the clause before) or family, someone else ("his mum", "sa mère").
bool names_someone_else(const std::vector<std::string>& words, std::size_t i,
                        const QuestionMatcher& matcher) {
  static const char* const possessives[] = {"his", "her", "their", "sa",
                                            "son", "ses", "leur",  "leurs"};
  if (std::none_of(std::begin(possessives), std::end(possessives),
                   [&](const char* p) { return words[i] == p; }))
    return false;
  if (i > 0 && (words[i - 1] == "with" || words[i - 1] == "avec")) return true;
  if (i > 0 && words[i - 1].size() > 4 && words[i - 1].ends_with("ing")) return true;
  return i + 1 < words.size() && matcher.is_other_person(words[i + 1]);
}

// The "t" of "can't", "didn't", "wasn't" (split at the apostrophe): no French "t'" (te).
bool is_english_negative_ending(const std::vector<std::string>& words, std::size_t i) {
  static const char* const stems[] = {"can",    "don",     "didn", "doesn", "won",   "wouldn",
                                      "couldn", "shouldn", "isn",  "wasn",  "aren",  "weren",
                                      "haven",  "hasn",    "hadn", "ain",   "mustn", "needn"};
  return words[i] == "t" && i > 0 &&
         std::any_of(std::begin(stems), std::end(stems),
                     [&](const char* s) { return words[i - 1] == s; });
}

// Who the clause is about: the first word naming a person decides, since word order puts the
// subject (the one doing what the clause says) first: "I read his messages" is the writer's
// act. A possessive of the writer's before a partner word ("my ex was cold") names the ex.
// French articles that are also pronoun-set words ("le", "la") name no one.
Who subject_of(const std::vector<std::string>& words, const PhraseBook& phrases,
               const QuestionMatcher& matcher, bool* writer_pronoun) {
  // French "on" is the couple ("on se disputait"); English "on" is a preposition.
  static const char* const not_after_on[] = {
      "the", "a",    "an", "my", "his", "her",  "their", "our", "your", "top",
      "him", "them", "me", "us", "it",  "this", "that",  "and", "time", "weekends"};
  // After English words in its own clause it is English too: "and zone out on film".
  static const char* const english_before_on[] = {
      "the",   "and",    "to",    "of",         "out",     "up",    "off",  "i",    "it",
      "is",    "was",    "were",  "with",       "at",      "in",    "for",  "from", "be",
      "been",  "have",   "had",   "has",        "would",   "just",  "then", "how",  "what",
      "down",  "back",   "so",    "went",       "got",     "spent", "my",   "his",  "her",
      "their", "always", "never", "constantly", "forever", "still", "late"};
  auto english_on = [&](std::size_t i) {
    if (words[i] != "on" || i + 1 >= words.size()) return words[i] == "on";
    for (const char* w : not_after_on)
      if (words[i + 1] == w) return true;
    for (std::size_t j = 0; j < i; ++j)
      for (const char* w : english_before_on)
        if (words[j] == w) return true;
    return false;
  };
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (phrase_at(words, i, phrases.shared_words) && !english_on(i)) return Who::Couple;
    if (phrase_at(words, i, phrases.first_person)) {
      // "I", "je", "moi" act; "my job", "mes amis" are only the writer's things.
      bool possessive = is_possessive_of_writer(words[i]);
      // "my ex was cold", "mon copain": the ex; "je lui faisais des scènes" is the writer acting
      // on the ex.
      if (possessive && i + 1 < words.size() && matcher.refers_to_ex(words[i + 1]) &&
          words[i + 1] != "le" && words[i + 1] != "la" && words[i + 1] != "les")
        return Who::Ex;
      *writer_pronoun = !possessive;
      return Who::Writer;
    }
    // Second person: a draft to the ex ("You did nothing wrong"). The "t" of an English "can't"
    // is no French "t'".
    if (phrase_at(words, i, phrases.second_person) && !is_english_negative_ending(words, i))
      return Who::Ex;
    const std::string& w = words[i];
    if (names_someone_else(words, i, matcher)) continue;
    // French third-person possessives: "sa froideur me blessait" is about the ex.
    if (w == "sa" || w == "son" || w == "ses" || w == "leur" || w == "leurs") return Who::Ex;
    if (w != "le" && w != "la" && w != "les" && w != "l" && w != "e" && matcher.refers_to_ex(w) &&
        !(i > 0 && (is_object_pronoun(words, i) || is_aimed_at(words, i))))
      return Who::Ex;
  }
  return Who::None;
}

// A dislike whose object is the writer: "I didn't like who I was by the end", "how I'd shut
// down", "je n'aimais pas ce que j'étais devenue". The first person named after the dislike
// is the writer ("I", "je", not "my"), and nothing in the clause makes them the one suffering
// it ("how I was treated", "that I had to do everything", "how I felt").
bool dislikes_writer(const std::vector<std::string>& w, const PhraseBook& phrases,
                     const QuestionMatcher& matcher) {
  std::size_t len = 0;
  std::size_t at = find_any(w, phrases.dislikes, &len);
  if (at == std::string::npos) return false;
  static const char* const suffered[] = {
      "treated", "made",   "felt",    "feel",      "feeling", "had",     "have",   "has",
      "alone",   "lonely", "ignored", "invisible", "traite",  "traitee", "devais", "fallait",
      "sentais", "seul",   "seule",   "ignore",    "ignoree", "oblige",  "obligee"};
  for (std::size_t i = at + len; i < w.size(); ++i)
    if (std::any_of(std::begin(suffered), std::end(suffered),
                    [&](const char* s) { return w[i] == s; }))
      return false;
  for (std::size_t i = at + len; i < w.size() && i < at + len + 5; ++i) {
    if (phrase_at(w, i, phrases.first_person)) return !is_possessive_of_writer(w[i]);
    bool article = w[i] == "le" || w[i] == "la" || w[i] == "les" || w[i] == "l";
    if ((!article && matcher.refers_to_ex(w[i])) || phrase_at(w, i, phrases.second_person) ||
        phrase_at(w, i, phrases.shared_words) || matcher.is_other_person(w[i]))
      return false;
  }
  return false;
}

// Verbs of leaving or wronging that a writer denies in their own defence ("I didn't go
// anywhere", "I never cheated"), folded as the judge reads words. Not in the pack's phrase
// lists (the pack format has no key for verbs yet): both languages' forms are listed here.
bool names_staying_put(const std::string& w) {
  static const char* const verbs[] = {"go",    "leave",   "left", "walk", "walked", "move", "moved",
                                      "cheat", "cheated", "lie",  "lied", "quit",   "run",  "ran"};
  for (const char* v : verbs)
    if (w == v) return true;
  return false;
}

// "deserve" and its forms, both languages, folded ("méritait" is "meritait").
bool is_deserving(const std::string& w) {
  static const char* const forms[] = {"deserve",  "deserved", "deserves", "merite",
                                      "meritait", "meriter",  "meritais", "merites"};
  for (const char* f : forms)
    if (w == f) return true;
  return false;
}

Clause read_clause(std::vector<std::string> words, const PhraseBook& phrases,
                   const QuestionMatcher& matcher) {
  Clause c;
  c.words = std::move(words);
  const auto& w = c.words;
  c.subject = subject_of(w, phrases, matcher, &c.writer_pronoun);
  c.complaint = find_any(w, phrases.complaints) != std::string::npos;
  c.circumstance = phrase_at(w, 0, phrases.circumstances) > 0;
  c.nil = is_nil_phrase(w, phrases);
  std::vector<std::string> core = without_fillers(w, phrases);
  c.empty_of_meaning =
      core.empty() ||
      std::all_of(core.begin(), core.end(), [](const std::string& x) { return is_bare_no(x); });
  // "I didn't go anywhere", "I never left": the writer's defence, no fault owned.
  for (std::size_t at = 0, length = 0;
       (at = find_any(w, phrases.own_fault_cues, &length, at)) != std::string::npos; at += length) {
    if (at + length < w.size() && w[at] == "i" && names_staying_put(w[at + length])) continue;
    c.own_cue = true;
    break;
  }
  if (c.complaint && dislikes_writer(w, phrases, matcher)) {
    c.complaint = false;
    c.own_cue = true;
  }
  c.exception = find_any(w, phrases.exceptions) != std::string::npos;
  bool negated = false; // a negation seen earlier in the clause
  for (std::size_t i = 0; i < w.size();) {
    // A filler is no fault: "I mean" holds no "mean".
    if (std::size_t len = phrase_at(w, i, phrases.fillers); len > 1) {
      i += len;
      continue;
    }
    if (is_negation(w, i, phrases)) {
      negated = c.negation = true;
      ++i;
      continue;
    }
    // "too busy" complains, "kind too" does not; French "trop gentil" praises, "trop de
    // disputes" and "il buvait trop" complain.
    if (w[i] == "too" || w[i] == "trop") {
      bool praise_next = i + 1 < w.size() && phrase_at(w, i + 1, phrases.praise_words);
      if (praise_next && w[i] == "trop") {
        c.praise = c.praise || !negated;
        i += 2;
        continue;
      }
      if (w[i] == "trop" || (i + 1 < w.size() && !praise_next)) {
        (negated ? c.negated_fault : c.fault) = true;
        ++i;
        continue;
      }
    }
    // "everything that went wrong", "where it goes wrong": something happened, no one's fault
    // named.
    if (i + 1 < w.size() && w[i + 1] == "wrong" &&
        (w[i] == "went" || w[i] == "go" || w[i] == "goes" || w[i] == "gone" || w[i] == "going")) {
      i += 2;
      continue;
    }
    // "She didn't deserve that", "elle ne méritait pas ça": the ex cleared.
    if (negated && is_deserving(w[i])) {
      c.negated_fault = true;
      ++i;
      continue;
    }
    if (std::size_t len = phrase_at(w, i, phrases.fault_words)) {
      (negated ? c.negated_fault : c.fault) = true;
      i += len;
      continue;
    }
    if (std::size_t len = phrase_at(w, i, phrases.praise_words)) {
      if (!negated) c.praise = true;
      i += len;
      continue;
    }
    ++i;
  }
  // "C'est moi le problème, pas iel", "me, not him": the ex named only to be cleared.
  if (c.negation && !c.fault && !c.praise && c.subject == Who::Ex) {
    std::vector<std::string> core = without_fillers(w, phrases);
    if (core.size() == 2 && is_negation(core, 0, phrases)) c.negated_fault = true;
  }
  return c;
}

// A new subject and its verb right after a nil reply typed without a stop: "nothing tbh he was
// perfect", "nothin she was good to me", "rien il était parfait". In English only before a form
// of "be" or "have" (or "always"/"never"): "Nothing he did was enough" is one clause, whose
// "nothing" is not a nil reply. French puts "que" before such a relative clause, so any word
// after its pronoun will do.
bool opens_clause_after_nil(const std::vector<std::string>& words, std::size_t i) {
  static const char* const english[] = {"he", "she", "they", "we"};
  static const char* const french[] = {"il", "elle", "ils", "elles", "on"};
  static const char* const verbs[] = {"was", "were", "is",     "s",     "has",    "had",
                                      "re",  "been", "always", "never", "treated"};
  auto in = [](const std::string& w, const auto& list) {
    return std::any_of(std::begin(list), std::end(list), [&](const char* x) { return w == x; });
  };
  if (i + 1 >= words.size()) return false;
  if (in(words[i], french)) return true;
  return in(words[i], english) && in(words[i + 1], verbs);
}

// The clauses of the given sentences: each sentence cut at its commas and at conjunctions
// ("and", "because", "mais"), the conjunction kept at the start of its clause. A clause naming
// no one takes the previous clause's subject ("He was cold, distant, never home").
std::vector<Clause> read_clauses(const std::vector<Sentence>& sentences, const PhraseBook& phrases,
                                 const QuestionMatcher& matcher) {
  std::vector<Clause> out;
  Who last = Who::None;
  bool last_pronoun = false;
  for (const auto& s : sentences) {
    std::vector<std::string> words;
    std::size_t next_cut = 0;
    auto flush = [&] {
      if (words.empty()) return;
      Clause c = read_clause(std::move(words), phrases, matcher);
      words.clear();
      if (c.subject == Who::None) {
        c.subject = last;
        c.writer_pronoun = last_pronoun;
      }
      // A circumstance is subordinate: "The way I got when he went out: texting every half
      // hour" goes on with the writer, not with "he".
      if (!c.circumstance) {
        last = c.subject;
        last_pronoun = c.writer_pronoun;
      }
      out.push_back(std::move(c));
    };
    // Conjunctions in a row open one clause ("and then I go quiet"): alone, "and" would take
    // the subject of the clause before it.
    bool only_conjunctions = false;
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      bool cut = next_cut < s.cuts.size() && s.cuts[next_cut] == i;
      if (cut) ++next_cut;
      bool conjunction = phrase_at(s.words, i, phrases.conjunctions) > 0;
      if (cut || (conjunction && !only_conjunctions) ||
          (!words.empty() && opens_clause_after_nil(s.words, i) && is_nil_phrase(words, phrases)))
        flush();
      only_conjunctions = conjunction && (words.empty() || only_conjunctions);
      words.push_back(s.words[i]);
    }
    flush();
  }
  return out;
}

// All the words of the answer, one sentence list over its lines (each line ends a sentence),
// hurried spellings read as the words they stand for ("nuthin", "bc", "tt").
std::vector<Sentence> answer_sentences(const std::vector<AnswerLine>& lines,
                                       const PhraseBook& phrases) {
  std::string text;
  for (const auto& line : lines)
    text += fold_for_match(line.text) + "\n";
  std::vector<Sentence> sentences = read_sentences(text);
  if (phrases.spellings.empty()) return sentences;
  for (auto& s : sentences) {
    if (std::none_of(s.words.begin(), s.words.end(),
                     [&](const std::string& w) { return phrases.spellings.count(w); }))
      continue;
    std::vector<std::string> words;
    std::size_t next_cut = 0;
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      while (next_cut < s.cuts.size() && s.cuts[next_cut] == i)
        s.cuts[next_cut++] = words.size();
      if (auto it = phrases.spellings.find(s.words[i]); it != phrases.spellings.end())
        words.insert(words.end(), it->second.begin(), it->second.end());
      else
        words.push_back(std::move(s.words[i]));
    }
    while (next_cut < s.cuts.size())
      s.cuts[next_cut++] = words.size();
    s.words = std::move(words);
  }
  return sentences;
}

// ---- The facts ----------------------------------------------------------------------------

// A nil reply: the answer is one ("Nothing, really."), or starts with one that ends its clause
// and goes on with clauses that name nothing: no exception ("except his temper", "à part ses
// mensonges") and no fault of the writer's (an own-fault cue, or a fault word in a clause of
// theirs). What else names something depends on what the question asks:
// - about the relationship (why.disliked, and every question outside the wrongs step): a fault
//   word in any clause ("Nothing. He lied all the time."), or a clause criticising the ex or
//   the couple ("he never listened"). Praise ("He was kind to me", "il était parfait avec
//   moi"), a cleared fault ("he never did anything wrong"), neutral words ("She was fine I
//   guess") and the writer's own doubts ("I don't think there was anything") keep it nil.
// - about the writer's own wrongs (wrongs.scope): only the writer's faults; blaming the ex
//   after "nothing" ("Nothing, she blamed me for stuff that was hers") is the nil reply the
//   rule is about (the ex gets all the blame).
// "I don't know why he lied" and "Nothing he did was enough" say more than a nil: the nil must
// end its clause.
bool nil_reply(const std::vector<AnswerLine>& cleaned, const std::vector<std::string>& all,
               const QuestionSpec& question, const PhraseBook& phrases,
               const QuestionMatcher& matcher) {
  // The whole answer is a nil phrase, fillers aside (wherever they are).
  if (all.size() <= 10 && is_nil_phrase(all, phrases)) return true;
  // Beyond this length an answer that starts "Nothing" is an essay, not a nil reply.
  if (all.size() > 40) return false;
  // Cheap first: most answers do not start with a nil phrase at all.
  std::vector<std::string> core = without_fillers(all, phrases);
  // "Nah. None of it.": an interjection before the nil reply only says no again.
  std::size_t first = 0;
  while (first < core.size() && is_bare_no(core[first]))
    ++first;
  if (std::none_of(phrases.nil_replies.begin(), phrases.nil_replies.end(),
                   [&](const Phrase& n) { return matches_at(core, first, n); }))
    return false;
  std::vector<Clause> clauses = read_clauses(answer_sentences(cleaned, phrases), phrases, matcher);
  std::size_t i = 0;
  while (i < clauses.size() && (without_fillers(clauses[i].words, phrases).empty() ||
                                (first > 0 && clauses[i].empty_of_meaning)))
    ++i; // "Honestly? Nothing.", "Nah. None of it."
  if (i == clauses.size() || !clauses[i].nil) return false;
  const bool own_wrongs = question.step == "wrongs";
  for (++i; i < clauses.size(); ++i) {
    const Clause& c = clauses[i];
    if (c.nil || c.empty_of_meaning) continue;
    if (c.exception || c.own_cue || (c.subject == Who::Writer && c.fault)) return false;
    if (own_wrongs) continue;
    if (c.fault) return false;
    if ((c.subject == Who::Ex || c.subject == Who::Couple) && c.criticises()) return false;
  }
  return true;
}

// A clause that is only the writer, as the answer to what they disliked: "Me.", "Moi-même,
// surtout.", "Honestly? Me.", "all me".
bool names_only_writer(const Clause& c, const PhraseBook& phrases) {
  static const char* const self[] = {"me", "myself", "moi"};
  static const char* const degree[] = {"meme", "mostly", "mainly", "surtout", "all", "just"};
  auto in = [](const std::string& w, const auto& list) {
    return std::any_of(std::begin(list), std::end(list), [&](const char* x) { return w == x; });
  };
  std::vector<std::string> core = without_fillers(c.words, phrases);
  if (core.size() > 3) return false;
  bool self_named = false;
  for (const auto& w : core) {
    if (in(w, self))
      self_named = true;
    else if (!in(w, degree))
      return false;
  }
  return self_named;
}

// Only the writer's faults, in a clause-by-clause reading: no clause about the couple ("we
// fought"), none about the ex ("she kept score", "her phone at dinner", "because she flirted")
// unless it praises or clears them ("he was always patient", "he never did anything wrong") or
// only sets the scene without a fault ("when they went out"); none where the writer complains
// ("I felt alone", "I didn't like his friends"); and the writer's faults named, by an
// own-fault cue ("I was clingy", "my temper") or by clauses that all have the writer acting
// ("Je rentrais tard sans prévenir et je faisais la tête"). The ex may appear as an object
// ("I was jealous of his friends and I read his messages").
bool own_faults_only(const std::vector<AnswerLine>& cleaned, const std::vector<std::string>& all,
                     const PhraseBook& phrases, const QuestionMatcher& matcher) {
  bool cue = find_any(all, phrases.own_fault_cues) != std::string::npos;
  bool all_writer_acts = true, any = false;
  std::vector<Clause> clauses = read_clauses(answer_sentences(cleaned, phrases), phrases, matcher);
  // "Elle, rien à redire", "Him? Nothing.": the ex set up as the topic of a nil reply that
  // clears them.
  auto nil_of_ex = [](const Clause& x) { return x.subject == Who::Ex && x.nil && !x.fault; };
  for (std::size_t k = 0; k < clauses.size(); ++k) {
    const Clause& c = clauses[k];
    if (c.empty_of_meaning) continue;
    if (c.subject == Who::Ex && c.words.size() == 1 && k + 1 < clauses.size() &&
        nil_of_ex(clauses[k + 1]))
      continue;
    any = true;
    cue = cue || c.own_cue || names_only_writer(c, phrases);
    if (c.subject == Who::Couple && !c.circumstance) return false;
    // The ex's family or friends as what the writer disliked ("Her sister on the phone every
    // night"): the ex's side, no fault of the writer's.
    if (c.subject == Who::None && !c.circumstance)
      for (std::size_t i = 0; i < c.words.size(); ++i)
        if (names_someone_else(c.words, i, matcher)) return false;
    if (c.subject == Who::Ex && !nil_of_ex(c) &&
        (c.criticises() || !(c.praise || c.negated_fault || c.circumstance)))
      return false;
    if (c.subject == Who::Writer && c.complaint) return false;
    // "when he was away", "when we fight" only set the scene of the writer's act.
    if ((c.subject == Who::Ex || c.subject == Who::Couple) && c.circumstance) continue;
    all_writer_acts = all_writer_acts && c.subject == Who::Writer && c.writer_pronoun;
  }
  return any && (cue || all_writer_acts);
}

// Verbs that report someone else's words or opinion, or put blame on someone ("he put all
// the blame on me"). Not in the pack's phrase lists (the pack format has no key for them yet),
// so both languages' forms are listed here, folded.
bool is_reporting_verb(const std::string& w) {
  static const char* const verbs[] = {
      "said", "says", "say", "saying", "told", "tells", "tell", "thinks", "thought", "think",
      "claims", "claimed", "claim", "accused", "accuses", "accuse", "blamed", "blames", "blame",
      "insisted", "insists", "wrote", "writes", "texted", "shouted", "yelled", "believes",
      "believed", "put", "puts", "putting", "gave", "gives", "laid", "lays", "pinned", "placed",
      "dit", "disait", "dire", "pense", "pensait", "accusait", "reproche", "reprochait", "ecrit",
      "affirme", "affirmait", "repetait", "crie", "criait", "mettait", "met", "rejette", "rejetait",
      "rejete",
      // Second person, as drafts speak to the ex: "tu me dis que tout est de ma faute".
      "dis", "disais", "reproches", "reprochais", "accuses", "accusais", "penses", "pensais",
      "trouves", "trouvais", "ecris", "ecrivais"};
  for (const char* v : verbs)
    if (w == v) return true;
  return false;
}

// "He said it was all my fault", "Alex kept telling me it was all my fault", "You always
// said it was my fault": the ex's accusation reported, not the writer's own view. Needs,
// before `at`, a word naming the ex (a second-person word counts: drafts speak to them) and a
// reporting verb after it. A name no setting gave, right before the verb ("Jérôme dit que tout
// est de ma faute"), is someone's too: the ex's, or anyone's but the writer's.
// `names_too`: only where the words reported are the accusation itself; a line around a quote
// ("Joan says it is too much") tells whose the quote is, and a friend's opinion of it is not.
bool reported_speech(const std::vector<std::string>& words, std::size_t at,
                     const PhraseBook& phrases, const QuestionMatcher& matcher,
                     bool names_too = false) {
  bool ex_seen = false, writer_seen = false; // "Deep down I kinda think": the writer's
  bool writer_speaks = false; // the writer named first: "je vais lui dire que…" is theirs
  for (std::size_t i = 0; i < at && i < words.size(); ++i) {
    bool first_person = phrase_at(words, i, phrases.first_person) > 0;
    writer_speaks = writer_speaks || first_person;
    writer_seen = writer_seen || (names_too && first_person);
    if (names_too && i > 0 && !writer_seen && is_reporting_verb(words[i]) &&
        words[i - 1].size() > 1 && matcher.is_unknown_word(words[i - 1]))
      return true;
    // The ex as whom the writer speaks to ("je lui dis", "I told him") reports nothing of theirs.
    bool spoken_to = writer_speaks && (is_object_pronoun(words, i) || words[i] == "lui" ||
                                       words[i] == "te" || words[i] == "t");
    if ((matcher.refers_to_ex(words[i]) || phrase_at(words, i, phrases.second_person)) &&
        !spoken_to)
      ex_seen = true;
    else if (ex_seen &&
             (is_reporting_verb(words[i]) || (words[i].size() > 4 && words[i].starts_with("tell"))))
      return true;
  }
  return false;
}

// Nouns for the ex's words: "his words", "her last text", "ses mots".
bool is_message_noun(const std::string& w) {
  static const char* const nouns[] = {"words", "message", "messages", "text",     "texts",
                                      "email", "letter",  "note",     "mots",     "paroles",
                                      "texto", "sms",     "lettre",   "courriel", "mail"};
  for (const char* n : nouns)
    if (w == n) return true;
  return false;
}

// A line around a block quote that gives the quote to the ex: "He wrote:", "Her text, word
// for word:", "Il m'a dit :" before it; "That is what he wrote to me." or "(his words)" after
// it. Only the sentence next to the quote is read (the last before it, the first after it), and
// only a short one: "He left in March. Here is my draft:" gives the draft to no one else.
bool gives_quote_to_ex(std::string_view line, bool before_quote, const PhraseBook& phrases,
                       const QuestionMatcher& matcher) {
  std::vector<Sentence> sentences = read_sentences(fold_for_match(trim(line)));
  if (sentences.empty()) return false;
  const auto& words = before_quote ? sentences.back().words : sentences.front().words;
  if (words.size() > 10) return false;
  if (reported_speech(words, words.size(), phrases, matcher)) return true;
  for (std::size_t i = 0; i + 1 < words.size(); ++i)
    if (matcher.refers_to_ex(words[i]) &&
        (is_message_noun(words[i + 1]) || (i + 2 < words.size() && is_message_noun(words[i + 2]))))
      return true;
  return false;
}

// Whether the sentence after sentences[s] opens by denying it: "Marcus says it was all my
// fault. It wasn't, but the drinking was mine." Not in the pack's phrase lists (the pack
// format has no key for them yet): both languages' forms, folded, words apart.
bool denied_next(const std::vector<Sentence>& sentences, std::size_t s) {
  if (s + 1 >= sentences.size()) return false;
  static const std::vector<std::vector<std::string>> denials = {{"it", "wasn", "t"},
                                                                {"it", "was", "not"},
                                                                {"it", "isn", "t"},
                                                                {"it", "is", "not"},
                                                                {"that", "s", "not", "true"},
                                                                {"that", "isn", "t", "true"},
                                                                {"not", "true"},
                                                                {"untrue"},
                                                                {"it", "wasnt"},
                                                                {"it", "isnt"},
                                                                {"ce", "n", "est", "pas", "vrai"},
                                                                {"c", "est", "faux"},
                                                                {"pas", "vrai"},
                                                                {"faux"},
                                                                {"ce", "n", "etait", "pas", "vrai"},
                                                                {"c", "etait", "faux"}};
  const auto& next = sentences[s + 1].words;
  for (const auto& d : denials)
    if (next.size() >= d.size() && std::equal(d.begin(), d.end(), next.begin())) return true;
  return false;
}

// The line of the first 100% self-blame in the writer's own words, or -1. Block quotes count
// (a draft of the message to send is often quoted), except a quote that the line before or
// after gives to the ex. In a sentence, a negation just before the phrase or the ex's
// reported accusation clears it; in the answer, a clause giving the ex or the couple a fault
// ("you hurt me too", "we both messed up") shares the blame, so it is not 100%.
// "Everything that went wrong between us was my fault", "all of it is on me", "tout ce qui
// s'est passé est de ma faute": the whole of what happened, given to the writer within a few
// words. The position of the phrase that gives it, or npos.
std::size_t everything_given_to_writer(const std::vector<std::string>& words) {
  static const std::vector<std::vector<std::string>> wholes = {{"everything"},
                                                               {"all", "of", "it"},
                                                               {"every", "bit", "of", "it"},
                                                               {"tout", "ce", "qui"},
                                                               {"tout", "ce", "que"}};
  static const std::vector<std::vector<std::string>> given = {{"my", "fault"},
                                                              {"on", "me"},
                                                              {"my", "doing"},
                                                              {"down", "to", "me"},
                                                              {"ma", "faute"},
                                                              {"sur", "moi"},
                                                              {"a", "cause", "de", "moi"}};
  auto at = [&](std::size_t i, const std::vector<std::string>& p) {
    return i + p.size() <= words.size() && std::equal(p.begin(), p.end(), words.begin() + i);
  };
  for (std::size_t i = 0; i < words.size(); ++i)
    for (const auto& whole : wholes) {
      if (!at(i, whole)) continue;
      for (std::size_t j = i + whole.size(); j < words.size() && j <= i + whole.size() + 8; ++j)
        for (const auto& g : given)
          if (at(j, g)) return j;
    }
  return std::string::npos;
}

// A line that is one quotation from its first character: the writer's draft written in
// quotation marks, read as a block-quoted draft is. A quotation that opens after other words
// ("she said \"it's all your fault\"") is someone else's and is left out.
std::string own_words_of(std::string_view folded) {
  std::string_view t = trim(folded);
  if (!t.empty() && t.front() == '"') {
    std::string out(t.substr(1));
    std::erase(out, '"');
    return out;
  }
  return without_quoted(folded);
}

int self_blame_line(const std::vector<AnswerLine>& cleaned, const PhraseBook& phrases,
                    const QuestionMatcher& matcher) {
  int found = -1;
  std::vector<AnswerLine> own_words;
  for (const auto& line : cleaned) {
    if (line.quoted && (gives_quote_to_ex(line.quote_intro, true, phrases, matcher) ||
                        gives_quote_to_ex(line.quote_outro, false, phrases, matcher)))
      continue;
    own_words.push_back(line);
    if (found >= 0) continue;
    // Sentence by sentence: a negation or a "he said" in one sentence says nothing about the
    // next ("I won't repeat that. It was all my fault.").
    auto sentences = read_sentences(own_words_of(fold_for_match(line.text)));
    for (std::size_t s = 0; s < sentences.size(); ++s) {
      const auto& words = sentences[s].words;
      auto takes_it_all = [&](std::size_t at) {
        return !negated_before(words, at, phrases) &&
               !reported_speech(words, at, phrases, matcher, /*names_too=*/true) &&
               !denied_next(sentences, s);
      };
      std::size_t len = 0;
      for (std::size_t at = find_any(words, phrases.self_blame, &len); at != std::string::npos;
           at = find_any(words, phrases.self_blame, &len, at + 1)) {
        if (takes_it_all(at)) {
          found = line.line;
          break;
        }
      }
      if (found < 0) {
        std::size_t at = everything_given_to_writer(words);
        if (at != std::string::npos && takes_it_all(at)) found = line.line;
      }
      if (found >= 0) break;
    }
  }
  if (found < 0) return -1;
  // The clause that takes it all is no share given ("Everything that went wrong between us
  // was my fault" names the couple).
  for (const Clause& c : read_clauses(answer_sentences(own_words, phrases), phrases, matcher))
    if ((c.subject == Who::Ex || c.subject == Who::Couple) && c.fault &&
        find_any(c.words, phrases.self_blame) == std::string::npos &&
        everything_given_to_writer(c.words) == std::string::npos)
      return -1;
  return found;
}

// A verb in the conditional mood, the main clause that goes with an "if" when the writer says
// what they would do ("I'd take the train tonight if she called", "je prendrais le train s'il
// m'appelait"): "would", "'d", or a French -rais/-rait/-rions/-riez/-raient form.
bool conditional_mood(const std::vector<std::string>& words) {
  static const char* const endings[] = {"rais", "rait", "rions", "riez", "raient"};
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w == "would" || (w == "d" && i > 0)) return true; // "I'd" splits into "i", "d"
    for (const char* end : endings)
      if (w.size() > 5 && w.ends_with(end)) return true; // not "vrais", "frais"
  }
  return false;
}

// A hedge in a sentence. "if" / "si" is none when the sentence says what the writer would do
// (above): that shows how sure the yes is ("if he walked in right now I'd put the kettle on"),
// while "Yes, if he changes" puts a condition on it. "only if", "as long as" always hedge.
// After a yes already said, an "if" hedges it only as a condition standing alone ("Yes. If
// he stops drinking."): a sentence that goes on past its condition, or holds it after its
// main clause, says something else ("Yes. If she says no I'll still know I tried.", "I'd pack
// tomorrow if he asked.", "even if it takes her months").
bool hedged(const std::vector<std::string>& words, const PhraseBook& phrases,
            bool after_yes = false) {
  // The main clause of a condition that opens its sentence: the writer's future ("I'll",
  // "ill", "will") or "still" ("if she says no I still tried").
  static const char* const kMainClause[] = {"will", "ll", "ill", "still", "toujours"};
  // Or the writer acting, once the condition has its own subject and verb: "If she says yes
  // tomorrow I'm on the first bus", "Si elle veut, on recommence demain".
  static const char* const kWriterSubject[] = {"i", "we", "je", "j", "on", "nous"};
  auto has_main_clause = [&](std::size_t from) {
    for (std::size_t k = from; k < words.size(); ++k) {
      for (const char* w : kMainClause)
        if (words[k] == w) return true;
      if (k >= from + 2)
        for (const char* w : kWriterSubject)
          if (words[k] == w) return true;
    }
    return false;
  };
  std::size_t len = 0;
  for (std::size_t i = find_any(words, phrases.hedges, &len); i != std::string::npos;
       i = find_any(words, phrases.hedges, &len, i + len)) {
    // "Every part of me says yes": the whole of the writer, no part of them.
    if (i > 0 && (words[i - 1] == "every" || words[i - 1] == "chaque")) continue;
    bool conditional = phrase_at(words, i, phrases.conditionals) == len;
    // "Even if we start from nothing", "même si": granted, not asked for.
    bool concessive = words[i] == "even" || words[i] == "meme";
    if (conditional && after_yes && (concessive || i > 0 || has_main_clause(i + len))) continue;
    if (!conditional || !conditional_mood(words)) return true;
  }
  return false;
}

// A clear, unhedged yes: a yes with no negation just before or after it ("not yes",
// "definitely not") and no "no" after it in its sentence; that sentence must not end in '?' or
// trail off ("Oui…"); no sentence may hold a hedge (see hedged()), a '?' (except a word of
// filler before the yes: "Honestly? Yes.") or, after the yes, a "no" standing alone ("Yes. No.
// I don't know."). So a yes may go on ("Yes, absolutely. I'd take the train tonight if she
// called.") but not hedge ("Yes?? I think?", "Mostly", "Yes, but…", "Oui… enfin je crois").
bool clear_yes(const std::vector<AnswerLine>& cleaned, const PhraseBook& phrases) {
  std::vector<Sentence> sentences = answer_sentences(cleaned, phrases);
  std::size_t yes_sentence = sentences.size();
  bool unconditional = false; // "Yes. No hesitation.": the sentences after speak of other things
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const auto& words = sentences[s].words;
    bool before_yes = yes_sentence == sentences.size();
    if (!before_yes && !unconditional) {
      // "No hesitation.", "Franchement oui, sans hésiter.": no hedge before it in its sentence.
      std::size_t u = find_any(words, phrases.unconditional);
      unconditional =
          u != std::string::npos &&
          !hedged(std::vector<std::string>(words.begin(), words.begin() + u), phrases, true);
    }
    if (unconditional) continue;
    if (hedged(words, phrases, !before_yes)) return false;
    std::vector<std::string> core = without_fillers(words, phrases);
    std::size_t len = 0;
    std::size_t at = before_yes ? find_any(words, phrases.clear_yes, &len) : std::string::npos;
    if (at == std::string::npos) {
      if (sentences[s].end == '?' && !(before_yes && core.empty())) return false;
      // "Not unanimous. Part of me says yes.": a denial before the yes takes it back.
      if (before_yes)
        for (std::size_t i = 0; i < words.size(); ++i)
          if (is_negation(words, i, phrases) && !phrase_at(words, i, phrases.unconditional))
            return false;
      if (!before_yes && core.size() == 1 && is_bare_no(core[0])) return false;
      continue;
    }
    yes_sentence = s;
    if (negated_before(words, at, phrases)) return false;
    if (at + len < words.size() && is_negation(words, at + len, phrases) &&
        !phrase_at(words, at + len, phrases.clear_yes)) // "definitely not", not "yes, no doubt"
      return false;
    if (sentences[s].end == '?' || sentences[s].end == 'e') return false;
    // "Yes, no…", "oui, non", "yeah nah": a "no" after the yes takes it back ("no doubt" does
    // not).
    for (std::size_t i = at + len; i < words.size(); ++i)
      if (is_bare_no(words[i]) && !phrase_at(words, i, phrases.clear_yes) &&
          !phrase_at(words, i, phrases.unconditional))
        return false;
    // "Oui, sans réserve.", "Yes, no hesitation": said unconditional in its own sentence.
    for (std::size_t i = at + len; i < words.size() && !unconditional; ++i)
      unconditional = phrase_at(words, i, phrases.unconditional);
  }
  return yes_sentence < sentences.size();
}

} // namespace

PhraseBook::PhraseBook(const Pack& pack) {
  std::vector<std::string> nil, fill, todo, label, own, self, neg, yes, hedge, shared, first,
      second, holder, unconditional_yes;
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
    add(unconditional_yes, lang.unconditional);
    add(hedge, lang.hedges);
    add(shared, lang.shared_words);
    add(first, lang.first_person);
    add(second, lang.second_person);
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
  unconditional = split_all(unconditional_yes);
  hedges = split_all(hedge);
  shared_words = split_all(shared);
  first_person = split_all(first);
  second_person = split_all(second);
  exceptions = split_all(kExceptions);
  fault_words = split_all(kFaultWords);
  praise_words = split_all(kPraiseWords);
  conjunctions = split_all(kConjunctions);
  circumstances = split_all(kCircumstances);
  complaints = split_all(kComplaints);
  dislikes = split_all(kDislikes);
  conditionals = split_all(kConditionals);
  for (const auto& h : holder) {
    std::string key = placeholder_key(h);
    if (!key.empty()) placeholders.push_back(key);
  }
  // A hurried spelling stands for its words unless a phrase list writes it as it is ("idk",
  // "dunno" are nil replies of their own).
  std::unordered_set<std::string> written;
  for (const auto* list :
       {&nil_replies,   &fillers,    &todo_words,    &labels,       &own_fault_cues, &self_blame,
        &negations,     &clear_yes,  &unconditional, &hedges,       &shared_words,   &first_person,
        &second_person, &exceptions, &fault_words,   &praise_words, &conjunctions,   &circumstances,
        &complaints,    &dislikes,   &conditionals})
    for (const auto& phrase : *list)
      written.insert(phrase.begin(), phrase.end());
  for (const auto& lang : pack.languages())
    for (const auto& [typed, meant] : lang.spellings) {
      auto key = split_words(fold_for_match(typed));
      auto parts = split_words(fold_for_match(meant));
      if (key.size() == 1 && !parts.empty() && !written.count(key.front()))
        spellings.try_emplace(key.front(), std::move(parts));
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

namespace {

// The text without its struck-out spans ("~~…~~"); an unclosed "~~" is kept as written.
std::string without_struck_out(std::string_view text) {
  std::string out;
  std::size_t from = 0;
  for (std::size_t open = text.find("~~"); open != std::string_view::npos;
       open = text.find("~~", from)) {
    std::size_t close = text.find("~~", open + 2);
    if (close == std::string_view::npos) break;
    out.append(text.substr(from, open - from));
    from = close + 2;
  }
  out.append(text.substr(from));
  return out;
}

} // namespace

// "Modifié le 12 oct. 2026", "Last edited 3 Nov 2026", "Updated: 2026-11-03": the note tool's
// stamp of an edit, a date after it, never the writer's answer. Built in, both languages.
bool is_edit_stamp(const std::vector<std::string>& words, std::string_view text) {
  static const std::unordered_set<std::string> stamps = {
      "modified", "edited", "updated", "created", "modifie", "modifiee", "cree", "creee", "maj"};
  constexpr std::size_t kMostStampWords = 8;
  std::size_t first = words.size() > 1 && (words[0] == "last" || words[0] == "derniere") ? 1 : 0;
  if (words.size() > kMostStampWords || !stamps.count(words[first])) return false;
  // A date: a year ("2026") or a day and month in figures ("12/10", "2026-10-12"), not "Updated
  // my CV for 2 jobs".
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::size_t j = i;
    while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j])))
      ++j;
    if (j - i == 4 && (text.substr(i, 2) == "19" || text.substr(i, 2) == "20")) return true;
    if (j > i && j < text.size() && (text[j] == '/' || text[j] == '.') && j + 1 < text.size() &&
        std::isdigit(static_cast<unsigned char>(text[j + 1])))
      return true;
    i = j;
  }
  return false;
}

bool is_placeholder(std::string_view text, const PhraseBook& phrases) {
  std::string key = placeholder_key(text);
  return !key.empty() && std::find(phrases.placeholders.begin(), phrases.placeholders.end(), key) !=
                             phrases.placeholders.end();
}

bool is_todo_note(std::string_view text, const PhraseBook& phrases) {
  return starts_with_any(split_words(fold_for_match(text)), phrases.todo_words);
}

// A voice memo's or a chat export's stamp before the words: "[4:26] Nothing, honestly.",
// "(12:03) …", "11/11/2026, 06:04 - Otieno: Nothing, to be honest." What is left is the
// answer; a stamp alone leaves nothing.
std::string_view without_time_stamp(std::string_view text) {
  if (auto message = chat_message(text)) return trim(text.substr(message->text));
  if (chat_header(text)) return {};
  if (std::size_t words = after_time_stamp(text)) return trim(text.substr(words));
  // "[4:26]" alone: after_time_stamp wants words after it.
  std::string_view t = trim(text);
  if (t.size() >= 5 && t.size() <= 10 && (t.front() == '[' || t.front() == '(') &&
      (t.back() == ']' || t.back() == ')') &&
      t.substr(1, t.size() - 2).find_first_not_of("0123456789:") == std::string_view::npos &&
      t.find(':') != std::string_view::npos)
    return {};
  return text;
}

namespace {

// "A", "Answer", "Réponse", "Rép": a word that only labels the answer after it, by the pack's
// `labels` (question_candidates.h's is_answer_label() is the pack-free list the finder uses).
bool is_pack_answer_label(const std::vector<std::string>& words, const PhraseBook& phrases) {
  if (words.size() == 1 && words[0] == "a") return true;
  return std::any_of(phrases.labels.begin(), phrases.labels.end(),
                     [&](const auto& l) { return words == l; });
}

// A line the writer marks as added later: "(26 Nov) …", "edit 20 Nov: …", "EDIT: …",
// "update: …", "màj 3/12 : …", "ajout : …". Built in, both languages.
bool marked_as_added(std::string_view line) {
  std::string_view t = trim(line);
  while (!t.empty() && (t.front() == '-' || t.front() == '*' || t.front() == '+'))
    t = trim(t.substr(1));
  if (t.starts_with("(")) {
    std::size_t close = t.find(')');
    return close != std::string_view::npos && close <= 16 &&
           t.substr(0, close).find_first_of("0123456789") != std::string_view::npos;
  }
  std::vector<std::string> words = split_words(fold_for_match(t.substr(0, 24)));
  static const std::unordered_set<std::string> marks = {"edit",  "edited", "update", "updated",
                                                        "later", "maj",    "ajout",  "ajoute"};
  return !words.empty() && marks.count(words.front()) > 0 &&
         t.substr(0, 24).find(':') != std::string_view::npos;
}

// The writer's own mark that an answer is still to come: only dots, ellipses, question and
// exclamation marks ("...", "…", "??"), or a note to self ("TODO", "TODO - ask him first"),
// bare or after an answer label ("A: ...", "A. TODO"). Dashes and underscores are not among
// them: a line of them is a rule or a heading's underline.
bool marks_not_yet(std::string_view text, const PhraseBook& phrases) {
  auto open_marks_only = [](std::string_view t) {
    t = trim(t);
    if (t.empty()) return false;
    for (std::size_t i = 0; i < t.size();) {
      if (t[i] == '.' || t[i] == '?' || t[i] == '!' || t[i] == ' ') {
        ++i;
      } else if (t.substr(i).starts_with("\xE2\x80\xA6") ||
                 t.substr(i).starts_with("\xEF\xBC\x9F")) {
        i += 3; // "…", the full-width "？"
      } else {
        return false;
      }
    }
    return true;
  };
  if (open_marks_only(text) || is_todo_note(text, phrases)) return true;
  std::size_t cut = text.find(':');
  if (cut == std::string_view::npos || cut >= 40) cut = text.find('.');
  if (cut == std::string_view::npos || cut == 0 || cut >= 40) return false;
  if (!is_pack_answer_label(split_words(fold_for_match(text.substr(0, cut))), phrases))
    return false;
  std::string_view rest = trim(text.substr(cut + 1));
  return open_marks_only(rest) || is_todo_note(rest, phrases);
}

} // namespace

std::vector<AnswerLine> clean_answer(const std::vector<AnswerLine>& raw, const PhraseBook& phrases,
                                     bool first_line_decides) {
  std::vector<AnswerLine> out;
  bool first_written = true; // the next line with text is the answer's first
  // The lines around a quote block ("He wrote:" before it, "That is what he wrote" after it),
  // kept for its quoted lines even when dropped below as a bare label: self-blame tells the
  // ex's words from a quoted draft by them.
  std::vector<std::string> outros(raw.size());
  std::string after;
  for (std::size_t i = raw.size(); i-- > 0;) {
    std::string_view text = trim(raw[i].text);
    if (text.empty()) continue;
    if (raw[i].quoted)
      outros[i] = after;
    else
      after = text;
  }
  std::string intro;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    AnswerLine line = raw[i];
    // "~~Nothing, he was fine.~~ EDIT: his weekends away": what the writer struck out is taken
    // back, no part of the answer.
    if (line.text.find("~~") != std::string::npos) line.text = without_struck_out(line.text);
    line.quote_outro = outros[i];
    std::string_view text = without_time_stamp(trim(line.text));
    // "[^1]: L'article parle de « cerveau reptilien »": a footnote's text, written wherever the
    // note's end is, answers no question it happens to sit under.
    if (text.starts_with("[^") && text.find("]:") != std::string_view::npos) continue;
    // ":::info", ":::": a container's fence (HedgeDoc, Docusaurus, Pandoc's fenced divs) is the
    // tool's markup around the writer's words, never an answer.
    if (text.starts_with(":::")) continue;
    if (!text.empty()) {
      if (line.quoted) {
        line.quote_intro = intro;
        if (text.ends_with(':')) intro = text; // "> He wrote:" inside the quote
      } else {
        intro = text;
      }
    }
    if (first_line_decides && first_written && !text.empty() && !only_task_tags(text)) {
      first_written = false;
      // "??" then "(26 Nov) underneath, it was never timing", "…" then "edit 20 Nov: deeper":
      // the answer came later, marked as added; other lines after the mark are other thoughts.
      if (marks_not_yet(text, phrases) &&
          std::none_of(raw.begin() + static_cast<long>(i) + 1, raw.end(),
                       [](const AnswerLine& later) { return marked_as_added(later.text); }))
        return {};
    }
    if (text.empty() || has_no_word(text) || only_task_tags(text)) continue;
    // A bare placeholder the template left, in any of its spellings.
    if (is_placeholder(text, phrases)) continue;
    std::vector<std::string> words = split_words(fold_for_match(text));
    if (words.empty()) continue;
    if (starts_with_any(words, phrases.todo_words)) continue; // is_todo_note, words read once
    if (is_edit_stamp(words, text)) continue;
    // "A: …", "Answer: …": drop the label and judge what follows. So for one short label
    // cut with a stop ("Ans. Nothing.", "R. Rien."), as Q./A. pairs are written.
    std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon >= 40) {
      std::size_t stop = text.find('.');
      if (stop != std::string_view::npos && stop > 0 && stop <= 4 &&
          (stop + 1 == text.size() || text[stop + 1] == ' ') &&
          is_pack_answer_label(split_words(fold_for_match(text.substr(0, stop))), phrases))
        colon = stop;
    }
    if (colon != std::string_view::npos && colon < 40) {
      std::string_view label = text.substr(0, colon);
      auto label_words = split_words(fold_for_match(label));
      bool known_label = is_pack_answer_label(label_words, phrases);
      std::string_view rest = trim(text.substr(colon + 1));
      if (known_label) {
        if (rest.empty() || has_no_word(rest)) continue;
        std::string rest_key = placeholder_key(rest);
        if (std::find(phrases.placeholders.begin(), phrases.placeholders.end(), rest_key) !=
            phrases.placeholders.end())
          continue;
        auto rest_words = split_words(fold_for_match(rest));
        if (starts_with_any(rest_words, phrases.todo_words)) continue;
        out.push_back(
            {std::string(rest), line.line, line.quoted, line.quote_intro, line.quote_outro});
        continue;
      }
      // "Reasons:" alone: a label with nothing after it.
      if (rest.empty() && label_words.size() <= 4) continue;
    }
    out.push_back({std::string(text), line.line, line.quoted, line.quote_intro, line.quote_outro});
  }
  return out;
}

AnswerFacts judge_answer(const std::vector<AnswerLine>& cleaned, const QuestionSpec& question,
                         const PhraseBook& phrases, const QuestionMatcher& matcher) {
  AnswerFacts facts;
  if (cleaned.empty()) return facts;
  facts.answered = true;
  std::vector<std::string> all; // every word of the answer, punctuation and symbols aside
  for (const auto& sentence : answer_sentences(cleaned, phrases))
    all.insert(all.end(), sentence.words.begin(), sentence.words.end());
  facts.nil = nil_reply(cleaned, all, question, phrases, matcher);
  // The article's fault-finding questions: there a nil reply is the exercise not done.
  if (facts.nil && question.fault_finding) facts.answered = false;
  if (question.fault_finding && facts.answered)
    facts.own_fault_only = own_faults_only(cleaned, all, phrases, matcher);
  if (question.self_blame_check) facts.self_blame_line = self_blame_line(cleaned, phrases, matcher);
  if (question.verdict) facts.clear_yes = clear_yes(cleaned, phrases);
  return facts;
}

namespace {

// A line naming only a month, as a title over the days of its entries ("November",
// "**Nov 2026**", "novembre :"): the month (1..12) and the year if written, or nothing.
std::optional<Date> month_title(std::string_view text, const DateNames& names) {
  std::string t = fold_case(trim(text));
  while (!t.empty() && (t.back() == ':' || t.back() == '*' || t.back() == '_' || t.back() == ' '))
    t.pop_back();
  std::size_t i = 0;
  while (i < t.size() && (t[i] == '*' || t[i] == '_' || t[i] == '#' || t[i] == ' '))
    ++i;
  t = t.substr(i);
  int year = 0;
  if (t.size() > 5 && std::isdigit(static_cast<unsigned char>(t.back()))) {
    std::size_t space = t.rfind(' ');
    if (space == std::string::npos || t.size() - space != 5) return std::nullopt;
    // Four digits, a year ("novembre 2026"); never "n°12a" or "-W48".
    std::string_view digits = std::string_view(t).substr(space + 1);
    if (!std::all_of(digits.begin(), digits.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
      return std::nullopt;
    year = std::stoi(std::string(digits));
    t.resize(space);
  }
  for (std::size_t m = 0; m < names.months.size(); ++m)
    for (const auto& name : names.months[m])
      if (t == name) return Date{year, static_cast<int>(m) + 1, 0};
  return std::nullopt;
}

// "Monday 9th: …", "Fri 13 …", "2nd – …" under a month title: the day of the month, or 0.
int day_under_month(std::string_view text, const DateNames& names) {
  std::string t = fold_case(trim(text));
  std::size_t i = 0;
  for (const auto& day_names : names.weekdays)
    for (const auto& name : day_names)
      if (t.compare(0, name.size(), name) == 0 && t.size() > name.size() &&
          !std::isalpha(static_cast<unsigned char>(t[name.size()])) && name.size() > i)
        i = name.size();
  while (i < t.size() && (t[i] == ' ' || t[i] == ',' || t[i] == '.'))
    ++i;
  int day = 0;
  std::size_t digits = 0;
  while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])) && digits < 3) {
    day = day * 10 + (t[i++] - '0');
    ++digits;
  }
  if (digits == 0 || digits > 2) return 0;
  for (std::string_view suffix : {"st", "nd", "rd", "th", "er"})
    if (t.compare(i, suffix.size(), suffix) == 0) {
      i += suffix.size();
      break;
    }
  if (i < t.size() && std::isalnum(static_cast<unsigned char>(t[i]))) return 0; // "9am", "13kg"
  return day;
}

} // namespace

std::optional<Date> entry_date(std::string_view text, const DateNames& names) {
  if (auto match = entry_date_match(text, names)) return match->date;
  return std::nullopt;
}

std::optional<DateMatch> entry_date_match(std::string_view text, const DateNames& names) {
  // "**Mon 19 Oct** — called my sister": emphasis around the date is common, and so are
  // org-mode's "<2026-11-10 Tue>" and "(12 Nov)", and an org export's HTML around it
  // ('<span class="timestamp">&lt;2026-11-10 mar.&gt;</span>').
  for (bool more = true; more && !text.empty();) {
    more = false;
    if (text.front() == '*' || text.front() == '_' || text.front() == '[' || text.front() == '(') {
      text.remove_prefix(1);
      more = true;
    } else if (text.front() == '<') {
      bool tag =
          text.size() > 1 && (std::isalpha(static_cast<unsigned char>(text[1])) || text[1] == '/');
      std::size_t close = tag ? text.find('>') : std::string_view::npos;
      text.remove_prefix(close == std::string_view::npos ? 1 : close + 1);
      more = true;
    } else if (text.starts_with("&lt;")) {
      text.remove_prefix(4);
      more = true;
    }
  }
  // A weekly log's entries: "Week of Nov 16, 2026: …", "Semaine du 16 novembre : …", dated by
  // the week's first day.
  for (std::string_view week : {"week of ", "semaine du ", "sem. du ", "w/c "})
    if (text.size() > week.size() && fold_case(text.substr(0, week.size())) == week) {
      text.remove_prefix(week.size());
      break;
    }
  return parse_leading_date(text, names);
}

std::vector<DatedEntry> log_entries(const std::vector<AnswerLine>& cleaned, const DateNames& names,
                                    const Date* note_date) {
  std::vector<DatedEntry> out, undated;
  std::optional<Date> month;       // the month title the entries below sit under
  bool month_first = false;        // an entry reads month first only ("11/16/26")
  std::vector<std::size_t> either; // entries that read either way (out's indexes)
  for (const auto& line : cleaned) {
    std::string_view text = line.text;
    if (auto title = month_title(text, names)) {
      month = title;
      continue;
    }
    if (month)
      if (int day = day_under_month(text, names); day >= 1 && day <= 31) {
        out.push_back({Date{month->year, month->month, day}, line.line});
        continue;
      }
    if (auto match = entry_date_match(text, names)) {
      out.push_back({match->date, line.line});
      month_first = month_first || match->month_first;
      if (match->either_order) either.push_back(out.size() - 1);
    } else if (note_date) {
      undated.push_back({*note_date, line.line});
    }
  }
  // A log whose writer dates its entries ("- ma 24.11 : appel d'une heure") leaves the lines
  // without a date undated: a remark under them ("(Gardes en série depuis. Rien noté.)") or an
  // entry's second line is no action of the note's day.
  if (out.empty()) return undated;
  if (month_first)
    for (std::size_t k : either)
      std::swap(out[k].date.day, out[k].date.month);
  return out;
}

} // namespace mend::engine
