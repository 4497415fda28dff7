// Loads template packs from their Markdown files (templates/README.md).
#include "daemon/engine/pack.h"

#include <algorithm>
#include <set>

#include "daemon/engine/front_matter.h"
#include "daemon/engine/normalize.h"
#include "daemon/engine/yaml.h"

namespace mend::engine {
namespace {

using nlohmann::json;

std::string scalar(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  return {};
}

std::vector<std::string> strings(const json& value, bool lower) {
  std::vector<std::string> out;
  auto add = [&](const json& item) {
    std::string s = scalar(item);
    if (s.empty()) return;
    out.push_back(lower ? fold_case(s) : s);
  };
  if (value.is_array()) {
    for (const auto& item : value)
      add(item);
  } else if (!value.is_null()) {
    add(value);
  }
  return out;
}

std::vector<std::vector<std::string>> string_lists(const json& value) {
  std::vector<std::vector<std::string>> out;
  if (!value.is_array()) return out;
  for (const auto& item : value)
    out.push_back(strings(item, true));
  return out;
}

// An integer setting; anything else (a string, a float, a list) keeps the default. nlohmann's
// value(key, default) throws on a type mismatch, and a pack file is user input.
int integer(const json& object, const char* key, int fallback) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_number_integer()) return fallback;
  long long v = it->get<long long>();
  return v < -1000000 || v > 1000000 ? fallback : static_cast<int>(v);
}

bool flag(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_boolean() && it->get<bool>();
}

std::string text_of(const json& object, const char* key) {
  auto it = object.find(key);
  return it == object.end() ? std::string{} : scalar(*it);
}

std::string trim_copy(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t'))
    s.remove_suffix(1);
  return std::string(s);
}

// "en/why.md" -> ("en", "why"); "why.md" -> ("", "why").
std::pair<std::string, std::string> split_name(std::string_view name) {
  auto slash = name.rfind('/');
  std::string dir = slash == std::string_view::npos ? "" : std::string(name.substr(0, slash));
  std::string base(slash == std::string_view::npos ? name : name.substr(slash + 1));
  if (base.size() > 3 && base.ends_with(".md")) base.resize(base.size() - 3);
  auto dir_slash = dir.rfind('/');
  if (dir_slash != std::string::npos) dir = dir.substr(dir_slash + 1);
  return {dir, base};
}

void read_phrases(LanguagePack& pack, const json& fm) {
  if (auto v = text_of(fm, "name"); !v.empty()) pack.name = v;
  if (auto v = text_of(fm, "placeholder"); !v.empty()) pack.placeholder = v;
  if (auto v = text_of(fm, "default_pronouns"); !v.empty()) pack.default_pronouns = v;
  if (auto v = text_of(fm, "ex_default_name"); !v.empty()) pack.ex_default_name = v;
  if (auto v = text_of(fm, "addressee_as"); !v.empty()) pack.addressee_as = v;
  pack.placeholders = strings(fm.value("placeholders", json()), true);
  if (auto it = fm.find("pronouns"); it != fm.end() && it->is_object()) {
    for (const auto& [set_name, words] : it->items()) {
      PronounSet set;
      if (words.is_object())
        for (const auto& [key, word] : words.items())
          set[key] = scalar(word);
      pack.pronouns[set_name] = std::move(set);
    }
  }
  if (auto it = fm.find("pronoun_aliases"); it != fm.end() && it->is_object())
    for (const auto& [set_name, words] : it->items())
      pack.pronoun_aliases[set_name] = strings(words, true);
  pack.stopwords = strings(fm.value("stopwords", json()), true);
  pack.first_person = strings(fm.value("first_person", json()), true);
  pack.partner_words = strings(fm.value("partner_words", json()), true);
  pack.nil_replies = strings(fm.value("nil_replies", json()), true);
  pack.fillers = strings(fm.value("fillers", json()), true);
  pack.todo_words = strings(fm.value("todo_words", json()), true);
  pack.labels = strings(fm.value("labels", json()), true);
  pack.own_fault_cues = strings(fm.value("own_fault_cues", json()), true);
  pack.self_blame = strings(fm.value("self_blame", json()), true);
  pack.negations = strings(fm.value("negations", json()), true);
  pack.clear_yes = strings(fm.value("clear_yes", json()), true);
  pack.hedges = strings(fm.value("hedges", json()), true);
  pack.shared_words = strings(fm.value("shared_words", json()), true);
  pack.future_markers = strings(fm.value("future_markers", json()), true);
  pack.topic_words = strings(fm.value("topic_words", json()), true);
  pack.topic_pronouns = strings(fm.value("topic_pronouns", json()), true);
  if (auto it = fm.find("pronouns_name_people"); it != fm.end() && it->is_boolean())
    pack.pronouns_name_people = it->get<bool>();
  pack.weak_topic_words = strings(fm.value("weak_topic_words", json()), true);
  pack.other_people = strings(fm.value("other_people", json()), true);
  pack.letter_salutations = strings(fm.value("letter_salutations", json()), true);
  pack.we_words = strings(fm.value("we_words", json()), true);
  pack.others_possessives = strings(fm.value("others_possessives", json()), true);
  pack.relationship_nouns = strings(fm.value("relationship_nouns", json()), true);
  pack.relative_pronouns = strings(fm.value("relative_pronouns", json()), true);
  pack.relatives = strings(fm.value("relatives", json()), true);
  pack.couple_joiners = strings(fm.value("couple_joiners", json()), true);
  pack.other_subjects = strings(fm.value("other_subjects", json()), true);
  pack.helped_titles = strings(fm.value("helped_titles", json()), true);
  pack.groups_left = strings(fm.value("groups_left", json()), true);
  pack.person_objects = strings(fm.value("person_objects", json()), true);
  pack.unconditional = strings(fm.value("unconditional", json()), true);
  pack.topic_words_other_senses = strings(fm.value("topic_words_other_senses", json()), true);
  pack.second_person = strings(fm.value("second_person", json()), true);
  pack.question_openers = strings(fm.value("question_openers", json()), true);
  pack.question_leads = strings(fm.value("question_leads", json()), true);
  if (auto it = fm.find("spellings"); it != fm.end() && it->is_object())
    for (const auto& [typed, meant] : it->items())
      pack.spellings[typed] = scalar(meant);
  pack.months = string_lists(fm.value("months", json()));
  pack.weekdays = string_lists(fm.value("weekdays", json()));
  pack.synonyms = string_lists(fm.value("synonyms", json()));
  pack.droppable_words = strings(fm.value("droppable_words", json()), true);
  pack.insisting_words = strings(fm.value("insisting_words", json()), true);
}

