// What several engine tests share: the built-in pack, the repository's fixture notes, and the
// pieces the differential tests of the skipping paths splice into notes.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <random>
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

// Lines that open, close or end things (headings, breaks, fences, HTML, tables, markers), and
// questions and step titles in several forms: spliced into notes, they test that a path
// leaving parts of a note unparsed agrees with the whole parse.
inline const std::vector<std::string>& splice_pieces() {
  static const std::vector<std::string> pieces = {"\n## Why did it end?\n\n",
                                                  "\n# Heading\n\n",
                                                  "\n### Notes\n\n",
                                                  "\n## Plans\n\n",
                                                  "\n## My part\n\n",
                                                  "\n- Chances?\n- Official reasons:\n",
                                                  "\n---\n\n",
                                                  "\n* * *\n",
                                                  "\n```\ncode\n",
                                                  "\n```\n",
                                                  "\n<div>\n",
                                                  "\n</div>\n\n",
                                                  "\n<!-- mend:q why.real -->\n",
                                                  "\n| a | b |\n|---|---|\n| c | d |\n\n",
                                                  "\n- **What did I do wrong?** Nothing.\n",
                                                  "\nWhat were the official reasons?\n\n",
                                                  "\nWere my needs respected?\n",
                                                  "\nQ: Can you change this on your own?\n",
                                                  "\nTitle\n=====\n\n",
                                                  "\n> # quoted\n> text\n\n",
                                                  "\n- # listed heading\n",
                                                  "\n    indented # code\n\n",
                                                  "\nPlain words of a day, nothing asked.\n\n",
                                                  "\n1. First thing\n2. Second thing\n\n",
                                                  "\n_your answer_\n\n",
                                                  "\n- [ ] a task\n",
                                                  "\n#\n",
                                                  "\n+++\n",
                                                  "\n<script>\n",
                                                  "\nAnother paragraph here.\n"};
  return pieces;
}

// `text` with `count` of splice_pieces() inserted at line ends `rng` chooses.
inline std::string spliced(std::string text, std::mt19937& rng, int count) {
  const auto& pieces = splice_pieces();
  for (int i = 0; i < count; ++i) {
    std::size_t at = text.find('\n', rng() % text.size());
    if (at == std::string::npos) at = text.size();
    text.insert(at, pieces[rng() % pieces.size()]);
  }
  return text;
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
