// YAML into JSON values over yaml-cpp's event parser.
//
// yaml-cpp's node API shares an alias's node, and turning that tree into JSON would expand it
// with no say in how far; its event API hands us each node as it is read, so the JSON is built
// once, aliases are charged by the size of what they repeat, and nesting is refused before
// yaml-cpp recurses deeper (its own guard stops at depth 2000, several stack frames a level;
// settings and packs need a handful). Refusing is a C++ exception thrown out of the handler;
// yaml-cpp's parser is exception-safe (its own errors are exceptions too), and what was built
// so far is kept as a partial value.
//
// Before parsing, the text is made what yaml-cpp reads well: invalid UTF-8 and NUL (which
// yaml-cpp would take for UTF-16 or UTF-32) become U+FFFD, and a lone "\r", a break for the
// editor and for LineIndex, becomes "\n" (yaml-cpp reads it as nothing), so lines agree.
#include "daemon/engine/yaml.h"

#include "daemon/engine/unicode.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <charconv>
#include <cstdint>
#include <optional>
#include <sstream>

namespace mend::engine {
namespace {

using nlohmann::json;

// What stops the reading: its line and why. Thrown from the handler, caught in parse_yaml.
struct Stop {
  int line = 0;
  std::string message;
};

// Plain scalars as YAML 1.2's core schema reads them, limited to what mend's settings use: null
// and booleans, decimal integers. yaml-cpp has already reported the null spellings as OnNull.
json plain_value(const std::string& s) {
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return nullptr;
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  std::string_view digits = s;
  if (digits[0] == '+' || digits[0] == '-') digits.remove_prefix(1);
  if (!digits.empty() && digits.find_first_not_of("0123456789") == std::string_view::npos) {
    std::int64_t n = 0;
    const char* first = s.data() + (s[0] == '+' ? 1 : 0);
    const auto [ptr, ec] = std::from_chars(first, s.data() + s.size(), n);
    if (ec == std::errc() && ptr == s.data() + s.size()) return n;
  }
  return s;
}

// yaml-cpp writes escapes such as "\ud800" as they are, which is not UTF-8, and nlohmann::json
// throws when it serialises such a string.
std::string valid(const std::string& s) {
  return is_valid_utf8(s) ? s : sanitize_utf8(s);
}

json scalar_value(const std::string& tag, const std::string& text) {
  // "?": a plain scalar; "!": quoted or block; "tag:yaml.org,2002:…": an explicit !!type.
  if (tag == "?" || tag == "tag:yaml.org,2002:null" || tag == "tag:yaml.org,2002:bool" ||
      tag == "tag:yaml.org,2002:int")
    return plain_value(valid(text));
  return valid(text);
}

class JsonBuilder : public YAML::EventHandler {
public:
  JsonBuilder(std::size_t max_weight, std::vector<YamlError>& errors)
      : max_weight_(max_weight), errors_(errors) {}

  // The value read, with any collections still open closed where they stand.
  json take() {
    while (!stack_.empty())
      close_frame();
    return std::move(root_);
  }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (expecting_key()) {
      errors_.push_back({mark.line, "empty key"});
      stack_.back().key.reset();
      stack_.back().drop_value = true;
      return;
    }
    remember(anchor, nullptr, 1);
    add(nullptr, 1);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (anchor >= anchors_.size() || !anchors_[anchor])
      throw Stop{mark.line, "an alias inside the value it repeats"};
    const Anchored& repeated = *anchors_[anchor];
    charge(repeated.weight, mark);
    if (expecting_key()) {
      if (!repeated.value.is_string()) throw Stop{mark.line, "a key must be text"};
      take_key(repeated.value.get<std::string>(), mark);
      return;
    }
    add(repeated.value, repeated.weight);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& text) override {
    const std::size_t weight = 1 + text.size();
    charge(weight, mark);
    if (expecting_key()) {
      std::string key = valid(text);
      remember(anchor, key, weight);
      take_key(std::move(key), mark);
      return;
    }
    json value = scalar_value(tag, text);
    remember(anchor, value, weight);
    add(std::move(value), weight);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(json::array(), anchor, mark);
  }
  void OnSequenceEnd() override { close_frame(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(json::object(), anchor, mark);
  }
  void OnMapEnd() override { close_frame(); }

private:
  struct Frame {
    json value; // an array or an object
    YAML::anchor_t anchor = 0;
    std::size_t weight = 1;
    std::optional<std::string> key; // maps: the key read, waiting for its value
    bool drop_value = false;        // maps: the value after a duplicate or empty key
  };
  struct Anchored {
    json value;
    std::size_t weight = 0;
  };

  bool expecting_key() const {
    return !stack_.empty() && stack_.back().value.is_object() && !stack_.back().key &&
           !stack_.back().drop_value;
  }

  // Counts what the document expands to: each node one, each scalar its bytes too, an alias
  // the whole of what it repeats. Aliases of aliases grow exponentially in few bytes.
  void charge(std::size_t weight, const YAML::Mark& mark) {
    total_weight_ += weight;
    if (total_weight_ > max_weight_)
      throw Stop{mark.line, "aliases expand the document too far (more than " +
                                std::to_string(kMaxYamlWeightFactor) + " times its size)"};
  }

  void open(json value, YAML::anchor_t anchor, const YAML::Mark& mark) {
    if (expecting_key()) throw Stop{mark.line, "a key must be text, not a list or a map"};
    if (stack_.size() >= static_cast<std::size_t>(kMaxYamlDepth))
      throw Stop{mark.line, "nesting deeper than " + std::to_string(kMaxYamlDepth) + " levels"};
    charge(1, mark);
    Frame frame;
    frame.value = std::move(value);
    frame.anchor = anchor;
    stack_.push_back(std::move(frame));
  }

  void close_frame() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    remember(frame.anchor, frame.value, frame.weight);
    add(std::move(frame.value), frame.weight);
  }

