#!/usr/bin/env bash
# Compiles the reactor (main + test classes) and prints the classpath the bulk harnesses run with.
# Usage: source <(bench/bulk-classpath.sh) ; sets CP. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q ${MVN_OFFLINE:-} -pl qualification-app/cli -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
echo "CP=$PWD/qualification-app/cli/target/test-classes:$PWD/qualification-app/cli/target/classes:$(cat qualification-app/cli/target/bench-classpath.txt)"
