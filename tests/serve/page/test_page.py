#!/usr/bin/env python3
"""The mend serve page in headless Chromium (driven by playwright-core through node).
Usage: test_page.py path/to/mend BUILD_DIR [--install-only]. Installs Chromium and playwright-core
if missing (install.sh); skips (exit 77) with a clear message only if that is impossible.
--install-only (the ctest fixture that runs first, with a long timeout, so a first download never
counts against the test's own time) installs, records why it could not if so, and exits 0."""
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from ws_client import Daemon, make_notes_folder, temp_dirs  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
MEND, BUILD = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
DEPS = os.path.join(BUILD, "test-deps", "serve-page")
ARTIFACTS = os.path.join(BUILD, "test-artifacts")

UNAVAILABLE = os.path.join(DEPS, "unavailable")

if "--install-only" in sys.argv:
    os.makedirs(DEPS, exist_ok=True)
    install = subprocess.run([os.path.join(HERE, "install.sh"), DEPS], stderr=subprocess.PIPE, text=True, timeout=1500)
    sys.stderr.write(install.stderr)
    if install.returncode != 0:
        reason = (install.stderr.strip().splitlines() or ["install.sh failed"])[-1]
        open(UNAVAILABLE, "w").write(reason + "\n")
        print("page test dependencies unavailable: " + reason)
    elif os.path.exists(UNAVAILABLE):
        os.remove(UNAVAILABLE)
    sys.exit(0)

if os.path.exists(UNAVAILABLE):
    print("SKIP: the page test needs /usr/bin/chromium and playwright-core, and they could not be installed: " +
          open(UNAVAILABLE).read().strip())
    sys.exit(77)
install = subprocess.run([os.path.join(HERE, "install.sh"), DEPS], timeout=1500)
if install.returncode != 0:
    print("SKIP: the page test needs /usr/bin/chromium and playwright-core, and they could not be installed "
          "(see install.sh's message above)")
    sys.exit(77)

os.makedirs(ARTIFACTS, exist_ok=True)
base, runtime = temp_dirs()
folder = make_notes_folder(os.path.join(base, "notes"))
# Personalised, as a person's folder would be: the steps started from the page name Sam.
os.makedirs(os.path.join(folder, ".mend"), exist_ok=True)
with open(os.path.join(folder, ".mend", "config.yaml"), "w") as f:
    f.write("ex:\n  name: Sam\n  pronouns: he\n")
d = Daemon(MEND, folder, runtime).wait_ready()
try:
    env = dict(os.environ, MEND=MEND, MEND_FOLDER=folder, MEND_TODAY="2026-11-26",
               MEND_PAGE_URL="http://127.0.0.1:%d/?token=%s" % (d.port, d.token),
               MEND_MEDIA=os.path.join(ARTIFACTS, "serve-page"),
               MEND_PLAYWRIGHT=os.path.join(DEPS, "node_modules", "playwright-core"))
    result = subprocess.run(["node", os.path.join(HERE, "page_test.mjs")], env=env, timeout=75)
    if result.returncode != 0:
        print("---- daemon log ----\n" + d.log()[-3000:])
    code = result.returncode
finally:
    d.stop()
    shutil.rmtree(base, ignore_errors=True)
# MEND_UPDATE_MEDIA=1: the screenshots become the README's (editor-clients/web/media/), for a
# person to review in the diff, as golden files are regenerated.
if code == 0 and os.environ.get("MEND_UPDATE_MEDIA") == "1":
    media = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(HERE))), "editor-clients", "web", "media")
    os.makedirs(media, exist_ok=True)
    for name in sorted(os.listdir(os.path.join(ARTIFACTS, "serve-page"))):
        shutil.copyfile(os.path.join(ARTIFACTS, "serve-page", name), os.path.join(media, name))
    print("page test: screenshots copied to", media)
print("page test:", "ok" if code == 0 else "FAILED", "(screenshots: build/test-artifacts/serve-page/)")
sys.exit(0 if code == 0 else 1)
