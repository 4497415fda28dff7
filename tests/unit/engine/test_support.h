// What several engine tests share: the built-in pack, and the repository's fixture notes.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <vector>

#include "daemon/engine/note_analysis.h"
#include "daemon/engine/pack.h"

namespace mend::test {

// The pack built into mend (templates/), loaded once.
inline const engine::Pack& builtin_pack() {
  static const engine::Pack pack = [] {
    std::vector<engine::PackProblem> problems;
    return engine::Pack::load(engine::builtin_pack_files(), &problems);
  }();
  return pack;
}

// The text of every .md file under each folder (relative to the source tree), in a stable
// order.
inline std::vector<std::string> fixture_notes(std::initializer_list<const char*> folders) {
  std::vector<std::filesystem::path> paths;
  for (const char* folder : folders)
    for (const auto& e : std::filesystem::recursive_directory_iterator(
             std::filesystem::path(MEND_SOURCE_DIR) / folder))
      if (e.is_regular_file() && e.path().extension() == ".md") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> notes;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    notes.push_back(text.str());
  }
  return notes;
}

// Everything an analysis says, as one comparable string.
inline std::string summary(const engine::NoteAnalysis& a) {
  std::ostringstream o;
  o << a.language << " lines=" << a.line_count << " date=" << (a.note_date ? 1 : 0) << "\n";
  for (const auto& s : a.steps)
    o << "step " << s.id << " " << s.line << " [" << s.start << "," << s.end << ") "
      << s.section_end << " " << static_cast<int>(s.matched_by) << "\n";
  for (const auto& q : a.questions) {
    o << "q " << q.id << " " << q.line << " [" << q.start << "," << q.end << ") [" << q.answer_start
      << "," << q.answer_end << ") last=" << q.answer_last_line
      << " form=" << static_cast<int>(q.form) << " answered=" << q.answered << " nil=" << q.nil
      << " own=" << q.own_fault_only << " blame=" << q.self_blame_line << " yes=" << q.clear_yes
      << " log=" << q.log_entries.size() << "\n";
  }
  return o.str();
}

} // namespace mend::test
