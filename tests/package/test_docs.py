#!/usr/bin/env python3
"""mend(1) and the bash completion against the binary they describe.

The man page (docs/mend.1.in) and the completion (scripts/completion/mend.bash) are written by
hand; this keeps them true as the command line changes:
  - every subcommand of `mend --help` has an entry in the man page and is completed;
  - per subcommand, the man page documents exactly the options the parser knows: those
    `mend COMMAND --help` lists (the parser's own description prints it), which `mend --help`'s
    synopsis lists too; --help itself, which every subcommand takes, is documented once;
  - the man page and the completion list the same options per subcommand (the completion leaves
    out only the options the man page marks as for tests);
  - the binary accepts every option the man page documents (run with a folder that does not
    exist, so nothing is done), and says so for one it does not know;
  - `mend insert <TAB>` offers exactly the step ids `mend templates` lists, and `log`;
  - the page renders with man(1) without a warning.
Usage: test_docs.py MEND SOURCE_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

MEND = os.path.abspath(sys.argv[1])
SOURCE = os.path.abspath(sys.argv[2])
MAN = os.path.join(SOURCE, "docs", "mend.1.in")
COMPLETION = os.path.join(SOURCE, "scripts", "completion", "mend.bash")
# In the man page, but deliberately not offered on <TAB>: for tests and measurements.
NOT_COMPLETED = {("scan", "--no-prefilter")}
MISSING = "/nonexistent-mend-docs-probe"

failures = []


def check(ok, message):
    if not ok:
        failures.append(message)


def unescape(roff):
    return roff.replace("\\-", "-").replace("\\fI", "").replace("\\fP", "").replace('"', "").strip()


def man_page():
    """(commands, {command: {option: metavar or None}}) from the man page's source."""
    commands, options = [], {}
    section = subsection = None
    lines = open(MAN, encoding="utf-8").read().splitlines()
    for i, line in enumerate(lines):
        if line.startswith(".SH "):
            section, subsection = line[4:].strip(), None
        elif line.startswith(".SS "):
            subsection = line[4:].strip()
            options[subsection] = {}
        elif line == ".TP" and i + 1 < len(lines):
            tag = lines[i + 1]
            m = re.match(r"\.(?:B|BI|BR)\s+(.*)", tag)
            if not m:
                continue
            words = unescape(m.group(1)).split()
            if section == "COMMANDS" and words and not words[0].startswith("-"):
                commands.append(words[0].rstrip(","))
            elif section == "OPTIONS" and subsection and words and words[0].startswith("--"):
                options[subsection][words[0]] = words[1] if len(words) > 1 else None
    return commands, options


def help_text():
    """(commands, {command: options}) from `mend --help`'s synopsis, one entry per command (a
    synopsis too long for one line goes on below it, indented)."""
    r = subprocess.run([MEND, "--help"], capture_output=True, text=True, timeout=10)
    check(r.returncode == 0, f"mend --help exited with {r.returncode}")
    commands, options, current = [], {}, None
    for line in r.stdout.splitlines():
        m = re.match(r"\s+mend ([a-z]+)\b(.*)", line)
        if m:
            current = m.group(1)
            commands.append(current)
            options[current] = set(re.findall(r"--[a-z][a-z-]*", m.group(2)))
        elif current and re.match(r"\s+\[", line):
            options[current] |= set(re.findall(r"--[a-z][a-z-]*", line))
        else:
            current = None
    return commands, options


def parser_options(command):
    """The options `mend COMMAND --help` lists: what the parser knows, --help left out."""
    r = subprocess.run([MEND, command, "--help"], capture_output=True, text=True, timeout=10)
    check(r.returncode == 0, f"mend {command} --help exited with {r.returncode}")
    listed = set(re.findall(r"(?m)^  (?:-h \[ )?(--[a-z][a-z-]*)", r.stdout))
    check("--help" in listed, f"mend {command} --help does not list --help")
    return listed - {"--help"}


def complete(*words):
    """What <TAB> offers after `words` (the last one is the word being completed)."""
    script = f"""
source {COMPLETION}
COMP_WORDS=({' '.join(repr(w) for w in words)})
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
COMP_LINE="${{COMP_WORDS[*]}}"
COMP_POINT=${{#COMP_LINE}}
_mend mend "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\\n' "${{COMPREPLY[@]}}"
"""
    # mend on PATH is the binary under test (the completion asks it for template ids).
    env = dict(os.environ, PATH=os.path.dirname(MEND) + os.pathsep + os.environ.get("PATH", ""))
    with tempfile.TemporaryDirectory() as cwd:
        r = subprocess.run(["bash", "--norc", "--noprofile", "-c", script], capture_output=True,
                           text=True, cwd=cwd, env=env, timeout=20)
    check(r.returncode == 0, f"completion of {words} failed: {r.stderr.strip()}")
    return [w for w in r.stdout.splitlines() if w]


