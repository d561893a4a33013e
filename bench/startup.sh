#!/usr/bin/env bash
# Start-up: wall time from `java -jar qualification-app.jar update ...` to its exit after the first
# successful update (exit 0, "Updated ..."), median of RUNS launches (default 10) after one warm-up
# launch, on the embedded fake and over loopback against one `serve-fake` started once.
#
#   bench/startup.sh                 # builds the jar, default JVM flags
#   JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" bench/startup.sh
#   RUNS=20 bench/startup.sh
#
# Every launch over loopback updates a customer that holds nothing yet (a generated seed file), so each
# one is a real Updated with one request, never the Rejected + re-read path of a repeated update.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${RUNS:-10}"
jar=qualification-app/target/qualification-app.jar
java_opts=(${JAVA_OPTS:-})
# always rebuilt, so the jar measured is the working tree's
mvn -B -q ${MVN_OFFLINE:-} -pl qualification-app/cli -am -DskipTests package >/dev/null

work="$(mktemp -d)"
fake_pid=""
cleanup() {
    if [[ -n "$fake_pid" ]]; then kill "$fake_pid" 2>/dev/null || true; wait "$fake_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

customer() { printf '%08d-0000-4000-8000-%012d' "$1" "$1"; }

# one fresh customer per loopback launch (+1 for the warm-up)
{
    echo '{"customers": ['
    for i in $(seq 1 $((runs + 1))); do
        sep=$([[ $i -le $runs ]] && echo , || true)
        echo "  {\"id\": \"$(customer "$i")\", \"qualifications\": []}$sep"
    done
    echo '], "validationCodes": []}'
} > "$work/seed.json"

now_ns() { date +%s%N; }

# times one launch in ms; fails the script unless it exited 0 and said "Updated"
launch_ms() {
    local start end out
    start=$(now_ns)
    out=$("$@" 2>&1) || { echo "launch failed: $out" >&2; exit 1; }
    end=$(now_ns)
    [[ "$out" == Updated* ]] || { echo "not an update: $out" >&2; exit 1; }
    echo $(( (end - start) / 1000000 ))
}

report() { # label, then the times in ms
    local label="$1"; shift
    local sorted=($(printf '%s\n' "$@" | sort -n)) n=$#
    local median
    if (( n % 2 )); then median=${sorted[$((n / 2))]}; else median=$(( (sorted[n / 2 - 1] + sorted[n / 2]) / 2 )); fi
    printf '| %s | %d ms | %d ms | %d ms | %d | %s |\n' "$label" "$median" "${sorted[0]}" "${sorted[$((n - 1))]}" "$n" "$*"
}

echo "machine: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg); JVM flags: ${java_opts[*]:-(none, defaults)}"
java -version 2>&1 | head -1

# embedded fake: a fresh JVM, so a fresh fake with the demo data, every launch
demo=11111111-1111-4111-8111-111111111111
launch_ms java "${java_opts[@]}" -jar "$jar" update --customer "$demo" --qualification Education >/dev/null
embedded=()
for i in $(seq 1 "$runs"); do
    embedded+=("$(launch_ms java "${java_opts[@]}" -jar "$jar" update --customer "$demo" --qualification Education)")
done

# loopback: serve-fake started once (not timed), then one launch per fresh customer
java -Dsun.net.httpserver.nodelay=true -jar "$jar" serve-fake --port 0 --seed "$work/seed.json" --ttl 600 > "$work/fake.out" 2>&1 &
fake_pid=$!
port=""
for _ in $(seq 1 100); do
    port=$(sed -n 's/.*(port \([0-9]*\)).*/\1/p' "$work/fake.out" | head -1)
    [[ -n "$port" ]] && break
    sleep 0.1
done
[[ -n "$port" ]] || { echo "serve-fake did not start: $(cat "$work/fake.out")" >&2; exit 1; }
export PARTNER_CENTER_TOKEN=startup-bench-token
base="http://127.0.0.1:$port"
launch_ms java "${java_opts[@]}" -jar "$jar" --base-url "$base" update --customer "$(customer $((runs + 1)))" --qualification Education >/dev/null
loopback=()
for i in $(seq 1 "$runs"); do
    loopback+=("$(launch_ms java "${java_opts[@]}" -jar "$jar" --base-url "$base" update --customer "$(customer "$i")" --qualification Education)")
done

echo
echo "| launch to first successful update | median | min | max | launches | all (ms) |"
echo "|---|---:|---:|---:|---:|---|"
report "embedded fake" "${embedded[@]}"
report "loopback (serve-fake)" "${loopback[@]}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
