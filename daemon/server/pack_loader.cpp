// Loading the built-in pack and a folder's overrides from disk.
#include "daemon/server/pack_loader.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace mend::server {

namespace fs = std::filesystem;

std::vector<engine::PackFile> override_files(const fs::path* folder,
                                             const std::vector<std::string>& template_dirs,
                                             std::vector<engine::PackProblem>* problems) {
  std::vector<fs::path> roots;
  if (folder) roots.push_back(*folder / ".mend" / "templates");
  for (const auto& d : template_dirs) {
    fs::path p(d);
    if (p.is_relative() && folder) p = *folder / p;
    roots.push_back(p);
  }
  std::vector<engine::PackFile> files;
  for (const auto& root : roots) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) continue;
    std::vector<fs::path> found;
    for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec))
      if (it->is_regular_file(ec) && it->path().extension() == ".md" &&
          it->path().filename() != "README.md")
        found.push_back(it->path());
    std::sort(found.begin(), found.end());
    for (const auto& p : found) {
      std::ifstream in(p, std::ios::binary);
      if (!in) {
        if (problems) problems->push_back({p.string(), -1, "cannot read template file"});
        continue;
      }
      std::stringstream buffer;
      buffer << in.rdbuf();
      engine::PackFile file;
      file.name = fs::relative(p, root, ec).generic_string();
      file.text = buffer.str();
      file.source = p.string();
      files.push_back(std::move(file));
    }
  }
  return files;
}

engine::Pack load_pack(const fs::path* folder, const std::vector<std::string>& template_dirs,
                       std::vector<engine::PackProblem>* problems) {
  std::vector<engine::PackFile> files = engine::builtin_pack_files();
  auto extra = override_files(folder, template_dirs, problems);
  files.insert(files.end(), extra.begin(), extra.end());
  return engine::Pack::load(files, problems);
}

} // namespace mend::server
