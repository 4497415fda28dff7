// What inserting a template into a note means, shared by `mend insert`, the LSP code actions
// and `mend serve`: which text to render for an id, and the blank lines around it so the
// result stays well-formed Markdown wherever it lands.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "daemon/engine/pack.h"
#include "daemon/engine/render.h"

namespace mend::server {

// `template_id`: a step id, a question id, or "log" (today's action-log entry). Returns the
// text to insert at byte `at` of `note` (with separating blank lines), or nullopt for an
// unknown id.
std::optional<std::string> render_insertion(const engine::Pack& pack, const std::string& language,
                                            const std::string& template_id,
                                            const engine::TemplateVariables& vars,
                                            const engine::RenderOptions& options,
                                            std::string_view note, std::size_t at);

// The line ending a note uses ("\r\n" when its first line break is one).
std::string_view line_ending_of(std::string_view note);

} // namespace mend::server
