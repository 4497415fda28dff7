// Flags shared by the subcommands: --config, --today, --var, and the folder's own config.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "daemon/cli/commands.h"
#include "daemon/engine/dates.h"
#include "daemon/server/config.h"

namespace mend::cli {

// Parses "--flag value" and "--flag=value". Returns false (and sets *error) on a missing value.
bool take_value(const Args& args, std::size_t& i, const std::string& flag, std::string* value,
                std::string* error);

// The settings for a folder: DIR/.mend/config.{yaml,json} if present, then --config FILE.
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