StepSpec read_step(const json& fm, std::string_view body, const std::string& fallback_id,
                   const PackFile& file, std::vector<PackProblem>* problems) {
  StepSpec step;
  step.id = text_of(fm, "step");
  if (step.id.empty()) step.id = fallback_id;
  step.order = integer(fm, "order", 0);
  step.title = text_of(fm, "title");
  step.short_title = text_of(fm, "short");
  if (step.short_title.empty()) step.short_title = step.title;
  step.requires_ = strings(fm.value("requires", json()), false);
  step.aliases = strings(fm.value("aliases", json()), false);
  step.condition = text_of(fm, "condition");
  step.log_overdue_days = integer(fm, "log_overdue_days", 7);
  step.intro = trim_copy(body);
  step.source = file.source;
  auto questions = fm.find("questions");
  if (questions == fm.end() || !questions->is_array()) {
    if (problems)
      problems->push_back({file.source, 0, "step '" + step.id + "' has no questions list"});
    return step;
  }
  std::set<std::string> seen;
  for (const auto& q : *questions) {
    if (!q.is_object()) continue;
    QuestionSpec spec;
    spec.id = text_of(q, "id");
    spec.step = step.id;
    spec.text = text_of(q, "text");
    spec.guidance = text_of(q, "guidance");
    spec.aliases = strings(q.value("aliases", json()), false);
    spec.fault_finding = flag(q, "fault_finding");
    spec.self_blame_check = flag(q, "self_blame_check");
    spec.verdict = flag(q, "verdict");
    spec.log = flag(q, "log");
    spec.of_writer = flag(q, "of_writer");
    spec.any_debrief = flag(q, "any_debrief");
    spec.asked_by_step_title = flag(q, "asked_by_step_title");
    spec.said_by_ex = flag(q, "said_by_ex");
    spec.told_by_writer = flag(q, "told_by_writer");
    if (spec.id.empty() || spec.text.empty()) {
      if (problems)
        problems->push_back(
            {file.source, -1, "a question of step '" + step.id + "' lacks an id or a text"});
      continue;
    }
    if (!spec.id.starts_with(step.id + ".")) {
      if (problems)
        problems->push_back(
            {file.source, -1,
             "question '" + spec.id + "' does not belong to step '" + step.id + "'"});
    }
    if (!seen.insert(spec.id).second) {
      if (problems)
        problems->push_back({file.source, -1, "question '" + spec.id + "' appears twice"});
      continue;
    }
    step.questions.push_back(std::move(spec));
  }
  return step;
}

LanguagePack& language_slot(std::vector<LanguagePack>& languages, const std::string& code) {
  for (auto& l : languages)
    if (l.language == code) return l;
  languages.push_back(LanguagePack{});
  languages.back().language = code;
  languages.back().name = code;
  return languages.back();
}

