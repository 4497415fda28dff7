// The parts of a note a cold analysis may leave unparsed: inert lines, and the regions design
// (Analyzer::analyse_in_regions, defined in note_regions.cpp).
#pragma once

#include <string_view>

namespace mend::engine {

// Lines that can only make blocks analysis never reads outside an answer, and that leave
// nothing open after them: after quote markers and list markers, the line starts with none of
// the characters that begin a heading, a fence, HTML or a setext underline ("#`~<="), is not
// made of '-', '*', '_', '+' alone (a thematic break, an underline, empty markers), and holds
// no table pipe. Conservative: "- # x", "* * *", "   ```" and "<b>" all fail.
bool inert_lines(std::string_view body);

} // namespace mend::engine
