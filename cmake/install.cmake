# What `cmake --install` puts where (GNUInstallDirs, so --prefix /usr gives a Debian layout):
#   bin/mend
#   share/man/man1/mend.1.gz                             docs/mend.1.in, version filled in
#   share/bash-completion/completions/mend               scripts/completion/mend.bash
#   share/nvim/site/pack/mend/start/mend/                the Neovim plugin, with doc/tags
#   share/vim/vimfiles/pack/mend/start/mend/             the Vim + ALE configuration
#   share/doc/mend/copyright                             MIT + the notices of what bin/mend holds
#   share/doc/mend/README.vim.md                         how to turn ALE on for mend in Vim
# The two pack/*/start directories are where each editor loads plugins from without any
# configuration: Neovim's 'packpath' holds $XDG_DATA_DIRS/nvim/site (/usr/local/share and
# /usr/share by default), Debian's Vim holds /usr/share/vim/vimfiles.
include(GNUInstallDirs)

install(TARGETS mend RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

set(MEND_DOC_BUILD ${CMAKE_BINARY_DIR}/doc)

# mend(1): compressed as Debian policy asks (gzip -9, no name or time stamp: -n keeps the
# package reproducible).
configure_file(${CMAKE_SOURCE_DIR}/docs/mend.1.in ${MEND_DOC_BUILD}/mend.1 @ONLY)
find_program(MEND_GZIP gzip REQUIRED)
add_custom_command(
  OUTPUT ${MEND_DOC_BUILD}/mend.1.gz
  COMMAND ${MEND_GZIP} -9 -n -c ${MEND_DOC_BUILD}/mend.1 > ${MEND_DOC_BUILD}/mend.1.gz
  DEPENDS ${MEND_DOC_BUILD}/mend.1
  COMMENT "Compressing mend(1)")

# :help mend in the installed plugin (cmake/helptags.cmake).
set(MEND_NVIM_HELP ${CMAKE_SOURCE_DIR}/editor-clients/neovim/doc/mend.txt)
add_custom_command(
  OUTPUT ${MEND_DOC_BUILD}/nvim/tags
  COMMAND ${CMAKE_COMMAND} -DHELP=${MEND_NVIM_HELP} -DOUTPUT=${MEND_DOC_BUILD}/nvim/tags
          -P ${CMAKE_SOURCE_DIR}/cmake/helptags.cmake
  DEPENDS ${MEND_NVIM_HELP} ${CMAKE_SOURCE_DIR}/cmake/helptags.cmake
  COMMENT "Writing the tags of :help mend"
  VERBATIM)

# The notices (cmake/notices.cmake): one entry per library, "title|how mend uses it|a file of it
# (to find its Debian package)[|headers whose copyright lines are quoted, for a package whose
# copyright file is too large to ship]".
find_file(MEND_NLOHMANN_HEADER nlohmann/json.hpp REQUIRED)
find_file(MEND_TREE_SITTER_HEADER tree_sitter/api.h HINTS ${TREE_SITTER_INCLUDE_DIRS} REQUIRED)
find_file(MEND_SPDLOG_HEADER spdlog/spdlog.h REQUIRED)
find_file(MEND_FMT_HEADER fmt/core.h REQUIRED)
find_file(MEND_STEMMER_HEADER libstemmer.h REQUIRED)
find_file(MEND_MD4C_HEADER md4c-html.h HINTS ${MD4C_HTML_INCLUDE_DIRS} REQUIRED)
find_file(MEND_YAML_CPP_HEADER yaml-cpp/yaml.h REQUIRED)
find_file(MEND_UTF8PROC_HEADER utf8proc.h HINTS ${UTF8PROC_INCLUDE_DIRS} REQUIRED)
if(MEND_TREE_SITTER_ARCHIVE)
  set(mend_tree_sitter_how "runtime, linked statically")
else()
  set(mend_tree_sitter_how "runtime, shared library")
endif()
set(MEND_NOTICE_LIBRARIES
  "tree-sitter|${mend_tree_sitter_how}|${MEND_TREE_SITTER_HEADER}"
  "JSON for Modern C++ (nlohmann/json)|headers compiled in|${MEND_NLOHMANN_HEADER}"
  "Boost.Asio and Boost.Beast|headers compiled in|${Boost_INCLUDE_DIRS}/boost/version.hpp|${Boost_INCLUDE_DIRS}/boost/asio.hpp|${Boost_INCLUDE_DIRS}/boost/beast.hpp"
  "Boost.Program_options|shared library|$<TARGET_FILE:Boost::program_options>|${Boost_INCLUDE_DIRS}/boost/program_options.hpp|${Boost_INCLUDE_DIRS}/boost/program_options/options_description.hpp"
  "spdlog|headers compiled in, shared library|${MEND_SPDLOG_HEADER}"
  "fmt|headers compiled in, shared library|${MEND_FMT_HEADER}"
  "Snowball (libstemmer)|shared library|${MEND_STEMMER_HEADER}"
  "MD4C (md4c-html)|shared library|${MEND_MD4C_HEADER}"
  "yaml-cpp|shared library|${MEND_YAML_CPP_HEADER}"
  "utf8proc|shared library|${MEND_UTF8PROC_HEADER}")
add_custom_command(
  OUTPUT ${MEND_DOC_BUILD}/copyright
  COMMAND ${CMAKE_COMMAND} -DOUTPUT=${MEND_DOC_BUILD}/copyright -DLICENSE=${CMAKE_SOURCE_DIR}/LICENSE
          -DVERSION=${PROJECT_VERSION} -DGRAMMAR_DIR=${MEND_GRAMMAR_DIR}
          "-DLIBRARIES=${MEND_NOTICE_LIBRARIES}" -P ${CMAKE_SOURCE_DIR}/cmake/notices.cmake
  DEPENDS ${CMAKE_SOURCE_DIR}/LICENSE ${CMAKE_SOURCE_DIR}/cmake/notices.cmake
          ${MEND_GRAMMAR_DIR}/package.json
  COMMENT "Collecting the licence notices"
  VERBATIM)

add_custom_target(mend_docs ALL
  DEPENDS ${MEND_DOC_BUILD}/mend.1.gz ${MEND_DOC_BUILD}/nvim/tags ${MEND_DOC_BUILD}/copyright)

install(FILES ${MEND_DOC_BUILD}/mend.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CMAKE_SOURCE_DIR}/scripts/completion/mend.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME mend)

set(MEND_NVIM_PACK ${CMAKE_INSTALL_DATADIR}/nvim/site/pack/mend/start/mend)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/editor-clients/neovim/plugin
                  ${CMAKE_SOURCE_DIR}/editor-clients/neovim/lua
                  ${CMAKE_SOURCE_DIR}/editor-clients/neovim/doc
        DESTINATION ${MEND_NVIM_PACK})
install(FILES ${MEND_DOC_BUILD}/nvim/tags DESTINATION ${MEND_NVIM_PACK}/doc)

install(DIRECTORY ${CMAKE_SOURCE_DIR}/editor-clients/vim/plugin
                  ${CMAKE_SOURCE_DIR}/editor-clients/vim/autoload
                  ${CMAKE_SOURCE_DIR}/editor-clients/vim/ale_linters
        DESTINATION ${CMAKE_INSTALL_DATADIR}/vim/vimfiles/pack/mend/start/mend)

install(FILES ${MEND_DOC_BUILD}/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${CMAKE_SOURCE_DIR}/editor-clients/vim/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR}
        RENAME README.vim.md)
