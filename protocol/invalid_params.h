// InvalidParams: the exception for params of the wrong shape, carrying the JSON path to blame.
//
// from_json functions throw it with the path relative to the value they were given; every
// enclosing from_json prepends its own field name on the way out (see json_read.h), so what
// reaches the dispatcher reads "textDocument.position.line: expected an integer, got string".
// The dispatcher turns it into a -32602 error naming that path.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace mend::protocol {

class InvalidParams : public std::runtime_error {
public:
  /// `path` like "textDocument.uri" or "contentChanges[2].range"; empty for the value itself.
  InvalidParams(std::string path, std::string problem);

  const std::string& path() const { return path_; }
  const std::string& problem() const { return problem_; }

  /// Makes an object key, or an array index, the outermost segment of the path.
  void prepend(std::string_view field);
  void prepend_index(std::size_t index);

  const char* what() const noexcept override { return what_.c_str(); }

private:
  void update();
  std::string path_;
  std::string problem_;
  std::string what_;
};

} // namespace mend::protocol
