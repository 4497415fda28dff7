// One note as the `mend serve` page shows it: its steps and questions in order, each with its
// state, the pack's guidance, and the answer as written (Markdown and md4c's HTML of it).
//
// Why analysed here again rather than taken from the index: the view must describe exactly the
// bytes whose hash it returns, since the page sends that hash back with its next write.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "daemon/server/folder_index.h"

namespace mend::server {

// {path, hash, language, steps: [{id, order, title, intro_html, line?}], questions: [{id, step,
// line (1-based), form, text, asked, guidance, answered, nil, answer_markdown, answer_html}]}.
// `text` is the note's bytes; `path` relative to the folder.
nlohmann::json note_view_json(const FolderIndex& index, const std::string& path,
                              std::string_view text);

// The answer under a question as the person wrote it: the content from `answer_start` to
// `answer_end` without mend's markers, HTML comments, the pack's placeholder and the template's
// guidance quote, and
// without the indentation that only kept it inside a list item.
std::string answer_markdown(const engine::Analyzer& analyzer, std::string_view text,
                            const engine::QuestionOccurrence& q);

} // namespace mend::server
