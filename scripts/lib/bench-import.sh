# shellcheck shell=bash
# The import benchmark of scripts/bench: the province's members as XLSX through `lamtheobac
# import`, against the sqlite3 tool loading the same rows from CSV. Source bench.sh first.

# bench_sheets FULL_SQLITE DIR: people.xlsx and people.csv of every person, written by the
# people export's code path (`bench people-sheet`), once.
bench_sheets() {
    local full="$1" dir="$2" format
    for format in xlsx csv; do
        if [ ! -s "$dir/people.$format" ]; then
            lt_info "writing $dir/people.$format"
            env -u DATABASE_URL SQLITE_PATH="$full" "$BENCH_BIN" bench people-sheet --output "$dir/people.$format.tmp" \
                --format "$format" >"$BENCH_LOG_DIR/people-sheet-$format.log" 2>&1 || {
                cat "$BENCH_LOG_DIR/people-sheet-$format.log" >&2; return 1; }
            mv "$dir/people.$format.tmp" "$dir/people.$format"
        fi
    done
    BENCH_ROWS=$(($(python3 -c "import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding='utf-8-sig'))))" "$dir/people.csv") - 1))
}

# bench_import DB DIR: imports DIR/people.xlsx into the units-only database of DB_ENV (a fresh
# copy, made by the caller), then loads DIR/people.csv with sqlite3 (and, on PostgreSQL, psql's
# \copy) into a table of the same columns.
bench_import() {
    local db="$1" dir="$2" people csvdb
    lt_heading "import $BENCH_ROWS people from XLSX ($db)"
    if ! bench_timed "import-$db" env "${DB_ENV[@]}" "$BENCH_BIN" import can_bo_dang_vien "$dir/people.xlsx" --as quantri; then
        tail -n 20 "$BENCH_LOG_DIR/import-$db.log" >&2
        lt_err "the import failed on $db"
        return 1
    fi
    local seconds="$BENCH_SECONDS" rss="$BENCH_MAXRSS_KB"
    people=$(bench_query "SELECT COUNT(*) FROM people")
    csvdb="$BENCH_LOG_DIR/csv-$db.sqlite"
    rm -f "$csvdb"
    bench_timed "sqlite3-csv-$db" sqlite3 "$csvdb" ".import --csv $dir/people.csv people_csv"
    local sqlite3_seconds="$BENCH_SECONDS" loaded
    loaded=$(sqlite3 "$csvdb" "SELECT COUNT(*) FROM people_csv")
    local extra=""
    if [ "$db" = postgres ]; then
        local url columns
        url=$(printf '%s\n' "${DB_ENV[@]}" | sed -n 's/^DATABASE_URL=//p')
        columns=$(head -n 1 "$dir/people.csv" | sed 's/^\xEF\xBB\xBF//' | python3 -c \
            "import csv,sys; print(', '.join('\"%s\" text' % h.replace('\"', '') for h in next(csv.reader(sys.stdin))))")
        psql -X -q "$url" -c "DROP TABLE IF EXISTS people_csv" -c "CREATE TABLE people_csv ($columns)" >/dev/null
        bench_timed "psql-copy-$db" psql -X -q "$url" -c "\\copy people_csv FROM '$dir/people.csv' WITH (FORMAT csv, HEADER true)"
        extra=" psql_copy_s=$BENCH_SECONDS"
        psql -X -q "$url" -c "DROP TABLE people_csv" >/dev/null
    fi
    bench_record "$db import rows=$BENCH_ROWS people_after=$people import_s=$seconds import_maxrss_kb=$rss sqlite3_csv_s=$sqlite3_seconds sqlite3_rows=$loaded$extra"
}
