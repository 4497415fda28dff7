# Writes share/doc/mend/copyright: mend's MIT licence, then the notice of everything compiled
# or linked into bin/mend, taken at build time from the very sources built against (the
# grammar's LICENSE from its npm package, each Debian -dev package's copyright file), so the
# notices follow the versions really used and no licence text is retyped here.
#
# cmake -DOUTPUT=file -DLICENSE=LICENSE -DVERSION=x.y.z -DGRAMMAR_DIR=dir
#       "-DLIBRARIES=title|how it is in mend|a file of the library;..." -P notices.cmake
cmake_minimum_required(VERSION 3.22)

file(READ "${LICENSE}" mend_licence)
set(text "mend ${VERSION}\n\nmend is distributed under the MIT License:\n\n${mend_licence}")
string(APPEND text "
------------------------------------------------------------------------------------------
bin/mend is built with the following, each under its own licence, as its sources state it.
The shared libraries it links come with their own Debian packages and notices; they are listed
here too, as parts of their headers are compiled into mend.
")

function(section title how body)
  string(APPEND text "\n=== ${title} (${how}) ===\n\n${body}\n")
  set(text "${text}" PARENT_SCOPE)
endfunction()

# The Markdown grammar: its generated C sources are compiled into mend.
file(READ "${GRAMMAR_DIR}/package.json" grammar_package)
string(JSON grammar_version GET "${grammar_package}" version)
file(READ "${GRAMMAR_DIR}/LICENSE" grammar_licence)
section("tree-sitter-markdown ${grammar_version}" "the Markdown grammar, compiled in" "${grammar_licence}")

find_program(DPKG_QUERY dpkg-query)
foreach(entry IN LISTS LIBRARIES)
  string(REPLACE "|" ";" fields "${entry}")
  list(GET fields 0 title)
  list(GET fields 1 how)
  list(GET fields 2 probe)
  if(NOT DPKG_QUERY)
    message(FATAL_ERROR "notices: dpkg-query is needed to find the Debian package of ${probe}")
  endif()
  # The package that owns the file mend builds against, and its version.
  execute_process(COMMAND ${DPKG_QUERY} -S "${probe}" OUTPUT_VARIABLE owner RESULT_VARIABLE status
                  ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "notices: no Debian package owns ${probe} (${title})")
  endif()
  string(REGEX REPLACE "^([^:,]+).*" "\\1" package "${owner}")
  execute_process(COMMAND ${DPKG_QUERY} -W "-f=\${Version}" "${package}" OUTPUT_VARIABLE package_version
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  set(copyright "/usr/share/doc/${package}/copyright")
  if(NOT EXISTS "${copyright}")
    message(FATAL_ERROR "notices: ${copyright} is missing (${title})")
  endif()
  file(SIZE "${copyright}" size)
  if(size LESS 200000)
    file(READ "${copyright}" body)
  else()
    # Boost's file lists every library of Boost (2 MB). mend compiles only the headers named
    # in the entry's other fields: their own copyright lines, and the licence text they cite
    # (the file's stand-alone "License: BSL-1.0" paragraph, the one after a blank line).
    list(SUBLIST fields 3 -1 headers)
    set(body "")
    foreach(header IN LISTS headers)
      # "Copyright (c) 2003-2020 Christopher M. Kohlhoff", "Copyright Vladimir Prus 2002."
      file(STRINGS "${header}" lines REGEX "Copyright (\\(c\\)|[A-Z][a-z]+ [A-Z][a-z]+ [0-9])")
      foreach(line IN LISTS lines)
        string(REGEX REPLACE "^[/ ]+" "" line "${line}")
        string(APPEND body "${line}\n")
      endforeach()
    endforeach()
    file(READ "${copyright}" all)
    string(FIND "${all}" "\n\nLicense: BSL-1.0\n" start)
    if(start EQUAL -1)
      message(FATAL_ERROR "notices: no BSL-1.0 paragraph in ${copyright}")
    endif()
    math(EXPR start "${start} + 2")
    string(SUBSTRING "${all}" ${start} -1 rest)
    string(FIND "${rest}" "\n\n" stop)
    string(SUBSTRING "${rest}" 0 ${stop} licence)
    string(APPEND body "\n${licence}\n")
  endif()
  section("${title}: Debian ${package} ${package_version}" "${how}" "${body}")
endforeach()

# Written only when it changed, so a rebuild does not repackage for nothing.
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" old)
  if(old STREQUAL text)
    return()
  endif()
endif()
file(WRITE "${OUTPUT}" "${text}")