SAMPLE = {"YYYY-MM-DD": "2026-01-01", "N": "1", "FILE": MISSING + "/file", "LEVEL": "bogus",
          "LANG": "en", "name": "name=Alex"}
# Arguments after the probed option that make each subcommand stop before doing anything.
TAIL = {"scan": [MISSING], "serve": [MISSING], "templates": [MISSING],
        "insert": ["why", MISSING + "/note.md"], "lsp": ["--log-level", "bogus"]}
UNKNOWN = re.compile(r"(unknown|unrecogni[sz]ed) option", re.I)


def probe(command, option, metavar):
    args = [MEND, command, option]
    if metavar:
        args.append(SAMPLE.get(metavar, "x"))
    tail = TAIL[command] if option != "--log-level" else []
    r = subprocess.run(args + tail, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                       timeout=20)
    return r


def main():
    if not shutil.which("bash"):
        print("bash is missing: skipped")
        return 77
    man_commands, man_options = man_page()
    help_commands, help_options = help_text()
    check(help_commands, "mend --help lists no subcommand")
    completed_commands = complete("mend", "")
    for command in help_commands:
        check(command in man_commands, f"man page: no entry for `mend {command}` in COMMANDS")
        check(command in man_options, f"man page: no OPTIONS subsection for `mend {command}`")
        check(command in completed_commands, f"completion: `mend <TAB>` does not offer {command}")
        known = parser_options(command)
        documented = set(man_options.get(command, {}))
        check(known == documented,
              f"`mend {command}`: the parser knows {sorted(known)}, the man page documents "
              f"{sorted(documented)}")
        check(help_options.get(command) == known,
              f"`mend --help` shows {sorted(help_options.get(command, ()))} for {command}, "
              f"the parser knows {sorted(known)}")
    for flag in ("--version", "--help"):
        check(flag in completed_commands, f"completion: `mend <TAB>` does not offer {flag}")

    for command, documented in man_options.items():
        completed = set(complete("mend", command, "--"))
        expected = {o for o in documented if (command, o) not in NOT_COMPLETED}
        check(completed == expected,
              f"`mend {command} --<TAB>` offers {sorted(completed)}, the man page documents "
              f"{sorted(expected)}")
        for option, metavar in documented.items():
            r = probe(command, option, metavar)
            check(not UNKNOWN.search(r.stderr),
                  f"mend {command} refuses {option}, which the man page documents: {r.stderr.strip()}")
    # The probe can tell: an option nobody documents is refused as unknown.
    r = probe("scan", "--no-such-option", None)
    check(r.returncode == 2 and UNKNOWN.search(r.stderr),
          f"mend scan --no-such-option: exit {r.returncode}, {r.stderr.strip()!r}")

    # Template ids: the steps `mend templates` lists, and the action log's entry.
    r = subprocess.run([MEND, "templates"], capture_output=True, text=True, timeout=20)
    steps = {line.split()[0] for line in r.stdout.splitlines() if line.strip()}
    check(steps, "mend templates lists nothing")
    offered = set(complete("mend", "insert", ""))
    check(offered == steps | {"log"},
          f"`mend insert <TAB>` offers {sorted(offered)}, not {sorted(steps | {'log'})}")
    check(complete("mend", "insert", "why.off") == ["why.official"],
          "`mend insert why.off<TAB>` does not complete to why.official")

    if shutil.which("man"):
        with tempfile.TemporaryDirectory() as tmp:
            page = os.path.join(tmp, "mend.1")
            with open(page, "w", encoding="utf-8") as f:
                f.write(open(MAN, encoding="utf-8").read().replace("@PROJECT_VERSION@", "0"))
            r = subprocess.run(["man", "--warnings", "-l", "-P", "cat", page], capture_output=True,
                               text=True, env=dict(os.environ, MANWIDTH="80"), timeout=30)
            check(r.returncode == 0 and not r.stderr.strip(), f"man warns: {r.stderr.strip()}")
    else:
        print("man is missing: rendering not checked")

    for f in failures:
        print("FAIL:", f)
    documented = sum(len(o) for o in man_options.values())
    print(f"{len(man_commands)} subcommands, {documented} options documented; "
          f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
