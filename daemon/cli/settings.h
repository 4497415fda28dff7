// What a subcommand's analysis starts from besides the notes: the settings and today's date.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "daemon/engine/dates.h"
#include "daemon/server/config.h"

namespace mend::cli {

// The settings for a folder: DIR/.mend/config.{yaml,yml,json} if present, then --config FILE
// over it. nullopt (and *error) when a file cannot be read or parsed.
std::optional<server::Config> folder_config(const std::filesystem::path* folder,
                                            const std::string& config_file, std::string* error);

// The notes folder a note belongs to when no folder is named (`mend insert NOTE`): the nearest
// folder, from the note's own upwards, that holds a `.mend/` folder (as git finds `.git`), so a
// note in a subfolder gets the settings and templates `mend scan` of the whole folder gives it;
// the note's own folder when none does.
std::filesystem::path notes_folder_of(const std::filesystem::path& note);

// Today's date from the system clock (local time): the only clock read in mend's analysis.
engine::Date today_local();

} // namespace mend::cli
