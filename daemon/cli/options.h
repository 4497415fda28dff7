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

// Today's date from the system clock (local time): the only clock read in mend's analysis.
engine::Date today_local();

} // namespace mend::cli
