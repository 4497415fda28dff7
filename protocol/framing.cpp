// Content-Length framing: the reader's state machine and the writer.
//
// Recovery rules, so that the event sequence never depends on how bytes were split:
//  - a header block is everything up to the first empty line; blank lines before a block are
//    skipped (some clients write a stray "\r\n" between messages);
//  - an error in a block whose body length is still known (over the cap, or a bad unrelated
//    header next to a valid Content-Length) skips exactly that many body bytes;
//  - otherwise (missing, unparsable or conflicting Content-Length) the reader drops bytes up to
//    the next "Content-Length" (any case), which is where the next message starts;
//  - a block longer than kMaxHeaderBytes is dropped up to its empty line, then as above.
#include "protocol/framing.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace mend::protocol {
namespace {

constexpr std::string_view kContentLength = "content-length";

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == y; });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

// Quotes at most 60 bytes of a header for an error message.
std::string quote(std::string_view s) {
  constexpr std::size_t kMax = 60;
  std::string out = "'" + std::string(s.substr(0, kMax));
  if (s.size() > kMax) out += "...";
  return out + "'";
}

// Digits only (no sign, no spaces inside). nullopt if not a number; UINT64_MAX if too large.
std::optional<std::uint64_t> parse_length(std::string_view s) {
  if (s.empty()) return std::nullopt;
  std::uint64_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    if (n > (UINT64_MAX - 9) / 10)
      n = UINT64_MAX;
    else
      n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return n;
}

} // namespace

MessageReader::MessageReader(std::size_t max_content_length)
    : max_content_length_(max_content_length) {}

void MessageReader::feed(std::string_view bytes) {
  buffer_.erase(0, start_);
  start_ = 0;
  if (state_ == State::SkipBody) {
    drain_skip();
    if (skip_remaining_ > 0) { // the buffer is empty: drop straight from the input
      auto take = static_cast<std::size_t>(std::min<std::uint64_t>(skip_remaining_, bytes.size()));
      bytes.remove_prefix(take);
      skip_remaining_ -= take;
    }
  }
  buffer_.append(bytes);
}

ReadEvent MessageReader::next() {
  for (;;) {
    switch (state_) {
    case State::Header:
      return read_header();
    case State::Body: {
      if (pending().size() < body_length_) return NeedMore{};
      std::string body(pending().substr(0, body_length_));
      consume(body_length_);
      state_ = State::Header;
      return body;
    }
    case State::SkipBody:
      drain_skip();
      if (skip_remaining_ > 0) return NeedMore{};
      state_ = State::Header;
      break;
    case State::SkipHeader:
      if (!skip_header_lines()) return NeedMore{};
      state_ = State::SeekHeader;
      break;
    case State::SeekHeader:
      if (!seek_header()) return NeedMore{};
      state_ = State::Header;
      break;
    }
  }
}

ReadEvent MessageReader::read_header() {
  std::string_view in = pending();
  std::size_t pos = 0;
  bool any_header = false;
  std::string malformed;                 // the first line that is not "Name: value"
  std::vector<std::string_view> lengths; // every Content-Length value, trimmed
  for (;;) {
    std::size_t nl = in.find('\n', pos);
    if ((nl == std::string_view::npos && in.size() > kMaxHeaderBytes) ||
        (nl != std::string_view::npos && nl + 1 > kMaxHeaderBytes)) {
      state_ = State::SkipHeader; // keep the bytes: SkipHeader looks for the block's end
      skip_line_nonempty_ = false;
      return FramingError{"header line too long: headers are limited to " +
                          std::to_string(kMaxHeaderBytes) + " bytes"};
    }
    if (nl == std::string_view::npos) return NeedMore{};
    std::string_view line = in.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      if (any_header) break;
      consume(pos); // a stray blank line between messages
      in = pending();
      pos = 0;
      continue;
    }
    any_header = true;
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      if (malformed.empty())
        malformed = "malformed header line (expected 'Name: value'): " + quote(line);
      continue;
    }
    if (iequals(trim(line.substr(0, colon)), kContentLength))
      lengths.push_back(trim(line.substr(colon + 1)));
    // Content-Type and any other header: accepted and ignored.
  }
  // The block is complete: [0, pos) of pending(). Decide what it means before consuming it,
  // because the string_views point into the buffer.
  std::optional<std::uint64_t> length;
  std::string error = malformed;
  if (lengths.empty()) {
    if (error.empty()) error = "missing Content-Length";
  } else {
    length = parse_length(lengths[0]);
    bool all_same = std::all_of(lengths.begin(), lengths.end(),
                                [&](std::string_view v) { return v == lengths[0]; });
    if (lengths.size() > 1 && error.empty()) error = "duplicate Content-Length";
    if (!all_same) length.reset(); // conflicting: no length can be trusted
    if (!parse_length(lengths[0]) && error.empty())
      error = "Content-Length is not a number: " + quote(lengths[0]);
    if (length && (*length > max_content_length_) && error.empty())
      error = "Content-Length " +
              (*length == UINT64_MAX ? std::string(lengths[0]) : std::to_string(*length)) +
              " exceeds the limit of " + std::to_string(max_content_length_) + " bytes";
    if (length == UINT64_MAX)
      length.reset(); // does not fit in 64 bits: cannot be skipped by counting
  }
  consume(pos);
  if (error.empty()) {
    state_ = State::Body;
    body_length_ = static_cast<std::size_t>(*length);
    return next();
  }
  if (length) {
    state_ = State::SkipBody;
    skip_remaining_ = *length;
  } else {
    state_ = State::SeekHeader;
  }
  return FramingError{std::move(error)};
}

void MessageReader::drain_skip() {
  auto n = static_cast<std::size_t>(std::min<std::uint64_t>(skip_remaining_, pending().size()));
  consume(n);
  skip_remaining_ -= n;
}

bool MessageReader::skip_header_lines() {
  for (;;) {
    std::string_view in = pending();
    std::size_t nl = in.find('\n');
    if (nl == std::string_view::npos) {
      // Drop the partial line but remember whether it had content; a lone "\r" may still be
      // the start of the empty line we are looking for.
      if (in == "\r" && !skip_line_nonempty_) return false;
      if (!in.empty()) skip_line_nonempty_ = true;
      consume(in.size());
      return false;
    }
    bool empty = !skip_line_nonempty_ && (nl == 0 || (nl == 1 && in[0] == '\r'));
    consume(nl + 1);
    skip_line_nonempty_ = false;
    if (empty) return true;
  }
}

bool MessageReader::seek_header() {
  std::string_view in = pending();
  auto it = std::search(in.begin(), in.end(), kContentLength.begin(), kContentLength.end(),
                        [](char a, char b) { return lower(a) == b; });
  if (it != in.end()) {
    consume(static_cast<std::size_t>(it - in.begin()));
    return true;
  }
  // Keep a tail that could be the start of "Content-Length" split across feeds.
  std::size_t keep = std::min(in.size(), kContentLength.size() - 1);
  consume(in.size() - keep);
  return false;
}

std::string frame(std::string_view body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out.append(body);
  return out;
}

} // namespace mend::protocol
