# bash completion for mend(1): subcommands, each subcommand's options, and template ids.
# Installed as share/bash-completion/completions/mend, where bash-completion loads it on the
# first <TAB> after `mend`. Keep the option lists in step with daemon/cli/ and docs/mend.1.in
# (tests/package/test_docs.py compares the three).

# The template ids the current folder sees (its .mend/templates/ included), asked of mend itself
# so that a folder's own steps complete too. Step ids by default; question ids (why.official)
# once the word holds a dot, so the first list stays short.
_mend_template_ids() {
  local cur=$1 mend=${COMP_WORDS[0]} json
  json=$("$mend" templates --json . 2>/dev/null) || json=$("$mend" templates --json 2>/dev/null) || return
  # Every "id" of the JSON (steps and their questions), one per line, deduplicated across languages.
  local ids
  ids=$(printf '%s\n' "$json" | sed -n 's/^ *"id": "\([^"]*\)",\{0,1\}$/\1/p' | sort -u)
  if [[ $cur != *.* ]]; then
    ids=$(printf '%s\n' "$ids" | grep -v '\.')
    ids+=$'\nlog'
  fi
  local IFS=$'\n'
  COMPREPLY=($(compgen -W "$ids" -- "$cur"))
}

_mend() {
  local cur prev words cword
  if declare -F _init_completion >/dev/null; then
    _init_completion -n = || return
  else
    # Without bash-completion's helpers: the plain variables bash sets.
    cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    words=("${COMP_WORDS[@]}") cword=$COMP_CWORD
  fi

  local commands="scan insert templates lsp serve --version --help"
  if ((cword == 1)); then
    COMPREPLY=($(compgen -W "$commands" -- "$cur"))
    return
  fi

  local command=${words[1]} options=""
  case $command in
    scan) options="--json --today --config --threads --no-cache --stats --explain" ;;
    insert) options="--line --var --language --today --config --no-markers" ;;
    templates) options="--json --config" ;;
    lsp) options="--log-file --log-level --stdio" ;;
    serve) options="--port --today --config --threads" ;;
    *) return ;;
  esac

  # A value after an option that takes one (`--opt value`, or `--opt=value` as one word).
  local option=$prev value=$cur
  if [[ $cur == --*=* ]]; then
    option=${cur%%=*} value=${cur#*=}
  fi
  case $option in
    --config | --log-file)
      COMPREPLY=($(compgen -f -- "$value"))
      compopt -o filenames 2>/dev/null
      return
      ;;
    --log-level)
      COMPREPLY=($(compgen -W "trace debug info warn error off" -- "$value"))
      return
      ;;
    --language)
      COMPREPLY=($(compgen -W "en fr" -- "$value"))
      return
      ;;
    --var)
      COMPREPLY=($(compgen -W "name= pronouns= date=" -- "$value"))
      compopt -o nospace 2>/dev/null
      return
      ;;
    --today | --threads | --port | --line)
      return # a date or a number: nothing to offer
      ;;
  esac

  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
    return
  fi

  # Positional arguments: count those before the cursor, skipping options and their values.
  local i positional=0
  for ((i = 2; i < cword; i++)); do
    case ${words[i]} in
      --today | --config | --threads | --port | --line | --var | --language | --log-file | --log-level) ((i++)) ;;
      -*) ;;
      *) ((positional++)) ;;
    esac
  done
  case $command in
    scan | serve | templates)
      if ((positional == 0)); then
        COMPREPLY=($(compgen -d -- "$cur"))
        compopt -o filenames 2>/dev/null
      fi
      ;;
    insert)
      if ((positional == 0)); then
        _mend_template_ids "$cur"
      elif ((positional == 1)); then
        # A note: Markdown files and the folders that may hold one.
        COMPREPLY=($(compgen -f -X '!*.md' -- "$cur") $(compgen -d -- "$cur"))
        compopt -o filenames 2>/dev/null
      fi
      ;;
  esac
}

complete -F _mend mend
