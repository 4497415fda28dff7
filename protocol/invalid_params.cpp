// InvalidParams: path bookkeeping.
#include "protocol/invalid_params.h"

namespace mend::protocol {

InvalidParams::InvalidParams(std::string path, std::string problem)
    : std::runtime_error(problem), path_(std::move(path)), problem_(std::move(problem)) {
  update();
}

void InvalidParams::prepend(std::string_view field) {
  if (path_.empty() || path_.front() == '[')
    path_ = std::string(field) + path_;
  else
    path_ = std::string(field) + "." + path_;
  update();
}

void InvalidParams::prepend_index(std::size_t index) {
  std::string segment = "[" + std::to_string(index) + "]";
  if (path_.empty() || path_.front() == '[')
    path_ = segment + path_;
  else
    path_ = segment + "." + path_;
  update();
}

void InvalidParams::update() {
  what_ = path_.empty() ? problem_ : path_ + ": " + problem_;
}

} // namespace mend::protocol
