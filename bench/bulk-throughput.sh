#!/usr/bin/env bash
# Bulk job throughput through the REST adapter against the served fake with 100 ms per call.
# Usage: bench/bulk-throughput.sh [--rows 10000] [--c1-rows 300] [--latency-ms 100] [--concurrency 1,8,32,64] [--journal]
#        [--paths csv,api]   (default both: the CLI's CSV job and the library's bulk API, side by side)
# Takes about 8 minutes with the defaults, both paths (c=8 alone is 10,000 x 0.1 s / 8 = 125 s per path).
# The lead's comparison at the bound: bench/bulk-throughput.sh --concurrency 32
set -euo pipefail
cd "$(dirname "$0")/.."
source <(bench/bulk-classpath.sh)
echo "machine: $(nproc) CPUs; $(uptime)"
exec java -Xmx512m -Dsun.net.httpserver.nodelay=true -cp "$CP" \
    io.github.pcqualification.cli.bulk.BulkThroughputHarness "$@"
