// A tiny reader of fuzz input bytes (portable: the harnesses also build without clang's
// FuzzedDataProvider). Reading past the end yields zeros and empty strings, never fails.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace mend::fuzz {

// A fuzz harness found a broken invariant: report it the way a sanitizer would (abort).
[[noreturn]] void fail(const char* what, const std::string& detail = "");

class Input {
public:
  Input(const uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  bool empty() const { return pos_ >= size_; }
  uint8_t byte() { return pos_ < size_ ? data_[pos_++] : 0; }
  bool flag() { return byte() & 1; }
  // Mostly small numbers, sometimes huge ones (ranges past the end, absurd positions).
  std::int64_t number() {
    uint8_t b = byte();
    if (b < 200) return b % 24;
    if (b < 240) return (static_cast<std::int64_t>(byte()) << 8) | byte();
    if (b < 250) return (std::int64_t{1} << 31) - 1;
    return -1 - (b % 3);
  }
  std::string bytes(std::size_t max) {
    std::size_t n = byte() % (max + 1);
    if (n > size_ - pos_) n = size_ - pos_;
    std::string out(reinterpret_cast<const char*>(data_ + pos_), n);
    pos_ += n;
    return out;
  }
  std::string rest() {
    std::string out(reinterpret_cast<const char*>(data_ + pos_), size_ - pos_);
    pos_ = size_;
    return out;
  }

private:
  const uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
};

} // namespace mend::fuzz
