# shellcheck shell=bash
# A throw-away PostgreSQL cluster for the test suite. Source common.sh first.
#
#   pg_start        installs PostgreSQL if needed, starts a cluster on a free port of 127.0.0.1
#                   (trust auth, role and database `lamtheobac`) and sets PG_URL
#   pg_stop         stops it and removes its directory; safe to call twice or when not started
#
# initdb and postgres refuse to run as root, so when we are root the cluster belongs to the
# `postgres` OS user (made by Debian's package; created here as a system user if missing).
#
# Try it alone:
#   bash -c 'source scripts/lib/common.sh; source scripts/lib/postgres.sh; trap pg_stop EXIT;
#            pg_start && psql "$PG_URL" -c "select version()"'

PG_BINDIR="${PG_BINDIR:-}"
PG_ROOT=""
PG_DATA=""
PG_PORT=""
PG_LOG=""
PG_URL=""
PG_OWNER=""

# Prints the directory holding initdb, pg_ctl, postgres and psql, or returns 1.
# Order: $PG_BINDIR if set; the newest /usr/lib/postgresql/*/bin; pg_ctl found on PATH.
pg_find_bindir() {
    local d candidates=()
    if [ -n "${PG_BINDIR:-}" ]; then
        candidates+=("$PG_BINDIR")
    fi
    while IFS= read -r d; do
        [ -n "$d" ] && candidates+=("$d")
    done < <(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5 -V -r)
    if command -v pg_ctl >/dev/null 2>&1; then
        candidates+=("$(dirname "$(readlink -f "$(command -v pg_ctl)")")")
    fi
    for d in "${candidates[@]}"; do
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ] && [ -x "$d/psql" ]; then
            echo "$d"
            return 0
        fi
    done
    return 1
}

pg_ensure_installed() {
    local found
    if found="$(pg_find_bindir)"; then
        PG_BINDIR="$found"
        return 0
    fi
    lt_info "PostgreSQL not found: installing Debian's postgresql package"
    lt_apt_install postgresql || return 1
    if ! found="$(pg_find_bindir)"; then
        lt_err "PostgreSQL still not found after installing it"
        return 1
    fi
    PG_BINDIR="$found"
}

# Runs a command as the cluster's owner, from a directory that owner can read.
pg_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd "$PG_ROOT" && runuser -u "$PG_OWNER" -- "$@")
    else
        (cd "$PG_ROOT" && "$@")
    fi
}

pg_ensure_owner() {
    if [ "$(id -u)" -ne 0 ]; then
        PG_OWNER="$(id -un)"
        return 0
    fi
    PG_OWNER=postgres
    if ! id -u postgres >/dev/null 2>&1; then
        lt_info "creating system user postgres"
        if ! useradd --system --user-group --no-create-home \
            --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres; then
            lt_err "could not create the postgres OS user"
            return 1
        fi
    fi
}

pg_start() {
    local tries port ok
    pg_ensure_installed || return 1
    pg_ensure_owner || return 1
    lt_info "PostgreSQL binaries: $PG_BINDIR ($("$PG_BINDIR/postgres" --version 2>/dev/null))"

    # Always under /tmp (not $TMPDIR): the owner must be able to reach it.
    if ! PG_ROOT="$(mktemp -d /tmp/lamtheobac-pg.XXXXXX)"; then
        lt_err "mktemp failed"
        return 1
    fi
    PG_DATA="$PG_ROOT/data"
    PG_LOG="$PG_ROOT/postgres.log"
    mkdir -p "$PG_ROOT/sock" || return 1
    chmod 0755 "$PG_ROOT" || return 1
    if [ "$(id -u)" -eq 0 ]; then
        chown -R "$PG_OWNER:" "$PG_ROOT" || return 1
    fi

    # C.UTF-8 so that lower()/upper() know Vietnamese letters; plain C only as a fallback.
    if ! pg_as_owner "$PG_BINDIR/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 \
        --locale=C.UTF-8 --no-sync >"$PG_ROOT/initdb.log" 2>&1; then
        lt_warn "initdb with locale C.UTF-8 failed; retrying with locale C"
        rm -rf "$PG_DATA"
        if ! pg_as_owner "$PG_BINDIR/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 \
            --locale=C --no-sync >"$PG_ROOT/initdb.log" 2>&1; then
            lt_err "initdb failed:"
            cat "$PG_ROOT/initdb.log" >&2
            return 1
        fi
    fi

    # The port is free when we look and may be taken before postgres binds it: retry.
    ok=0
    for tries in 1 2 3 4 5; do
        port="$(lt_free_port)" || return 1
        if pg_as_owner "$PG_BINDIR/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 -o \
            "-c listen_addresses=127.0.0.1 -p $port -k $PG_ROOT/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
            start >"$PG_ROOT/pg_ctl.log" 2>&1; then
            ok=1
            break
        fi
        lt_warn "PostgreSQL did not start on port $port (try $tries)"
        tail -n 20 "$PG_LOG" >&2 2>/dev/null || true
        pg_as_owner "$PG_BINDIR/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1 || true
    done
    if [ "$ok" != 1 ]; then
        lt_err "PostgreSQL would not start"
        cat "$PG_ROOT/pg_ctl.log" >&2 2>/dev/null || true
        return 1
    fi
    PG_PORT="$port"

    if ! "$PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
        -c "CREATE ROLE lamtheobac LOGIN SUPERUSER" \
        -c "CREATE DATABASE lamtheobac OWNER lamtheobac"; then
        lt_err "could not create role/database lamtheobac"
        return 1
    fi
    PG_URL="postgres://lamtheobac@127.0.0.1:$PG_PORT/lamtheobac"
    lt_info "PostgreSQL is up: $PG_URL (data in $PG_DATA)"
}

pg_stop() {
    local pid
    if [ -n "$PG_DATA" ] && [ -f "$PG_DATA/postmaster.pid" ]; then
        if ! pg_as_owner "$PG_BINDIR/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1; then
            pg_as_owner "$PG_BINDIR/pg_ctl" -D "$PG_DATA" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
        fi
        if [ -f "$PG_DATA/postmaster.pid" ]; then
            pid="$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)"
            if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
                kill -KILL "$pid" 2>/dev/null || true
            fi
        fi
        lt_info "PostgreSQL stopped"
    fi
    if [ -n "$PG_ROOT" ] && [ -d "$PG_ROOT" ]; then
        rm -rf "$PG_ROOT"
    fi
    PG_ROOT=""
    PG_DATA=""
    PG_URL=""
}
