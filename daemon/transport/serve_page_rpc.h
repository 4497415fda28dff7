// The methods the `mend serve` page needs beyond progress: one note's questions and answers
// (mend/note), answering in place (mend/answer), correcting what mend read (mend/correct), the
// action log over time (mend/journey) and a fresh name for a new note (mend/newNotePath).
// protocol/README.md documents each.
#pragma once

#include "protocol/dispatcher.h"

namespace mend::transport {

class ServeState;

void bind_page_methods(protocol::Dispatcher& dispatcher, ServeState& state);

} // namespace mend::transport
