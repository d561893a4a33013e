#!/usr/bin/env bash
# Heap and RSS of the bulk job on the in-memory fake for a given number of rows.
# Usage: bench/bulk-memory.sh ROWS [XMX] [harness options: --concurrency 16 --journal --sample-ms 1000]
# e.g.   bench/bulk-memory.sh 1000000 512m
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:?rows}; xmx=${2:-256m}; shift $(( $# >= 2 ? 2 : 1 ))
source <(bench/bulk-classpath.sh)
echo "machine: $(nproc) CPUs; $(uptime)"
/usr/bin/time -v java -Xmx"$xmx" -cp "$CP" \
    io.github.pcqualification.cli.bulk.BulkMemoryHarness "$rows" "$@" 2> >(grep -E "Maximum resident|Elapsed|Exit status" >&2)
