#!/usr/bin/env bash
# The launcher (qualification-app/cli/bin/qualification) against `java -jar`, side by side in ONE run:
#
#  1. launch to exit after the first successful update ("Updated ..."), on the embedded fake and over
#     loopback to a `serve-fake` this script starts on 127.0.0.1 (with --ttl; stopped at the end):
#     the launcher's first run of each kind once (cold: it writes the class list, then makes its
#     class-data archive in the background; the time until the archive is ready is shown too), one
#     warm-up each, then RUNS launches of each, interleaved A B A B ... (A = java -jar, B = the launcher);
#  2. peak RSS (/usr/bin/time -v, "Maximum resident set size") of a BULK_ROWS-row bulk on the embedded
#     fake, the same generated input for both, BULK_RUNS runs of each, interleaved.
#
#   bench/launcher.sh                  # RUNS=10, BULK_ROWS=1000000, BULK_RUNS=3: about 6 minutes on 2 cores
#   bench/launcher.sh --flags          # also what each flag buys: launch medians and bulk RSS per flag set
#   RUNS=20 BULK_ROWS=200000 BULK_RUNS=1 bench/launcher.sh
#   NO_BUILD=1 bench/launcher.sh       # measure the jar already built
#
# Every loopback launch updates a customer that holds nothing yet (a generated seed), so each one is a
# real Updated with one request. The jar is copied to a temporary directory first (a rebuild meanwhile
# changes nothing) and the launcher's cache is a fresh temporary one (XDG_CACHE_HOME), so its first run
# is really cold. Prints medians, min, max, every value, and the ratios launcher / java -jar.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${RUNS:-10}"
bulk_rows="${BULK_ROWS:-1000000}"
bulk_runs="${BULK_RUNS:-3}"
flags=false
[[ "${1:-}" == "--flags" ]] && flags=true
launcher=$PWD/qualification-app/cli/bin/qualification
[[ -x /usr/bin/time ]] || { echo "needs GNU time: apt-get install -y time" >&2; exit 1; }

if [[ -z "${NO_BUILD:-}" ]]; then
    # the working tree's jar; Javadoc has no bearing on what is measured
    mvn -B -q ${MVN_OFFLINE:-} -pl qualification-app/cli -am -DskipTests -Dmaven.javadoc.skip=true package >/dev/null
fi

