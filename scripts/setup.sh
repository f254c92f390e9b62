#!/usr/bin/env bash
# Sets up everything gongwen needs on a fresh Debian machine, as root, and is a no-op when it is
# already done: Debian packages (LibreOffice for PDF, poppler for PNG pages, the Fandol faces
# extracted from texlive-lang-chinese without installing TeX), then a venv with the package.
# Sourced by scripts/examples.sh and scripts/test.sh; never run by hand.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV="$ROOT/.venv"
FONT_DIR=/usr/local/share/fonts/gongwen-fandol

apt_packages=()
command -v soffice >/dev/null 2>&1 || apt_packages+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || apt_packages+=(poppler-utils)
command -v fc-match >/dev/null 2>&1 || apt_packages+=(fontconfig)
# Times New Roman (Latin and digits) resolves to its metric twin Liberation Serif.
ls /usr/share/fonts/truetype/liberation*/LiberationSerif-Regular.ttf >/dev/null 2>&1 \
    || apt_packages+=(fonts-liberation2)
# Faces for characters the GB 2312 faces lack (names such as 李镕, CJK Ext. A/B): the profile's
# free_faces chains name them.
ls /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc >/dev/null 2>&1 || apt_packages+=(fonts-noto-cjk)
ls /usr/share/fonts/truetype/arphic/ukai.ttc >/dev/null 2>&1 || apt_packages+=(fonts-arphic-ukai)
ls /usr/share/fonts/truetype/arphic/uming.ttc >/dev/null 2>&1 || apt_packages+=(fonts-arphic-uming)
ls /usr/share/fonts/truetype/hanazono/HanaMinB.ttf >/dev/null 2>&1 || apt_packages+=(fonts-hanazono)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || apt_packages+=(python3-venv)
# UNO for Debian's Python: LibreOffice starts once per run and is fed documents (gongwen/pdf.py);
# without it every batch starts its own soffice.
/usr/bin/python3 -c 'import uno' >/dev/null 2>&1 || apt_packages+=(python3-uno)
# A Redis for the task-queue workers' test (gongwen/worker.py); a deployment brings its own broker.
command -v redis-server >/dev/null 2>&1 || apt_packages+=(redis-server)
# A browser for the page's tests (tests/test_page.py): Debian's Chromium and its driver, so that
# Selenium downloads nothing.
command -v chromium >/dev/null 2>&1 || apt_packages+=(chromium)
command -v chromedriver >/dev/null 2>&1 || apt_packages+=(chromium-driver)
# Quiet on success: what a step prints goes to a log, shown only when the step fails.
quietly() {
    local log
    log=$(mktemp)
    if ! "$@" >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        echo "setup: failed: $*" >&2
        exit 1
    fi
    rm -f "$log"
}

if [ ${#apt_packages[@]} -gt 0 ]; then
    echo "setup: apt-get install ${apt_packages[*]}" >&2
    quietly apt-get update -q
    quietly env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${apt_packages[@]}"
fi

# A real FangSong/Kai exists in Debian only inside texlive-lang-chinese (the GPL Fandol faces):
# download the package and unpack just the four faces.
if ! ls "$FONT_DIR"/FandolFang-Regular.otf >/dev/null 2>&1; then
    echo "setup: extracting the Fandol faces from texlive-lang-chinese" >&2
    tmp=$(mktemp -d)
    (cd "$tmp" && apt-get download -q texlive-lang-chinese >/dev/null 2>&1) || {
        apt-get update -q >/dev/null
        (cd "$tmp" && apt-get download -q texlive-lang-chinese >/dev/null)
    }
    dpkg -x "$tmp"/texlive-lang-chinese_*.deb "$tmp/x"
    mkdir -p "$FONT_DIR"
    find "$tmp/x" -name 'Fandol*.otf' -exec cp {} "$FONT_DIR/" \;
    rm -rf "$tmp"
fi
# Cache the faces under the project's fontconfig file: its scan rules fix Fandol's bold weights.
FONTCONFIG_FILE="$ROOT/gongwen/fontconfig/fonts.conf" quietly fc-cache -f "$FONT_DIR"

if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
# Reinstall only when the project's metadata or its pinned versions changed since the last
# install; the versions are those of constraints.txt (scripts/refresh-constraints.sh renews them).
stamp="$VENV/.gongwen-installed"
if [ ! -f "$stamp" ] || [ "$ROOT/pyproject.toml" -nt "$stamp" ] || [ "$ROOT/constraints.txt" -nt "$stamp" ]; then
    echo "setup: installing gongwen and its pinned dependencies into .venv" >&2
    quietly "$VENV/bin/python" -m pip install -q --upgrade pip
    quietly "$VENV/bin/python" -m pip install -q -c "$ROOT/constraints.txt" -e "$ROOT[test]"
    touch "$stamp"
fi
export PATH="$VENV/bin:$PATH"
# gongwen's bytecode compiled now, not by the first command a user runs (an editable install
# leaves it uncompiled; the first CLI call then compiles some 50 modules)
quietly "$VENV/bin/python" -m compileall -q "$ROOT/gongwen"
# `gongwen` in every new shell: a link on the PATH to the venv's command (root's quick start);
# elsewhere, `source .venv/bin/activate` does the same for one shell.
link=/usr/local/bin/gongwen
if [ -w "$(dirname "$link")" ] && { [ ! -e "$link" ] || [ "$(readlink "$link")" = "$VENV/bin/gongwen" ]; }; then
    ln -sf "$VENV/bin/gongwen" "$link"
fi
