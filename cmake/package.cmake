# The Debian package: `make deb` (the `deb` target) → build/mend_<version>_amd64.deb, with
# CPack's DEB generator over the install rules of cmake/install.cmake, under /usr.
# Depends is computed by dpkg-shlibdeps from the libraries bin/mend really links (CPack runs it
# on every ELF file it packs), never typed here. tests/package/test_deb.sh installs, uses and
# removes the package.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME mend)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR})
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # mend_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(MEND_DEB_MAINTAINER "mend maintainers <maintainers@users.noreply.r-seed-5e9c0567.example>"
    CACHE STRING "The Maintainer field of the Debian package")
set(CPACK_PACKAGE_CONTACT "${MEND_DEB_MAINTAINER}")
# The editors are optional: mend runs alone, and each plugin is inert without its editor.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "neovim, vim, vim-ale")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "reflection templates and hints for breakup notes in Markdown")
# The extended description; CPack puts the summary above it and indents its lines.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "mend brings one article's order of reflection after a breakup into the Markdown
notes a person already keeps: it inserts the reflection templates, recognises
which questions are answered, in the template's words or the writer's own, and
suggests what is unfinished. It never sends anything over a network.
.
This package holds the mend command (scan, insert, templates, a language server
and a local dashboard daemon), its manual page and bash completion, a Neovim
plugin loaded without configuration and a configuration for Vim with ALE.")
include(CPack)

# Only what the package holds is built: CPack's install step would otherwise build `all`
# (every test) first; see CMAKE_SKIP_INSTALL_ALL_DEPENDENCY in the top CMakeLists.txt.
add_custom_target(deb
  COMMAND ${CMAKE_CPACK_COMMAND} -G DEB --config ${CMAKE_BINARY_DIR}/CPackConfig.cmake
  WORKING_DIRECTORY ${CMAKE_BINARY_DIR}
  COMMENT "Packing the Debian package mend ${PROJECT_VERSION}"
  VERBATIM)
add_dependencies(deb mend mend_docs)
