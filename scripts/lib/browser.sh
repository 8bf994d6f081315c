# shellcheck shell=bash
# The browser test's needs: Chromium + Debian's chromedriver, the Python packages, and the app
# server running on a loopback port. Source common.sh first.
#
#   browser_ensure_deps REQUIREMENTS_FILE
#   server_start BIN PORT SQLITE_PATH LOG_FILE    sets SERVER_PID
#   server_wait_healthy URL TIMEOUT_SECONDS       0 once GET URL/healthz answers 200
#   server_stop                                    safe to call twice or when not started

CHROMIUM_BIN=/usr/bin/chromium
CHROMEDRIVER_BIN=/usr/bin/chromedriver
SERVER_PID=""

browser_ensure_deps() {
    local requirements="$1" missing=() out
    [ -x "$CHROMIUM_BIN" ] || missing+=(chromium)
    [ -x "$CHROMEDRIVER_BIN" ] || missing+=(chromium-driver)
    if [ "${#missing[@]}" -gt 0 ]; then
        lt_apt_install "${missing[@]}" || return 1
    fi
    if ! python3 -m pip --version >/dev/null 2>&1; then
        lt_apt_install python3-pip || return 1
    fi
    # Cheap when already satisfied (exact pins: no index lookup).
    if ! out="$(python3 -m pip install -q --disable-pip-version-check --no-input \
        -r "$requirements" 2>&1)"; then
        if printf '%s' "$out" | grep -q externally-managed-environment; then
            out="$(python3 -m pip install -q --disable-pip-version-check --no-input \
                --break-system-packages -r "$requirements" 2>&1)" || {
                printf '%s\n' "$out" >&2
                lt_err "pip install -r $requirements failed"
                return 1
            }
        else
            printf '%s\n' "$out" >&2
            lt_err "pip install -r $requirements failed"
            return 1
        fi
    fi
    lt_info "$("$CHROMIUM_BIN" --version 2>/dev/null | head -n 1); $("$CHROMEDRIVER_BIN" --version 2>/dev/null | cut -d' ' -f1-2); selenium $(python3 -c 'import selenium; print(selenium.__version__)')"
}

# Starts the app in the background with a fresh SQLite file and demo data.
server_start() {
    local bin="$1" port="$2" sqlite_path="$3" log="$4"
    env -u DATABASE_URL -u TEST_DATABASE_URL SQLITE_PATH="$sqlite_path" \
        "$bin" serve --demo --hostname 127.0.0.1 --port "$port" </dev/null >"$log" 2>&1 &
    SERVER_PID=$!
    lt_info "server pid $SERVER_PID on http://127.0.0.1:$port (log: $log)"
}

server_wait_healthy() {
    local url="$1" timeout="$2" start
    start=$(date +%s)
    while :; do
        if [ -z "$SERVER_PID" ] || ! kill -0 "$SERVER_PID" 2>/dev/null; then
            local status=0
            [ -n "$SERVER_PID" ] && { wait "$SERVER_PID" 2>/dev/null || status=$?; }
            SERVER_PID=""
            lt_err "the server exited (status $status) before answering $url/healthz"
            return 1
        fi
        if python3 - "$url/healthz" <<'PY' 2>/dev/null; then
import sys, urllib.request
try:
    with urllib.request.urlopen(sys.argv[1], timeout=3) as r:
        sys.exit(0 if r.status == 200 else 1)
except Exception:
    sys.exit(1)
PY
            lt_info "healthy after $(lt_since "$start") s"
            return 0
        fi
        if [ "$(lt_since "$start")" -ge "$timeout" ]; then
            lt_err "no 200 from $url/healthz within $timeout s"
            return 1
        fi
        sleep 1
    done
}

server_stop() {
    local _
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 30); do
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.5
        done
        if kill -0 "$SERVER_PID" 2>/dev/null; then
            lt_warn "server did not stop on SIGTERM; killing it"
            kill -KILL "$SERVER_PID" 2>/dev/null || true
        fi
        wait "$SERVER_PID" 2>/dev/null || true
        lt_info "server stopped"
    fi
    SERVER_PID=""
}
