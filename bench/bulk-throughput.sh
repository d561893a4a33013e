#!/usr/bin/env bash
# Bulk job throughput through the REST adapter against the served fake with 100 ms per call.
# Usage: bench/bulk-throughput.sh [--rows 10000] [--c1-rows 300] [--latency-ms 100] [--concurrency 1,8,32,64] [--journal]
# Takes about 4 minutes with the defaults (c=8 alone is 10,000 x 0.1 s / 8 = 125 s).
set -euo pipefail
cd "$(dirname "$0")/.."
source <(bench/bulk-classpath.sh)
echo "machine: $(nproc) CPUs; $(uptime)"
exec java -Xmx512m -Dsun.net.httpserver.nodelay=true -cp "$CP" \
    io.github.pcqualification.cli.bulk.BulkThroughputHarness "$@"
