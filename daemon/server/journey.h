// The action log over time, for the page's journey chart: every dated entry of the log
// question (catalogue.md, `new-start.log`) across the folder, with the rhythm the article asks
// for and the newest entry's age.
//
// Why its own method: mend/progress reports only what the rules conclude (`log-overdue`);
// the chart needs the dates themselves, resolved as the rule resolves them.
#pragma once

#include <nlohmann/json.hpp>

#include "daemon/server/folder_index.h"

namespace mend::server {

// {today, step, question, rhythm_days, entries: [{date, path, line (1-based)}] oldest first,
//  last_entry (ISO or null), days_since_last (or null)}
nlohmann::json journey_log_json(const FolderIndex& index);

} // namespace mend::server
