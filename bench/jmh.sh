#!/usr/bin/env bash
# Per-call, domain-check and parser benchmarks (JMH 1.37, from the CLI module's test classes).
#
#   bench/jmh.sh                      # all benchmarks, the settings below (about 7 minutes on 2 cores)
#   bench/jmh.sh SyncUpdateBenchmark  # one class (a JMH regex)
#   bench/jmh.sh SyncUpdateBenchmark -f 1 -wi 3 -i 5 -prof gc   # JMH options after the filter replace the settings
#
# Builds the CLI module and what it needs (no tests run, nothing installed), writes its test class
# path, then runs JMH through BenchMain, which prints a summary with medians and the library/raw ratio.
set -euo pipefail
cd "$(dirname "$0")/.."

filter="${1:-.*Benchmark.*}"
if [[ $# -gt 0 ]]; then shift; fi

mvn -B -q ${MVN_OFFLINE:-} -pl qualification-app/cli -am -DskipTests test-compile \
    org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null

app=qualification-app/cli/target
cp="$app/test-classes:$app/classes:$(cat $app/bench.classpath)"

mkdir -p bench/out
# The stated settings (also the classes' annotations); options given after the filter replace them.
settings=(-f 2 -wi 5 -i 10 -w 1s -r 1s -t 1)
if [[ $# -gt 0 ]]; then settings=("$@"); fi
echo "load before the run: $(cut -d' ' -f1-3 /proc/loadavg) (nproc $(nproc))" >&2
exec java -cp "$cp" io.github.pcqualification.cli.bench.BenchMain "$filter" "${settings[@]}" \
    -rf json -rff bench/out/jmh-result.json
