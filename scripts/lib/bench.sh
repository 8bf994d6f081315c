# shellcheck shell=bash
# Helpers for scripts/bench (issue 7's benchmarks). Source common.sh first; defines functions only.
#
# Every measure appends one line to $BENCH_RESULTS: "<database> <measure> key=value …".
# Each function takes the database environment as "NAME=value" words in the array DB_ENV.

BENCH_RESULTS="${BENCH_RESULTS:-}"
BENCH_SERVER_PID=""

bench_record() {
    echo "$*" >>"$BENCH_RESULTS"
    lt_info "$*"
}

# Runs "$@" under /usr/bin/time -v; sets BENCH_SECONDS (wall clock) and BENCH_MAXRSS_KB;
# the command's output goes to $BENCH_LOG_DIR/<label>.log. Returns the command's status.
bench_timed() {
    local label="$1" status=0 start end
    shift
    start=$(date +%s.%N)
    /usr/bin/time -v -o "$BENCH_LOG_DIR/$label.time" "$@" >"$BENCH_LOG_DIR/$label.log" 2>&1 || status=$?
    end=$(date +%s.%N)
    BENCH_SECONDS=$(python3 -c "print(f'{$end - $start:.2f}')")
    BENCH_MAXRSS_KB=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$BENCH_LOG_DIR/$label.time")
    return "$status"
}

# Prints the value of one query (the first column of the first row) on the database of DB_ENV.
bench_query() {
    local url="" path="" word
    for word in "${DB_ENV[@]}"; do
        case "$word" in
            DATABASE_URL=*) url="${word#DATABASE_URL=}" ;;
            SQLITE_PATH=*) path="${word#SQLITE_PATH=}" ;;
        esac
    done
    if [ -n "$url" ]; then
        psql -X -q -t -A "$url" -c "$1"
    else
        sqlite3 "$path" "$1"
    fi
}

# The root's code and the code of the grassroots unit whose officer the generator made.
bench_units() {
    ROOT_CODE=$(bench_query "SELECT u.code FROM org_units u WHERE u.id NOT IN (SELECT l.unit_id FROM unit_parent_links l WHERE l.parent_id IS NOT NULL) ORDER BY u.id LIMIT 1")
    TCCS_USER=$(bench_query "SELECT username FROM users WHERE username LIKE 'canbo.%' ORDER BY username LIMIT 1")
    TCCS_CODE=$(bench_query "SELECT u.code FROM users s JOIN org_units u ON u.id = s.scope_unit_id WHERE s.username = '$TCCS_USER'")
    if [ -z "$ROOT_CODE" ] || [ -z "$TCCS_CODE" ]; then
        lt_err "the generated database has no root or no grassroots officer (canbo.*)"
        return 1
    fi
}

# bench_rollup DB CODE: the rollup of CODE over the sơ kết 3 năm against the baseline SQL.
bench_rollup() {
    local db="$1" code="$2" result
    lt_heading "rollup $code ($db, $BENCH_RUNS runs)"
    if ! bench_timed "rollup-$db-$code" env "${DB_ENV[@]}" "$BENCH_BIN" bench rollup --unit "$code" \
        --from 18/5/2021 --to 18/5/2024 --runs "$BENCH_RUNS"; then
        tail -n 5 "$BENCH_LOG_DIR/rollup-$db-$code.log" >&2
        lt_err "bench rollup failed for $code on $db"
        return 1
    fi
    result=$(grep '^RESULT ' "$BENCH_LOG_DIR/rollup-$db-$code.log" | tail -n 1 | sed 's/^RESULT //')
    bench_record "$db rollup $result process_maxrss_kb=$BENCH_MAXRSS_KB"
}

bench_server_stop() {
    if [ -n "$BENCH_SERVER_PID" ] && kill -0 "$BENCH_SERVER_PID" 2>/dev/null; then
        kill -TERM "$BENCH_SERVER_PID" 2>/dev/null || true
        wait "$BENCH_SERVER_PID" 2>/dev/null || true
    fi
    BENCH_SERVER_PID=""
}

# wrk on URL with the session cookie; records requests/s and the 99th percentile in ms.
bench_wrk() {
    local db="$1" label="$2" url="$3" cookie="$4" out rps p99
    out="$BENCH_LOG_DIR/wrk-$db-$label.txt"
    wrk -c 50 -t 2 -d "$BENCH_DURATION" --timeout 10s --latency -H "Cookie: $cookie" "$url" >"$out" 2>&1
    rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
    p99=$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 } \
        else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 }; print v }' "$out")
    local bad
    bad=$(awk '/Non-2xx or 3xx responses:/ { n += $5 } /Socket errors:/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$out")
    echo "${rps:-0} ${p99:-0} ${bad:-0}"
}

# bench_dashboard DB: the server (release) on the database, logged in as the grassroots officer;
# wrk on the unit's dashboard against the stylesheet of the same server.
bench_dashboard() {
    local db="$1" port base csrf cookie page trivial hwm jar
    lt_heading "dashboard $TCCS_CODE ($db, wrk -c 50 -t 2 -d $BENCH_DURATION)"
    port="$(lt_free_port)"
    base="http://127.0.0.1:$port"
    env "${DB_ENV[@]}" "$BENCH_BIN" serve --hostname 127.0.0.1 --port "$port" </dev/null \
        >"$BENCH_LOG_DIR/server-$db.log" 2>&1 &
    BENCH_SERVER_PID=$!
    for _ in $(seq 1 120); do
        curl -fs "$base/healthz" >/dev/null 2>&1 && break
        kill -0 "$BENCH_SERVER_PID" 2>/dev/null || { lt_err "the server exited"; tail -n 20 "$BENCH_LOG_DIR/server-$db.log" >&2; return 1; }
        sleep 1
    done
    jar="$BENCH_LOG_DIR/cookies-$db.txt"
    rm -f "$jar"
    csrf=$(curl -fs -c "$jar" -b "$jar" "$base/dang-nhap" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
    curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" --data-urlencode "username=$TCCS_USER" \
        --data-urlencode "password=demo-lamtheobac" "$base/dang-nhap"
    cookie="ltb_session=$(awk '$6 == "ltb_session" { print $7 }' "$jar" | tail -n 1)"
    # The first request computes the figures (cold); its time is recorded. 15 min at most.
    local status first_ms
    read -r status first_ms <<<"$(curl -s -m 900 -o /dev/null -w '%{http_code} %{time_total}' -H "Cookie: $cookie" \
        "$base/tong-quan?don-vi=$TCCS_CODE&nam=2025")"
    first_ms=$(python3 -c "print(round(${first_ms:-0} * 1000))")
    if [ "$status" != 200 ]; then
        lt_err "the dashboard answered $status to $TCCS_USER (login failed?)"
        bench_server_stop
        return 1
    fi
    page=$(bench_wrk "$db" dashboard "$base/tong-quan?don-vi=$TCCS_CODE&nam=2025" "$cookie")
    trivial=$(bench_wrk "$db" stylesheet "$base/static/app.css" "$cookie")
    hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$BENCH_SERVER_PID/status")
    bench_server_stop
    read -r prps pp99 pbad <<<"$page"
    read -r trps tp99 tbad <<<"$trivial"
    bench_record "$db dashboard unit=$TCCS_CODE first_ms=$first_ms rps=$prps p99_ms=$pp99 errors=$pbad trivial_rps=$trps trivial_p99_ms=$tp99 server_vmhwm_kb=$hwm"
}
