// Content-Length framing of the LSP base protocol: bytes in, message bodies out.
//
// The reader is incremental and never blocks: a transport feeds whatever bytes it has and pulls
// events until it gets NeedMore. The sequence of events depends only on the bytes, never on how
// they were split into feeds. A malformed header produces one FramingError and the reader
// resynchronises on the next message, so one bad message never ends a session. Memory is
// bounded: headers by kMaxHeaderBytes, bodies by the Content-Length cap, and a body whose
// announced length is over the cap is skipped as it arrives rather than buffered.
//
// Not thread-safe; one reader per connection, used from one thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace mend::protocol {

/// The buffered bytes do not yet hold a complete message; feed more.
struct NeedMore {
  bool operator==(const NeedMore&) const = default;
};

/// A header block was malformed. The reader has already arranged to skip past it.
struct FramingError {
  std::string message;
  bool operator==(const FramingError&) const = default;
};

/// One step of reading: a complete body (std::string), an error, or "need more".
using ReadEvent = std::variant<NeedMore, std::string, FramingError>;

class MessageReader {
public:
  static constexpr std::size_t kDefaultMaxContentLength = 64u << 20; // 64 MiB
  /// Limit on one header block, from its first byte to the blank line that ends it.
  static constexpr std::size_t kMaxHeaderBytes = 8u << 10; // 8 KiB

  explicit MessageReader(std::size_t max_content_length = kDefaultMaxContentLength);

  /// Appends bytes. Bytes of a body that is being skipped are dropped here, unbuffered.
  void feed(std::string_view bytes);

  /// The next complete body, a framing error, or NeedMore when the buffer holds no full message.
  ReadEvent next();

  /// Bytes currently held (for tests and for a transport's own accounting).
  std::size_t buffered_bytes() const { return buffer_.size() - start_; }
  std::size_t max_content_length() const { return max_content_length_; }

private:
  enum class State {
    Header,     // reading a header block at the start of buffer_
    Body,       // waiting for body_length_ bytes of body
    SkipBody,   // dropping skip_remaining_ bytes (body after an error with a known length)
    SkipHeader, // dropping the rest of an over-long header block, up to its blank line
    SeekHeader, // body length unknown: dropping bytes up to the next "Content-Length"
  };

  std::string_view pending() const { return std::string_view(buffer_).substr(start_); }
  void consume(std::size_t n) { start_ += n; }
  ReadEvent read_header();
  void drain_skip();
  bool skip_header_lines();
  bool seek_header();

  std::size_t max_content_length_;
  std::string buffer_;    // bytes fed and not yet consumed start at start_
  std::size_t start_ = 0; // compacted on feed(), so consuming a message is O(1)
  State state_ = State::Header;
  std::size_t body_length_ = 0;
  std::uint64_t skip_remaining_ = 0;
  bool skip_line_nonempty_ = false; // SkipHeader: the partial line dropped so far had content
};

/// Prefixes `body` with its header: "Content-Length: N\r\n\r\n".
std::string frame(std::string_view body);

} // namespace mend::protocol
