// `mend scan DIR`: the one-shot report over a notes folder, readable or --json.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>

#include "daemon/cli/commands.h"
#include "daemon/cli/settings.h"
#include "daemon/engine/note_analysis.h"
#include "daemon/engine/render.h"
#include "daemon/server/analysis_cache.h"
#include "daemon/server/explain.h"
#include "daemon/server/folder_scan.h"
#include "daemon/server/note_path.h"
#include "daemon/server/pack_loader.h"
#include "daemon/server/parallel.h"
#include "daemon/server/report_json.h"

namespace mend::cli {

namespace fs = std::filesystem;

namespace {

void print_text(std::ostream& out, const engine::Pack& pack, const std::string& root,
                const engine::Date& today, const server::FolderScan& scan) {
  const engine::FolderReport& report = scan.report;
  out << "mend scan " << root << " (today " << engine::format_iso(today) << ")\n\n";
  auto title = [&](const std::string& id) {
    const engine::StepSpec* s = pack.step(id);
    return s ? engine::render_text(s->title, pack.primary(), {}) : id;
  };
  std::size_t quiet = 0;
  for (const auto& note : scan.notes) {
    auto steps = engine::note_steps(pack, note.analysis);
    auto suggestions = engine::suggestions_for(report, note.path);
    if (steps.empty() && suggestions.empty() && !note.line_level) {
      ++quiet;
      continue;
    }
    // A name that is not UTF-8 is written with \xHH for its invalid bytes (note_path.h).
    const std::string shown = server::path_for_people(note.path);
    out << shown << (note.line_level ? "  (read line by line)" : "") << "\n";
    for (const auto& s : steps) {
      char line[160];
      std::snprintf(line, sizeof line, "  %-10s %d/%d answered  ", s.id.c_str(), s.answered,
                    s.total);
      out << line << title(s.id) << "\n";
    }
    for (const auto& s : suggestions) {
      out << "  " << (s.kind == "unanswered" ? "· " : "! ") << s.kind << "  " << shown << ":"
          << (s.line + 1) << "  " << s.message << "\n";
    }
    out << "\n";
  }
  if (quiet > 0)
    out << quiet << (quiet == 1 ? " note holds" : " notes hold") << " no reflection question.\n\n";
  out << "Folder: " << report.notes << " notes, " << report.answered << " of " << report.questions
      << " questions found answered\n";
  for (const auto& s : report.steps) {
    const char* mark = s.done ? "done   " : s.started ? "started" : "       ";
    char line[160];
    std::snprintf(line, sizeof line, "  %s  %-10s %d/%d  ", mark, s.id.c_str(), s.answered,
                  s.total);
    out << line << title(s.id) << "\n";
  }
  bool any = false;
  for (const auto& s : report.suggestions) {
    if (s.kind == "unanswered") continue;
    if (!any) out << "\nSuggestions:\n";
    any = true;
    out << "  " << s.kind << " (" << s.step << ")";
    if (s.path) out << "  " << server::path_for_people(*s.path) << ":" << (s.line + 1);
    out << "  " << s.message << "\n";
  }
  if (report.next_step) out << "\nNext: " << title(*report.next_step) << "\n";
}

// `mend scan --explain`: per note, how each line was read (explain.h): the step sections, each
// question with its form, section and the wording or marker it matched, and the corrections.
// The report as JSON, formatted as nlohmann::json's dump(2) would write the whole tree, but
// written a note at a time: the tree of a 100k-note folder took ~600 MB to build.
void print_json(std::ostream& out, const engine::Pack& pack, const std::string& dir,
                const engine::Date& today, const server::FolderScan& scan,
                const std::vector<const server::ScannedNote*>& shown) {
  // Any invalid UTF-8 that reached the report (paths are written as note_path.h says; none else
  // is known) is replaced rather than failing the whole report.
  auto dump = [](const nlohmann::json& j) {
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  // The envelope with a placeholder where the notes go: nlohmann::json sorts an object's keys,
  // so the placeholder sits where "notes" would, and `"notes": "<placeholder>"` can only be that
  // key and its value (inside a string, quotes and control characters are escaped).
  const nlohmann::json placeholder = "\x01notes\x01";
  nlohmann::json envelope = {{"mend", 1},
                             {"today", engine::format_iso(today)},
                             {"notes", placeholder},
                             {"summary", server::summary_json(scan.report)}};
  server::put_path(envelope, "root", dir);
  const std::string head = dump(envelope), key = "\"notes\": ", value = dump(placeholder);
  const std::size_t at = head.find(key + value) + key.size();
  out.write(head.data(), static_cast<std::streamsize>(at));
  if (shown.empty()) {
    out << "[]";
  } else {
    out << "[";
    bool first = true;
    for (const server::ScannedNote* note : shown) {
      // A note sits two levels deep: every line of its own dump moves four spaces right (a
      // newline inside a JSON string is escaped, so every "\n" here is the layout's).
      std::string text =
          dump(server::note_json(pack, note->path, note->analysis, scan.report, note->line_level));
      out << (first ? "\n    " : ",\n    ");
      first = false;
      for (char c : text) {
        out.put(c);
        if (c == '\n') out << "    ";
      }
    }
    out << "\n  ]";
  }
  out << head.substr(at + value.size()) << "\n";
}

void print_explanations(std::ostream& out, const engine::Pack& pack,
                        const engine::QuestionMatcher& matcher,
                        const engine::TemplateVariables& vars,
                        const std::vector<const server::ScannedNote*>& notes) {
  for (const server::ScannedNote* note : notes) {
    const engine::NoteAnalysis& a = note->analysis;
    if (a.steps.empty() && a.questions.empty() && a.markers.empty()) continue;
    const engine::LanguagePack* lang = pack.language(a.language);
    if (!lang) lang = &pack.primary();
    auto render = [&](const std::string& s) { return engine::render_text(s, *lang, vars); };
    auto step_title = [&](const std::string& id) {
      const engine::StepSpec* s = lang->step(id);
      if (!s) s = pack.step(id);
      return s ? render(s->title) : id;
    };
    out << server::path_for_people(note->path) << "\n";
    // Sections, questions and markers in the note's order of lines.
    std::vector<std::pair<int, std::vector<std::string>>> entries;
    for (const auto& s : a.steps)
      entries.push_back({s.line,
                         {"Section: " + step_title(s.id) + " (" + s.id + "), named by " +
                          (s.matched_by == engine::MatchedBy::Marker
                               ? "your marker <!-- mend:step " + s.id + " -->"
                               : std::string("its words")) +
                          "."}});
    for (const auto& q : a.questions) {
      auto wording = matcher.wording(q.wording);
      const engine::QuestionSpec* spec = lang->question(q.id);
      if (!spec) spec = pack.question(q.id);
      entries.push_back(
          {q.line, server::explain_question(q, spec ? render(spec->text) : q.id,
                                            q.section.empty() ? "" : step_title(q.section),
                                            wording ? render(wording->text) : "")});
    }
    for (const auto& m : a.markers) {
      std::string problem = server::marker_problem(m);
      if (m.kind == engine::MarkerNote::Kind::Ignore && problem.empty())
        entries.push_back({m.line,
                           {"Correction: line " + std::to_string(m.target_line + 1) +
                            " is no reflection question (" + server::marker_comment(m) + ")."}});
      else if (!problem.empty())
        entries.push_back({m.line, {"Stale marker: " + problem}});
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    for (const auto& [line, sentences] : entries) {
      char head[32];
      std::snprintf(head, sizeof head, "  line %-4d ", line + 1);
      for (std::size_t i = 0; i < sentences.size(); ++i)
        out << (i == 0 ? std::string(head) : std::string(std::strlen(head), ' ')) << sentences[i]
            << "\n";
    }
    out << "\n";
  }
}

} // namespace

CommandLine scan_command_line() {
  CommandLine command("scan", "DIR", {"DIR", "NOTE"}, 1,
                      "Reads every note of DIR and reports, per note and for the folder, the "
                      "steps, the questions\nanswered and the suggestions.");
  command.options.add_options()("json", "Prints the report as JSON instead of text.")(
      "explain", "Prints, instead of the report, how each line of each note (of NOTE only, "
                 "when given) was read.");
  command.shown_after["explain"] = "[NOTE]";
  add_today_option(command.options, "Judges the notes as if today were this date.");
  add_config_option(command.options,
                    "Reads settings from FILE, over the folder's .mend/config.yaml.");
  add_threads_option(command.options, "Analyses the notes on N threads (0: on the calling thread; "
                                      "default: one per processor).");
  command.options.add_options()("no-cache", "Neither reads nor writes the warm cache.")(
      "stats", "Prints to standard error how many notes were read, from the cache or analysed, "
               "and the time taken.")(
      "no-prefilter", "Parses every note in full (for tests and measurements: the report is the "
                      "same).");
  return command;
}

int scan_command(const ParsedArgs& args) {
  const std::string dir = args.operand(0), explain_note = args.operand(1);
  const std::string config_file = args.get<std::string>("config", "");
  const bool json_output = args.has("json"), explain = args.has("explain");
  const bool stats = args.has("stats");
  bool use_cache = !args.has("no-cache"), prefilter = !args.has("no-prefilter");
  const unsigned threads = args.get<Count>("threads", {server::default_threads()}).value;
  if (!explain_note.empty() && !explain)
    throw UsageError("unexpected argument " + explain_note + " (a NOTE goes with --explain)");
  std::string error;
  std::error_code ec;
  fs::path root(dir);
  if (!fs::exists(root, ec)) {
    std::cerr << "mend scan: " << dir << ": no such folder\n";
    return kExitUsage;
  }
  if (!fs::is_directory(root, ec)) {
    std::cerr << "mend scan: " << dir << ": not a folder\n";
    return kExitUsage;
  }
  if (::access(root.c_str(), R_OK | X_OK) != 0) {
    std::cerr << "mend scan: " << dir << ": cannot read the folder (permission denied)\n";
    return kExitUsage;
  }
  auto config = folder_config(&root, config_file, &error);
  if (!config) {
    std::cerr << "mend scan: " << error << "\n";
    return kExitUsage;
  }
  const engine::Date today =
      args.get<Day>("today", {config->today ? *config->today : today_local()}).value;
  std::vector<engine::PackProblem> problems;
  engine::Pack pack = server::load_pack(&root, config->template_dirs, &problems);
  for (const auto& p : problems)
    std::cerr << "mend scan: warning: " << p.source
              << (p.line >= 0 ? ":" + std::to_string(p.line + 1) : "") << ": " << p.message << "\n";
  engine::AnalysisOptions analysis_options{config->ex_name, config->language, config->topic_gate,
                                           config->pronouns};
  // Calibration only (tests/corpus/eval.py --threshold-sweep): the bar of a line posed as a
  // question, the others moved with it. The prefilter is proven for the built-in bars, so a
  // moved bar parses every note.
  if (const char* bar = std::getenv("MEND_MATCH_THRESHOLD")) {
    char* end = nullptr;
    double value = std::strtod(bar, &end);
    if (end != bar && value > 0 && value < 2) {
      analysis_options.threshold_shift = value - engine::QuestionMatcher::kThreshold;
      prefilter = false;
      use_cache = false;
    }
  }
  engine::Analyzer analyzer(pack, analysis_options);

  bool show_progress = ::isatty(STDERR_FILENO) != 0;
  std::mutex progress_mutex;
  server::ScanProgress progress;
  if (show_progress) {
    progress = [&](std::size_t done, std::size_t total) {
      if (total < 200 || (done % 50 != 0 && done != total)) return;
      std::lock_guard<std::mutex> lock(progress_mutex);
      std::fprintf(stderr, "\rmend scan: %zu/%zu notes", done, total);
      if (done == total) std::fprintf(stderr, "\r\033[K");
      std::fflush(stderr);
    };
  }
  // The warm cache ($XDG_CACHE_HOME/mend/): notes unchanged since the last scan are not parsed.
  std::optional<server::ScanCacheOptions> cache;
  if (use_cache)
    if (auto cache_dir = server::default_cache_dir())
      cache = server::ScanCacheOptions{server::cache_file_for(*cache_dir, root),
                                       server::analysis_identity(&root, *config, kVersion)};
  auto started = std::chrono::steady_clock::now();
  server::FolderScan scan = server::scan_folder(root, analyzer, today, threads, progress,
                                                cache ? &*cache : nullptr, prefilter);
  if (stats) {
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                  .count();
    std::fprintf(stderr,
                 "mend scan: %zu notes, %zu from the cache, %zu analysed (%zu without parsing), "
                 "%zu not read (stat unchanged), cache %s, %.1f ms\n",
                 scan.notes.size(), scan.from_cache, scan.notes.size() - scan.from_cache,
                 scan.not_parsed, scan.not_read,
                 !cache               ? "off"
                 : scan.cache_written ? "written"
                                      : "unchanged",
                 ms);
  }
  for (const auto& w : scan.warnings)
    std::cerr << "mend scan: warning: " << w << "\n";

  // --explain NOTE: that note only, named from the folder or from here.
  std::vector<const server::ScannedNote*> shown;
  for (const auto& note : scan.notes)
    shown.push_back(&note);
  if (!explain_note.empty()) {
    std::string wanted = explain_note;
    std::error_code ec2;
    fs::path here = fs::weakly_canonical(fs::path(explain_note), ec2);
    fs::path base = fs::weakly_canonical(root, ec2);
    if (fs::exists(explain_note, ec2)) {
      fs::path relative = here.lexically_relative(base);
      if (!relative.empty() && relative.native().rfind("..", 0) != 0)
        wanted = relative.generic_string();
    }
    std::erase_if(shown, [&](const server::ScannedNote* n) { return n->path != wanted; });
    if (shown.empty()) {
      std::cerr << "mend scan: " << explain_note << ": not a note of " << dir << "\n";
      return kExitUsage;
    }
  }

  if (json_output) {
    print_json(std::cout, pack, dir, today, scan, shown);
  } else if (explain) {
    print_explanations(std::cout, pack, analyzer.matcher(),
                       {config->ex_name, config->pronouns, engine::format_iso(today)}, shown);
  } else {
    print_text(std::cout, pack, dir, today, scan);
  }
  return kExitOk;
}

} // namespace mend::cli