void merge_names(std::vector<std::vector<std::string>>& into,
                 const std::vector<std::vector<std::string>>& from) {
  if (into.size() < from.size()) into.resize(from.size());
  for (std::size_t i = 0; i < from.size(); ++i)
    for (const auto& name : from[i])
      if (std::find(into[i].begin(), into[i].end(), name) == into[i].end()) into[i].push_back(name);
}

} // namespace

const StepSpec* LanguagePack::step(std::string_view id) const {
  for (const auto& s : steps)
    if (s.id == id) return &s;
  return nullptr;
}

const QuestionSpec* LanguagePack::question(std::string_view id) const {
  auto dot = id.find('.');
  const StepSpec* s = step(id.substr(0, dot));
  if (!s) return nullptr;
  for (const auto& q : s->questions)
    if (q.id == id) return &q;
  return nullptr;
}

Pack Pack::load(const std::vector<PackFile>& files, std::vector<PackProblem>* problems) {
  Pack pack;
  for (const auto& file : files) {
    auto [dir, base] = split_name(file.name);
    auto front = split_front_matter(file.text);
    if (!front) {
      if (problems)
        problems->push_back({file.source, 0, "no front matter (a '---' block at the top)"});
      continue;
    }
    YamlResult yaml = parse_yaml(front->yaml);
    for (const auto& e : yaml.errors)
      if (problems) problems->push_back({file.source, e.line + 1, e.message});
    if (!yaml.value.is_object()) {
      if (problems) problems->push_back({file.source, 0, "front matter is not a map"});
      continue;
    }
    const json& fm = yaml.value;
    std::string language = text_of(fm, "language");
    if (language.empty()) language = dir.empty() ? "en" : dir;
    LanguagePack& lang = language_slot(pack.languages_, language);
    if (base == "_pack") {
      read_phrases(lang, fm);
      lang.source = file.source;
      continue;
    }
    StepSpec step = read_step(fm, front->body, base, file, problems);
    auto existing = std::find_if(lang.steps.begin(), lang.steps.end(),
                                 [&](const StepSpec& s) { return s.id == step.id; });
    if (existing != lang.steps.end())
      *existing = std::move(step); // same id wins: the later file overrides
    else
      lang.steps.push_back(std::move(step));
  }
  // English first: it fixes the step order; other languages follow in load order.
  std::stable_sort(pack.languages_.begin(), pack.languages_.end(),
                   [](const LanguagePack& a, const LanguagePack& b) {
                     return (a.language == "en") > (b.language == "en");
                   });
  std::vector<std::pair<int, std::string>> ordered;
  for (auto& lang : pack.languages_) {
    std::stable_sort(lang.steps.begin(), lang.steps.end(),
                     [](const StepSpec& a, const StepSpec& b) { return a.order < b.order; });
    for (const auto& s : lang.steps) {
      bool known =
          std::any_of(ordered.begin(), ordered.end(), [&](auto& p) { return p.second == s.id; });
      if (!known) ordered.emplace_back(s.order, s.id);
    }
    merge_names(pack.date_names_.months, lang.months);
    merge_names(pack.date_names_.weekdays, lang.weekdays);
  }
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](auto& a, auto& b) { return a.first < b.first; });
  for (auto& [order, id] : ordered)
    pack.step_ids_.push_back(id);
  // Every language must speak of the same questions (catalogue.md): report the differences.
  if (problems && !pack.languages_.empty()) {
    const LanguagePack& first = pack.languages_.front();
    for (const auto& lang : pack.languages_) {
      if (&lang == &first) continue;
      for (const auto& s : first.steps)
        for (const auto& q : s.questions)
          if (!lang.question(q.id))
            problems->push_back({lang.source, -1,
                                 "language '" + lang.language + "' lacks question '" + q.id + "'"});
    }
  }
  return pack;
}

const LanguagePack* Pack::language(std::string_view code) const {
  for (const auto& l : languages_)
    if (l.language == code) return &l;
  return nullptr;
}

const StepSpec* Pack::step(std::string_view id, std::string_view language) const {
  if (const LanguagePack* l = this->language(language))
    if (const StepSpec* s = l->step(id)) return s;
  for (const auto& l : languages_)
    if (const StepSpec* s = l.step(id)) return s;
  return nullptr;
}

const QuestionSpec* Pack::question(std::string_view id, std::string_view language) const {
  if (const LanguagePack* l = this->language(language))
    if (const QuestionSpec* q = l->question(id)) return q;
  for (const auto& l : languages_)
    if (const QuestionSpec* q = l.question(id)) return q;
  return nullptr;
}

std::string step_of_question(std::string_view id) {
  return std::string(id.substr(0, id.find('.')));
}

std::vector<std::string> Pack::question_ids(std::string_view step_id) const {
  std::vector<std::string> ids;
  if (const StepSpec* s = step(step_id))
    for (const auto& q : s->questions)
      ids.push_back(q.id);
  return ids;
}

} // namespace mend::engine
