# shellcheck shell=bash
# Shared helpers for scripts/test and .ci/run. Source it; it defines functions only.
#
# Functions here never rely on `set -e` (they are often called from an `if`, where bash
# ignores errexit): every step that can fail is checked and returns non-zero.

lt_heading() {
    printf '\n==> %s\n' "$*"
}

lt_info() {
    printf '    %s\n' "$*"
}

lt_warn() {
    printf 'WARNING: %s\n' "$*" >&2
}

lt_err() {
    printf 'ERROR: %s\n' "$*" >&2
}

# Runs a command as root: directly when we are root, else through sudo (non-interactive).
lt_as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n "$@"
    else
        lt_err "need root to run: $* (and sudo is not available)"
        return 1
    fi
}

# Installs Debian packages. Runs `apt-get update` once per process tree
# (LAMTHEOBAC_APT_UPDATED=1 is exported afterwards, so a caller such as .ci/run that already
# updated passes it on to scripts/test).
lt_apt_install() {
    if [ "$#" -eq 0 ]; then
        return 0
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        lt_err "apt-get not found: please install $* by hand"
        return 1
    fi
    if [ "${LAMTHEOBAC_APT_UPDATED:-0}" != 1 ]; then
        lt_info "apt-get update"
        if ! lt_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq; then
            lt_err "apt-get update failed"
            return 1
        fi
        export LAMTHEOBAC_APT_UPDATED=1
    fi
    lt_info "apt-get install $*"
    if ! lt_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        -o Dpkg::Use-Pty=0 "$@" </dev/null; then
        lt_err "apt-get install $* failed"
        return 1
    fi
}

# Prints a TCP port on 127.0.0.1 that was free a moment ago.
lt_free_port() {
    python3 - <<'PY'
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

# The Debian packages the full test run needs that are missing on this machine, one a line.
# (postgresql only when no usable PostgreSQL installation is found; see postgres.sh.)
lt_missing_debian_packages() {
    if ! pg_find_bindir >/dev/null 2>&1; then
        echo postgresql
    fi
    if [ ! -x /usr/bin/chromium ]; then
        echo chromium
    fi
    if [ ! -x /usr/bin/chromedriver ]; then
        echo chromium-driver
    fi
    lt_missing_document_packages
}

# The Debian packages the report tests need (.docx → PDF and .xlsx → CSV through LibreOffice,
# PDF → text) that are missing, one a line.
lt_missing_document_packages() {
    if ! command -v soffice >/dev/null 2>&1 || [ ! -e /usr/lib/libreoffice/program/libswlo.so ]; then
        echo libreoffice-writer-nogui
    fi
    if ! command -v soffice >/dev/null 2>&1 || [ ! -e /usr/lib/libreoffice/program/libsclo.so ]; then
        echo libreoffice-calc-nogui
    fi
    if ! command -v pdftotext >/dev/null 2>&1; then
        echo poppler-utils
    fi
    if [ ! -d /usr/share/fonts/truetype/liberation ]; then
        echo fonts-liberation
    fi
}

# Elapsed seconds since $1 (an epoch second count).
lt_since() {
    echo $(($(date +%s) - $1))
}