work="$(mktemp -d)"
fake_pid=""
cleanup() {
    if [[ -n "$fake_pid" ]]; then kill "$fake_pid" 2>/dev/null || true; wait "$fake_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

jar=$work/qualification-app.jar
cp qualification-app/target/qualification-app.jar "$jar"
export QUALIFICATION_JAR=$jar XDG_CACHE_HOME=$work/cache
unset JAVA_OPTS QUALIFICATION_JAVA_OPTS
cache=$XDG_CACHE_HOME/pc-qualification

# ---------------------------------------------------------------- helpers
median() { # values -> median (integer)
    local sorted=($(printf '%s\n' "$@" | sort -n)) n=$#
    if (( n % 2 )); then echo "${sorted[$((n / 2))]}"; else echo $(( (sorted[n / 2 - 1] + sorted[n / 2]) / 2 )); fi
}
row() { # label, values... -> | label | median | min | max | n | all |
    local label="$1"; shift
    local sorted=($(printf '%s\n' "$@" | sort -n))
    printf '| %s | %d | %d | %d | %d | %s |\n' "$label" "$(median "$@")" "${sorted[0]}" "${sorted[$(($# - 1))]}" $# "$*"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
paired_ratio() { # "a1 a2 ..." "b1 b2 ..." -> median of b_i / a_i
    local a=($1) b=($2) r=() i
    for i in "${!a[@]}"; do r+=("$(awk -v x="${a[$i]}" -v y="${b[$i]}" 'BEGIN { printf "%d", 1000 * y / x }')"); done
    awk -v m="$(median "${r[@]}")" 'BEGIN { printf "%.3f", m / 1000 }'
}
now_us() { echo "${EPOCHREALTIME/./}"; }

# times one launch in ms; fails the script unless it exited 0 and said "Updated"
launch_ms() {
    local start end out
    start=$(now_us)
    out=$("$@" 2>&1) || { echo "launch failed ($*): $out" >&2; exit 1; }
    end=$(now_us)
    [[ "$out" == Updated* ]] || { echo "not an update ($*): $out" >&2; exit 1; }
    echo $(( (end - start) / 1000 ))
}

# sets $customer to the next fresh one (not in a subshell, so the count goes on)
next_customer=0
fresh() { next_customer=$((next_customer + 1)); printf -v customer '%08d-0000-4000-8000-%012d' "$next_customer" "$next_customer"; }
demo=11111111-1111-4111-8111-111111111111

await_archive() { # kind -> waits until its archive is there and no dump is running; prints the path
    local kind=$1 i f
    for i in $(seq 1 1200); do
        f=$(ls "$cache"/qualification-"$kind"-*.jsa 2>/dev/null | head -1 || true)
        if [[ -n "$f" ]] && ! ls -d "$cache"/*.lock >/dev/null 2>&1; then echo "$f"; return; fi
        sleep 0.1
    done
    echo "no $kind archive after 120 s" >&2; exit 1
}

echo "machine: $(nproc) cores ($(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)), $(free -g | awk '/^Mem:/ { print $2 " GiB" }'); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -2 | tail -1)"
echo "launcher: $launcher; jar: $(stat -c %s "$jar") bytes"

# ---------------------------------------------------------------- serve-fake on loopback
seed_count=$(( 2 * runs + 20 ))
if $flags; then seed_count=$(( seed_count + 11 * runs + 10 )); fi
{
    echo '{"customers": ['
    for i in $(seq 1 "$seed_count"); do
        sep=$([[ $i -lt $seed_count ]] && echo , || true)
        echo "  {\"id\": \"$(printf '%08d-0000-4000-8000-%012d' "$i" "$i")\", \"qualifications\": []}$sep"
    done
    echo '], "validationCodes": []}'
} > "$work/seed.json"
java -Dsun.net.httpserver.nodelay=true -jar "$jar" serve-fake --port 0 --seed "$work/seed.json" --ttl 1800 > "$work/fake.out" 2>&1 &
fake_pid=$!
port=""
for _ in $(seq 1 100); do
    port=$(sed -n 's/.*(port \([0-9]*\)).*/\1/p' "$work/fake.out" | head -1)
    [[ -n "$port" ]] && break
    sleep 0.1
done
[[ -n "$port" ]] || { echo "serve-fake did not start: $(cat "$work/fake.out")" >&2; exit 1; }
export PARTNER_CENTER_TOKEN=launcher-bench-token
base="http://127.0.0.1:$port"

embedded_jar()      { launch_ms java -jar "$jar" update --customer "$demo" --qualification Education; }
embedded_launcher() { launch_ms "$launcher" update --customer "$demo" --qualification Education; }
loopback_jar()      { launch_ms java -jar "$jar" --base-url "$base" update --customer "$1" --qualification Education; }
loopback_launcher() { launch_ms "$launcher" --base-url "$base" update --customer "$1" --qualification Education; }

# ---------------------------------------------------------------- 1. launch to first update
echo
echo "## Launch to first successful update"
cold_start=$(now_us)
cold_embedded=$(embedded_launcher)
embedded_archive=$(await_archive embedded)
cold_embedded_ready=$(( ($(now_us) - cold_start) / 1000 ))
cold_start=$(now_us)
fresh; cold_loopback=$(loopback_launcher "$customer")
remote_archive=$(await_archive remote)
cold_loopback_ready=$(( ($(now_us) - cold_start) / 1000 ))

# the archives are really used: -Xshare:on refuses to start otherwise; count the classes they served
for kind in embedded remote; do
    log=$work/classes-$kind.log
    if [[ $kind == embedded ]]; then
        QUALIFICATION_JAVA_OPTS="-Xshare:on -Xlog:class+load:file=$log" "$launcher" update --customer "$demo" --qualification Education >/dev/null
    else
        fresh
        QUALIFICATION_JAVA_OPTS="-Xshare:on -Xlog:class+load:file=$log" "$launcher" --base-url "$base" update --customer "$customer" --qualification Education >/dev/null
    fi
    echo "$kind archive $(basename "$(ls "$cache"/qualification-"$kind"-*.jsa)") ($(( $(stat -c %s "$cache"/qualification-"$kind"-*.jsa) >> 20 )) MiB):" \
        "$(grep -c 'shared objects file' "$log") of $(grep -c . "$log") classes loaded from it"
done

# warm-up (page cache, JIT-free file system state), not counted
embedded_jar >/dev/null; embedded_launcher >/dev/null
fresh; loopback_jar "$customer" >/dev/null; fresh; loopback_launcher "$customer" >/dev/null

ej=(); el=(); lj=(); ll=()
for i in $(seq 1 "$runs"); do
    ej+=("$(embedded_jar)"); el+=("$(embedded_launcher)")
    fresh; lj+=("$(loopback_jar "$customer")"); fresh; ll+=("$(loopback_launcher "$customer")")
done
echo
echo "RUNS=$runs, interleaved A B A B (embedded then loopback in each round); load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| launch to first successful update (ms) | median | min | max | launches | all |"
echo "|---|---:|---:|---:|---:|---|"
row "embedded fake, java -jar" "${ej[@]}"
row "embedded fake, launcher" "${el[@]}"
row "loopback (serve-fake), java -jar" "${lj[@]}"
row "loopback (serve-fake), launcher" "${ll[@]}"
echo "| embedded fake, launcher's first run (cold: class list; archive ready after $cold_embedded_ready ms) | $cold_embedded | | | 1 | |"
echo "| loopback, launcher's first run (cold: class list; archive ready after $cold_loopback_ready ms) | $cold_loopback | | | 1 | |"
echo
emb_ratio=$(ratio "$(median "${el[@]}")" "$(median "${ej[@]}")")
loop_ratio=$(ratio "$(median "${ll[@]}")" "$(median "${lj[@]}")")
echo "launcher / java -jar, ratio of medians (median of the per-round ratios):"
echo "  embedded fake: $emb_ratio ($(paired_ratio "${ej[*]}" "${el[*]}"))"
echo "  loopback:      $loop_ratio ($(paired_ratio "${lj[*]}" "${ll[*]}"))  floor <= 0.75: $(awk -v r="$loop_ratio" 'BEGIN { print (r <= 0.75 ? "met" : "NOT met") }')"

# the script's own cost: the launcher against a stub java that exits at once (flags, cache key, exec)
stub=$work/stub-jdk
mkdir -p "$stub/bin" "$stub/lib"
echo "stub" > "$stub/lib/modules"
cat > "$stub/bin/java" <<'EOF'
#!/bin/sh
for a in "$@"; do
    case $a in -XX:DumpLoadedClassList=*) echo x > "${a#*=}" ;; -XX:SharedArchiveFile=*) f=${a#*=} ;; -Xshare:dump) d=1 ;; esac
done
if [ -n "${d-}" ]; then echo archive > "$f"; fi
exit 0
EOF
chmod +x "$stub/bin/java"
stub_time() { local s e; s=$(now_us); "$@" >/dev/null 2>&1; e=$(now_us); echo $(( e - s )); }
JAVA_HOME=$stub XDG_CACHE_HOME=$work/stub-cache "$launcher" update >/dev/null 2>&1; sleep 0.5
sl=(); sj=()
for i in $(seq 1 30); do
    sl+=("$(JAVA_HOME=$stub XDG_CACHE_HOME=$work/stub-cache stub_time "$launcher" update)")
    sj+=("$(stub_time "$stub/bin/java" update)")
done
echo "  the script itself (against a stub java, 30 runs): median $(median "${sl[@]}") µs, the stub alone $(median "${sj[@]}") µs"

# ---------------------------------------------------------------- optional: what each flag buys (launch)
dyn_embedded=$work/dynamic-embedded.jsa
dyn_remote=$work/dynamic-remote.jsa
if $flags; then
    short="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms64m -Xmx1g -Xlog:disable -Xlog:all=warning:stderr -Xshare:auto"
    # a dynamic archive (-XX:ArchiveClassesAtExit) of the same kind of run, for comparison with the static one
    java $short -XX:ArchiveClassesAtExit="$dyn_embedded" -jar "$jar" update --customer "$demo" --qualification Education >/dev/null 2>&1
    fresh
    java $short -XX:ArchiveClassesAtExit="$dyn_remote" -jar "$jar" --base-url "$base" update --customer "$customer" --qualification Education >/dev/null 2>&1
    sets=(
        "java -jar (JDK 17 defaults: G1, tiered C1+C2, the JDK's CDS archive)|"
        "-XX:TieredStopAtLevel=1|-XX:TieredStopAtLevel=1"
        "+ -XX:+UseSerialGC|-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
        "+ -Xms64m -Xmx1g + -Xlog to stderr (the launcher without an archive)|$short"
        "+ static AppCDS archive (the launcher's flags)|$short -XX:SharedArchiveFile=@STATIC@"
        "the same, dynamic archive (-XX:ArchiveClassesAtExit) instead|$short -XX:SharedArchiveFile=@DYNAMIC@"
        "static archive, without -XX:TieredStopAtLevel=1|-XX:+UseSerialGC -Xms64m -Xmx1g -Xlog:disable -Xlog:all=warning:stderr -Xshare:auto -XX:SharedArchiveFile=@STATIC@"
        "static archive, G1 instead of Serial|-XX:TieredStopAtLevel=1 -Xms64m -Xmx1g -Xlog:disable -Xlog:all=warning:stderr -Xshare:auto -XX:SharedArchiveFile=@STATIC@"
        "the launcher's flags + -XX:CICompilerCount=1|$short -XX:SharedArchiveFile=@STATIC@ -XX:CICompilerCount=1"
        "the launcher's flags + -XX:-UsePerfData|$short -XX:SharedArchiveFile=@STATIC@ -XX:-UsePerfData"
        "the launcher's flags + -Xss512k|$short -XX:SharedArchiveFile=@STATIC@ -Xss512k"
    )
    declare -A emb loop
    for i in $(seq 1 "$runs"); do
        for s in "${!sets[@]}"; do
            opts=${sets[$s]#*|}
            e_opts=${opts//@STATIC@/$embedded_archive}; e_opts=${e_opts//@DYNAMIC@/$dyn_embedded}
            r_opts=${opts//@STATIC@/$remote_archive}; r_opts=${r_opts//@DYNAMIC@/$dyn_remote}
            emb[$s]+="$(launch_ms java $e_opts -jar "$jar" update --customer "$demo" --qualification Education) "
            fresh
            loop[$s]+="$(launch_ms java $r_opts -jar "$jar" --base-url "$base" update --customer "$customer" --qualification Education) "
        done
    done
    echo
    echo "### What each flag buys: launch to first update, RUNS=$runs per set, the sets round-robin; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "| flag set | embedded median (ms) | / java -jar | loopback median (ms) | / java -jar | embedded all | loopback all |"
    echo "|---|---:|---:|---:|---:|---|---|"
    base_e=$(median ${emb[0]}); base_l=$(median ${loop[0]})
    for s in "${!sets[@]}"; do
        me=$(median ${emb[$s]}); ml=$(median ${loop[$s]})
        echo "| ${sets[$s]%%|*} | $me | $(ratio "$me" "$base_e") | $ml | $(ratio "$ml" "$base_l") | ${emb[$s]}| ${loop[$s]}|"
    done
fi

kill "$fake_pid" 2>/dev/null || true; wait "$fake_pid" 2>/dev/null || true; fake_pid=""

# ---------------------------------------------------------------- 2. peak RSS of a big bulk
echo
echo "## Peak RSS of a $bulk_rows-row bulk on the embedded fake"
input=$work/bulk-input.csv
# distinct customers the embedded fake does not know: every row is sent once and rejected (not found)
awk -v n="$bulk_rows" 'BEGIN { print "customerId,qualification,validationCode";
    for (i = 0; i < n; i++) printf "5eed0000-0000-4000-8000-%012x,Education,\n", i }' > "$input"
echo "input: $bulk_rows rows, $(( $(stat -c %s "$input") >> 20 )) MiB"

bulk_once() { # label, command... -> "rss_kib seconds" ; checks the exit code (3: all rejected) and the report
    local label=$1; shift
    local report=$work/report.csv err=$work/bulk.err status rss secs lines
    /usr/bin/time -v "$@" bulk --input "$input" --output "$report" >/dev/null 2>"$err" && status=0 || status=$?
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$err")
    secs=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$err" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
    lines=$( [[ -f "$report" ]] && wc -l < "$report" || echo 0)
    rm -f "$report"
    if grep -q OutOfMemoryError "$err"; then echo "OOM $rss $secs"; return; fi
    if [[ $status -ne 3 || $lines -ne $((bulk_rows + 1)) ]]; then
        echo "bulk failed ($label): exit $status, $lines report lines; $(grep -v '^\s' "$err" | tail -3)" >&2; exit 1
    fi
    echo "$rss $secs"
}
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

bj=(); bl=(); tj=(); tl=()
for i in $(seq 1 "$bulk_runs"); do
    read -r r t <<<"$(bulk_once "java -jar" java -jar "$jar")"
    [[ $r != OOM ]] || { echo "java -jar: OutOfMemoryError" >&2; exit 1; }
    bj+=("$(mib "$r")"); tj+=("$t")
    read -r r t <<<"$(bulk_once launcher "$launcher")"
    [[ $r != OOM ]] || { echo "the launcher: OutOfMemoryError with its defaults" >&2; exit 1; }
    bl+=("$(mib "$r")"); tl+=("$t")
done
echo
echo "BULK_RUNS=$bulk_runs, interleaved; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| $bulk_rows-row bulk, embedded fake | peak RSS median (MiB) | min | max | runs | all (MiB) | wall time (s) |"
echo "|---|---:|---:|---:|---:|---|---|"
row "java -jar" "${bj[@]}" | sed "s/|\$/| ${tj[*]} |/"
row "launcher (bulk: -XX:+UseSerialGC -Xms64m -Xmx1g, C2 kept, archive)" "${bl[@]}" | sed "s/|\$/| ${tl[*]} |/"
bulk_ratio=$(ratio "$(median "${bl[@]}")" "$(median "${bj[@]}")")
echo
echo "launcher / java -jar peak RSS: $bulk_ratio; launcher under 256 MiB: $( (( $(median "${bl[@]}") < 256 )) && echo met || echo "NOT met")"

if $flags; then
    bsets=(
        "java -jar (G1, heap up to 1/4 of RAM)|"
        "-XX:+UseSerialGC|-XX:+UseSerialGC"
        "-XX:+UseSerialGC -Xms64m -Xmx1g (the launcher's heap)|-XX:+UseSerialGC -Xms64m -Xmx1g"
        "-XX:+UseSerialGC -Xmx96m|-XX:+UseSerialGC -Xmx96m"
        "-XX:+UseSerialGC -Xmx64m|-XX:+UseSerialGC -Xmx64m"
        "the launcher's flags + -Xss512k|-XX:+UseSerialGC -Xms64m -Xmx1g -Xss512k"
    )
    echo
    echo "### What each flag buys: peak RSS of the same bulk, one run per set"
    echo
    echo "| flag set | peak RSS (MiB) | wall time (s) |"
    echo "|---|---:|---:|"
    for s in "${!bsets[@]}"; do
        opts=${bsets[$s]#*|}
        read -r r t x <<<"$(bulk_once "${bsets[$s]%%|*}" java $opts -jar "$jar")"
        if [[ $r == OOM ]]; then
            echo "| ${bsets[$s]%%|*} | OutOfMemoryError (at $(mib "$t") MiB) | $x |"
        else
            echo "| ${bsets[$s]%%|*} | $(mib "$r") | $t |"
        fi
    done
fi
echo
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
