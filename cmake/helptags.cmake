# Writes the tags file of a Vim help file, as :helptags would, so the installed Neovim plugin
# answers `:help mend` without Neovim at build time or a :helptags run by the user (Neovim never
# runs it for a package under a system directory).
#
# cmake -DHELP=doc/mend.txt -DOUTPUT=tags -P helptags.cmake
cmake_minimum_required(VERSION 3.22)

get_filename_component(name "${HELP}" NAME)
file(STRINGS "${HELP}" lines)
set(entries "")
foreach(line IN LISTS lines)
  # A tag is *name* between white space (or the line's ends); a name holds no blank, | or *.
  string(REGEX MATCHALL "(^|[ \t])\\*[^ \t|*]+\\*([ \t]|$)" found "${line}")
  foreach(match IN LISTS found)
    string(STRIP "${match}" match)
    string(REGEX REPLACE "^\\*(.*)\\*$" "\\1" tag "${match}")
    # The search command :help runs: \ and / are escaped as in Vim's own tags files.
    string(REPLACE "\\" "\\\\" pattern "${tag}")
    string(REPLACE "/" "\\/" pattern "${pattern}")
    list(APPEND entries "${tag}\t${name}\t/*${pattern}*")
  endforeach()
endforeach()
list(REMOVE_DUPLICATES entries)
list(SORT entries) # Vim looks tags up by binary search: byte order, as :helptags writes them
list(JOIN entries "\n" text)
file(WRITE "${OUTPUT}" "${text}\n")
