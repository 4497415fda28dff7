// The mend/* methods `mend serve` answers over WebSocket, registered on one connection's
// Dispatcher (protocol/README.md, "mend serve (WebSocket)"). Each handler unwraps its params
// and calls the folder index; writes go through write_note_atomically.
#pragma once

#include <functional>

#include "protocol/dispatcher.h"

namespace mend::transport {

class ServeState;

// `subscribe(on)` marks the connection as (un)subscribed to mend/didChangeProgress.
void bind_serve_methods(protocol::Dispatcher& dispatcher, ServeState& state,
                        std::function<void(bool)> subscribe);

} // namespace mend::transport
