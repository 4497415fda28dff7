// A note's Markdown as HTML for the `mend serve` page, rendered by md4c (Debian's
// libmd4c-html), never by hand.
//
// Why in the daemon: the page then loads no library at all, and the note's own HTML never
// reaches it as HTML: MD_FLAG_NOHTML makes md4c escape every raw HTML block and span, so a
// `<script>` or `<img onerror>` written in a note arrives as visible text. What md4c itself
// emits (links, images) is still filtered by the page (app.js, safeFragment) and blocked by the
// CSP; three layers, because a person's notes are the last place a script should ever run from.
#pragma once

#include <string>
#include <string_view>

namespace mend::server {

// CommonMark plus GitHub's tables, strikethrough, task lists and autolinks; raw HTML escaped.
std::string markdown_to_html(std::string_view markdown);

} // namespace mend::server
