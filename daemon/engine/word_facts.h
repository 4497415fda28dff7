// What the matcher knows of one folded word in one language, looked up once per thread.
//
// Why: QuestionMatcher::words_of() and may_match() read every word of every candidate line, and
// asked up to seven hash sets per word and language (contractions, phrase starts, negations,
// the writer's and the ex's words, function words, the stem memo, the index): about a tenth of
// a cold scan of a diary vault. These facts depend only on the matcher (fixed once built), the
// language and the word, so one per-thread lookup gives all of them.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace mend::engine {

struct WordFacts {
  // How words_of() reads the word when nothing around it decides first (a future marker, the
  // "t" of "didn't", "won't", "shouldn't"): a token, nothing, or its canonical stem.
  enum class Kind : std::uint8_t { Not, Me, Ex, Skip, Stem };
  Kind kind = Kind::Stem;
  bool contraction = false; // an apostrophe-less spelling of several words ("didnt")
  bool phrase_head = false; // some phrase start begins with this word and a space
  bool future_head = false; // the first word of some future marker
  bool insists = false;     // an adverb that only insists (LanguagePack::insisting_words)
  bool indexed = false;     // its canonical stem is a word of some variant
  std::string stem;         // canonical_stem(language, word)
};

// Thread-compatible, meant to be thread_local. References returned by get() stay valid until
// the next start(): a caller holds them for one line and calls start() once before it, so a
// full memo is cleared between lines, never under a caller.
class WordFactsMemo {
public:
  // `owner`: the matcher's id; 0 while it is still being built (then nothing is remembered
  // past this call, since the sets the facts come from are still filling).
  void start(std::uint64_t owner, std::size_t languages) {
    std::size_t size = 0;
    for (const auto& m : by_language_)
      size += m.size();
    if (owner == 0 || owner != owner_ || size >= kMaxEntries) {
      by_language_.clear();
      owner_ = owner;
    }
    by_language_.resize(languages);
  }

  template <typename Compute>
  const WordFacts& get(std::size_t language, const std::string& word, Compute compute) {
    auto& map = by_language_[language];
    auto it = map.find(word);
    if (it == map.end()) it = map.emplace(word, compute()).first;
    return it->second;
  }

private:
  static constexpr std::size_t kMaxEntries = 1 << 16;
  std::uint64_t owner_ = 0;
  std::vector<std::unordered_map<std::string, WordFacts>> by_language_;
};

} // namespace mend::engine