  void remember(YAML::anchor_t anchor, const json& value, std::size_t weight) {
    if (anchor == 0) return;
    if (anchors_.size() <= anchor) anchors_.resize(anchor + 1);
    anchors_[anchor] = Anchored{value, weight};
  }

  void take_key(std::string key, const YAML::Mark& mark) {
    Frame& map = stack_.back();
    if (map.value.contains(key)) {
      errors_.push_back({mark.line, "duplicate key '" + key + "'"});
      map.drop_value = true;
      return;
    }
    map.key = std::move(key);
  }

  void add(json value, std::size_t weight) {
    if (stack_.empty()) {
      root_ = std::move(value);
      return;
    }
    Frame& parent = stack_.back();
    parent.weight += weight;
    if (parent.value.is_array()) {
      parent.value.push_back(std::move(value));
    } else if (parent.drop_value) {
      parent.drop_value = false;
    } else if (parent.key) {
      parent.value[*parent.key] = std::move(value);
      parent.key.reset();
    }
  }

  std::size_t max_weight_;
  std::size_t total_weight_ = 0;
  std::vector<YamlError>& errors_;
  std::vector<Frame> stack_;
  std::vector<std::optional<Anchored>> anchors_;
  json root_;
};

// Stops at the start of a second document, to report it.
class SecondDocument : public YAML::EventHandler {
public:
  void OnDocumentStart(const YAML::Mark& mark) override {
    throw Stop{mark.line, "a second YAML document; only the first is read"};
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

// The text as yaml-cpp should see it (see the top of the file), with an error for each line
// holding invalid UTF-8 or NUL.
std::string prepared(std::string_view text, std::vector<YamlError>& errors) {
  std::string out;
  out.reserve(text.size());
  int line = 0;
  int reported = -1;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '\r' || c == '\n') {
      out += '\n';
      i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      ++line;
      continue;
    }
    const Utf8Char ch = c == '\0' ? Utf8Char{} : decode_utf8(text, i);
    if (ch.valid && c != '\0') {
      out.append(text.substr(i, ch.length));
    } else {
      append_utf8(out, kReplacementCharacter);
      if (reported != line) errors.push_back({line, "invalid UTF-8 or NUL, replaced by U+FFFD"});
      reported = line;
    }
    i += c == '\0' ? 1 : ch.length;
  }
  return out;
}

} // namespace

YamlResult parse_yaml(std::string_view text) {
  YamlResult result;
  if (text.size() > kMaxYamlBytes) {
    result.errors.push_back(
        {0, "YAML longer than " + std::to_string(kMaxYamlBytes >> 20) + " MiB: not read"});
    return result;
  }
  const std::string ready = prepared(text, result.errors);
  std::istringstream in(ready);
  JsonBuilder builder(kMaxYamlWeightFactor * ready.size() + 1024, result.errors);
  YAML::Parser parser(in);
  try {
    if (parser.HandleNextDocument(builder)) {
      SecondDocument second;
      parser.HandleNextDocument(second);
    }
  } catch (const Stop& stop) {
    result.errors.push_back({stop.line, stop.message});
  } catch (const YAML::Exception& e) {
    result.errors.push_back({e.mark.is_null() ? 0 : e.mark.line, e.msg});
  }
  result.value = builder.take();
  return result;
}

} // namespace mend::engine
