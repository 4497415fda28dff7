// The template pack a folder sees: the built-in pack, then the folder's .mend/templates/ and
// any configured template folders (same language and step id wins).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "daemon/engine/pack.h"

namespace mend::server {

// Problems (unreadable files, bad front matter) are collected, never thrown; an override that
// fails to load leaves the built-in step in place.
engine::Pack load_pack(const std::filesystem::path* folder,
                       const std::vector<std::string>& template_dirs,
                       std::vector<engine::PackProblem>* problems);

// The override files found for `folder` (for `mend templates` to show their source).
std::vector<engine::PackFile> override_files(const std::filesystem::path* folder,
                                             const std::vector<std::string>& template_dirs,
                                             std::vector<engine::PackProblem>* problems);

} // namespace mend::server
