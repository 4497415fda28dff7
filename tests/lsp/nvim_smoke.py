"""Runs nvim_smoke.lua in headless Neovim against `mend lsp` on a copy of the fixture note.

Usage: nvim_smoke.py MEND. Skips (exit 0 with a message) only when nvim is not installed.
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    mend = os.path.abspath(sys.argv[1])
    nvim = shutil.which("nvim")
    if not nvim:
        print("nvim not installed: skipped")
        return 0
    tmp = tempfile.mkdtemp(prefix="mend-nvim-")
    try:
        root = os.path.join(tmp, "notes")
        shutil.copytree(os.path.join(HERE, "fixtures", "notes"), root)
        env = dict(os.environ, MEND=mend, NOTE=os.path.join(root, "breakup.md"), XDG_CONFIG_HOME=tmp,
                   XDG_DATA_HOME=tmp, XDG_STATE_HOME=tmp, XDG_CACHE_HOME=tmp)
        r = subprocess.run([nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c",
                            "luafile " + os.path.join(HERE, "nvim_smoke.lua")],
                           env=env, capture_output=True, timeout=50, stdin=subprocess.DEVNULL)
        sys.stdout.write(r.stdout.decode(errors="replace"))
        sys.stderr.write(r.stderr.decode(errors="replace"))
        if r.returncode != 0 or b"nvim smoke: ok" not in r.stdout + r.stderr:
            print("neovim smoke test failed (exit %d)" % r.returncode)
            return 1
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
