#!/usr/bin/env bash
# The library / raw ratio measured in alternating blocks inside one JVM (robust to a changing load):
#   bench/paired.sh [rounds] [calls-per-block]     # defaults 80 x 1000; at most about 4 minutes
#   BENCH_OBSERVE=true bench/paired.sh ...         # a third side: the library with an ObservationRegistry
#                                                  # and a meter handler (-Dbench.observe=true)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q ${MVN_OFFLINE:-} -pl qualification-app/cli -am -DskipTests test-compile \
    org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
app=qualification-app/cli/target
echo "load before the run: $(cut -d' ' -f1-3 /proc/loadavg) (nproc $(nproc))" >&2
exec java -Dsun.net.httpserver.nodelay=true -Dbench.observe="${BENCH_OBSERVE:-false}" -Xms256m -Xmx256m \
    -cp "$app/test-classes:$app/classes:$(cat $app/bench.classpath)" \
    io.github.pcqualification.cli.bench.PairedCallRatio "$@"
