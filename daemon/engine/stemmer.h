// Word stems for matching, by Snowball (libstemmer): "reasons" → "reason", "leaving" → "leav",
// "quittée" → "quit". One stemmer per language of the pack, so English and French words are
// each cut by their own rules.
#pragma once

#include <string>
#include <string_view>

namespace mend::engine {

// The stem of one lower-case word in `language` (an ISO 639-1 code such as "en" or "fr", or a
// Snowball algorithm name). A language Snowball does not know leaves the word as it is.
// Thread-safe: each thread keeps its own stemmers (libstemmer's are not shareable).
std::string stem(std::string_view word, std::string_view language);

} // namespace mend::engine
