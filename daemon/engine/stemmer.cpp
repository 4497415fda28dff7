// Snowball stemmers, one per thread and language (a libstemmer stemmer keeps state between
// calls, so it is never shared between threads).
#include "daemon/engine/stemmer.h"

#include <libstemmer.h>

#include <map>
#include <memory>

namespace mend::engine {
namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};
using StemmerPtr = std::unique_ptr<sb_stemmer, StemmerDeleter>;

sb_stemmer* stemmer_for(std::string_view language) {
  thread_local std::map<std::string, StemmerPtr, std::less<>> stemmers;
  auto it = stemmers.find(language);
  if (it == stemmers.end()) {
    std::string name(language);
    // libstemmer knows both the algorithm names and ISO codes ("english", "en").
    it = stemmers.emplace(name, StemmerPtr(sb_stemmer_new(name.c_str(), "UTF_8"))).first;
  }
  return it->second.get();
}

} // namespace

std::string stem(std::string_view word, std::string_view language) {
  sb_stemmer* s = stemmer_for(language);
  if (!s || word.empty()) return std::string(word);
  const sb_symbol* out = sb_stemmer_stem(s, reinterpret_cast<const sb_symbol*>(word.data()),
                                         static_cast<int>(word.size()));
  if (!out) return std::string(word); // out of memory: compare the word itself
  return std::string(reinterpret_cast<const char*>(out),
                     static_cast<std::size_t>(sb_stemmer_length(s)));
}

} // namespace mend::engine
