// Weighted word-set matching of candidate lines against the pack's questions and steps.
#include "daemon/engine/question_matcher.h"

#include <algorithm>
#include <cmath>

#include "daemon/engine/normalize.h"

namespace mend::engine {
namespace {

constexpr const char* kMe = "@me";
constexpr const char* kEx = "@ex";
// Negation is one token: "Ce qu'il m'a dit" (official) and "Ce qu'il ne m'a pas dit"
// (unofficial) differ by nothing else once function words are gone.
constexpr const char* kNot = "@not";
constexpr double kNegationWeight = 0.6;
constexpr double kPersonWeight = 0.25;
constexpr double kSectionBonus = 0.12;
// The share of each side's weight that the common words must reach.
constexpr double kMinCoverage = 0.5;
// Words used by a third of the ids or more ("relationship", "relation") say nothing about
// which question a line is: they are not counted as content words.
constexpr double kGenericIdf = 1.6;

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

} // namespace

QuestionMatcher::QuestionMatcher(const Pack& pack, std::string_view ex_name) {
  for (const auto& lang : pack.languages()) {
    for (const auto& w : lang.first_person)
      for (auto& s : split_words(fold_for_match(w)))
        me_words_.insert(s);
    for (const auto& w : lang.second_person)
      for (auto& s : split_words(fold_for_match(w)))
        me_words_.insert(s);
    for (const auto& w : lang.partner_words)
      for (auto& s : split_words(fold_for_match(w)))
        ex_words_.insert(s);
    for (const auto& [set, words] : lang.pronouns)
      for (const auto& [key, word] : words)
        for (auto& s : split_words(fold_for_match(word)))
          ex_words_.insert(s);
    for (const auto& w : lang.stopwords)
      for (auto& s : split_words(fold_for_match(w)))
        stop_words_.insert(s);
  }
  ex_words_.insert("exref");
  for (const auto& lang : pack.languages())
    for (const auto& n : lang.negations) {
      auto parts = split_words(fold_for_match(n));
      if (parts.size() == 1 && parts[0].size() > 1) negation_words_.insert(parts[0]);
    }
  for (const auto& lang : pack.languages())
    for (const auto& group : lang.synonyms) {
      if (group.empty()) continue;
      std::string head = stem(fold_for_match(group.front()));
      for (const auto& w : group) {
        auto parts = split_words(fold_for_match(w));
        if (parts.size() == 1 && stem(parts[0]) != head) synonyms_[stem(parts[0])] = head;
      }
    }
  for (auto& s : split_words(fold_for_match(ex_name)))
    ex_words_.insert(s);
  // A word that is both a pronoun and the person's own ("you" is never the ex) stays the person's.
  for (const auto& w : me_words_)
    ex_words_.erase(w);

  for (const auto& lang : pack.languages()) {
    for (const auto& step : lang.steps) {
      add_variant(step.id, true, step.title);
      add_variant(step.id, true, step.short_title);
      add_variant(step.id, true, step.id);
      for (const auto& a : step.aliases)
        add_variant(step.id, true, a);
      for (const auto& q : step.questions) {
        add_variant(q.id, false, q.text);
        for (const auto& a : q.aliases)
          add_variant(q.id, false, a);
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
  for (const auto& [word, owners] : ids_of_word) {
    idf_[word] = std::log(1.0 + n / static_cast<double>(owners.size()));
  }
  for (std::size_t i = 0; i < variants_.size(); ++i) {
    double total = 0;
    for (const auto& w : variants_[i].words) {
      total += weight_of(w);
      index_[w].push_back(i);
    }
    variants_[i].weight = total;
  }
}

void QuestionMatcher::add_variant(const std::string& id, bool step, std::string_view text) {
  for (auto& w : split_words(fold_for_match(text)))
    vocabulary_.insert(w);
  Variant v;
  v.id = id;
  v.step = step;
  v.words = words(strip_variables(text));
  v.raw_words = split_words(fold_for_match(strip_variables(text))).size();
  if (v.words.empty()) return;
  variants_.push_back(std::move(v));
}

std::vector<std::string> QuestionMatcher::words(std::string_view text) const {
  std::vector<std::string> out;
  std::string previous;
  for (auto& w : split_words(fold_for_match(text))) {
    // "didn't" splits into "didn" + "t": that "t" is no word (and French lists "t'" as the
    // person's own "te", which would make every negation read as "you").
    bool negation_tail = w == "t" && previous.ends_with("n");
    previous = w;
    if (negation_tail) {
      out.emplace_back(kNot);
      continue;
    }
    if (is_symbol_token(w)) continue;
    if (negation_words_.count(w)) {
      out.emplace_back(kNot);
    } else if (me_words_.count(w)) {
      out.emplace_back(kMe);
    } else if (ex_words_.count(w)) {
      out.emplace_back(kEx);
    } else if (stop_words_.count(w) || (w.size() == 1 && !(w[0] >= '0' && w[0] <= '9'))) {
      continue;
    } else {
      out.push_back(canonical(stem(w)));
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string QuestionMatcher::canonical(const std::string& stemmed) const {
  auto it = synonyms_.find(stemmed);
  return it == synonyms_.end() ? stemmed : it->second;
}

std::vector<std::string> QuestionMatcher::words_with_names(std::string_view text) const {
  // Replace unknown capitalised words that do not start a sentence by the ex's token; the
  // rest goes through words() unchanged.
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
    if (capitalised && !sentence_start && !vocabulary_.count(folded) && !me_words_.count(folded) &&
        !stop_words_.count(folded) && !ex_words_.count(folded)) {
      rewritten += "exref";
    } else {
      rewritten.append(word);
    }
    sentence_start = false;
    i = j;
  }
  return words(rewritten);
}

double QuestionMatcher::weight_of(const std::string& word) const {
  if (word == kMe || word == kEx) return kPersonWeight;
  if (word == kNot) return kNegationWeight;
  auto it = idf_.find(word);
  if (it != idf_.end()) return it->second;
  // A word no question uses: it makes the line less like any question, but a person's
  // filler words should not weigh as much as a question's most specific word.
  return 1.0;
}

double QuestionMatcher::similarity(std::string_view a, std::string_view b) const {
  auto wa = words(strip_variables(a));
  auto wb = words(strip_variables(b));
  double ta = 0, tb = 0, shared = 0;
  for (const auto& w : wa)
    ta += weight_of(w);
  for (const auto& w : wb)
    tb += weight_of(w);
  for (const auto& w : wa)
    if (std::binary_search(wb.begin(), wb.end(), w)) shared += weight_of(w);
  return ta + tb == 0 ? 0 : 2 * shared / (ta + tb);
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
void QuestionMatcher::eligible_variants(std::string_view plain, Visit&& visit) const {
  auto candidate = words_with_names(plain);
  if (candidate.empty()) return;
  double candidate_weight = 0;
  for (const auto& w : candidate)
    candidate_weight += weight_of(w);
  // Only the person's and the ex's tokens: "What did he tell you?" minus function words is not
  // enough to call it any question.
  bool has_content = std::any_of(candidate.begin(), candidate.end(),
                                 [](const std::string& w) { return w[0] != '@'; });
  if (!has_content) return;

  std::unordered_map<std::size_t, double> shared;
  for (const auto& w : candidate) {
    auto it = index_.find(w);
    if (it == index_.end()) continue;
    double weight = weight_of(w);
    for (std::size_t v : it->second)
      shared[v] += weight;
  }
  std::size_t candidate_content = content_words(candidate);
  std::size_t candidate_raw = split_words(fold_for_match(plain)).size();
  for (const auto& [v, weight] : shared) {
    const Variant& variant = variants_[v];
    double score = 2 * weight / (candidate_weight + variant.weight);
    // Dice alone lets one rare shared word carry a match ("## Work" vs "Self-work", "How long
    // until the weekend?" vs "How long were we together?"): each side must be mostly covered.
    if (weight / variant.weight < kMinCoverage || weight / candidate_weight < kMinCoverage)
      continue;
    // One content word on either side ("Verdict", "Is it reversible?") matches only one
    // content word, written about as briefly: "The future" is not "Does it have a future?".
    // Longer lines must share at least two content words, never just one.
    std::size_t variant_content = content_words(variant.words);
    if (candidate_content == 1 || variant_content == 1) {
      if (candidate_content != variant_content) continue;
      if (variant.raw_words > candidate_raw + 1) continue;
    } else if (shared_content(candidate, variant.words) < 2) {
      continue;
    }
    visit(variant, score);
  }
}

std::optional<QuestionMatcher::Match> QuestionMatcher::best(std::string_view plain,
                                                            std::string_view section_step) const {
  std::optional<Match> best;
  eligible_variants(plain, [&](const Variant& variant, double score) {
    if (!variant.step && !section_step.empty() && variant.id.size() > section_step.size() &&
        variant.id.compare(0, section_step.size(), section_step) == 0 &&
        variant.id[section_step.size()] == '.')
      score += kSectionBonus;
    // Ties go to questions over steps, then to the earlier id, so results never depend on
    // hash-map order.
    if (!best || score > best->score + 1e-9 ||
        (std::abs(score - best->score) <= 1e-9 &&
         std::tie(variant.step, variant.id) < std::tie(best->step, best->id)))
      best = Match{variant.id, variant.step, score};
  });
  if (!best || best->score < kThreshold) return std::nullopt;
  return best;
}

// Why a superset: best(plain, S) returns the eligible variant with the highest score when that
// score reaches kThreshold. Eligibility does not depend on S (eligible_variants() never sees it);
// only the bonus does, and it is added at most once, to questions only. So for every S and every
// variant, its score under S is at most its score here (bonus granted to every question), and if
// best(plain, S) returns anything, some variant scores >= kThreshold here. kThreshold is the lowest
// bar any candidate form uses: analysis only drops matches afterwards (steps outside headings,
// plain list items below 0.8), never lowers it.
bool QuestionMatcher::could_match(std::string_view plain) const {
  bool found = false;
  eligible_variants(plain, [&](const Variant& variant, double score) {
    if (!variant.step) score += kSectionBonus;
    if (score >= kThreshold) found = true;
  });
  return found;
}

} // namespace mend::engine
