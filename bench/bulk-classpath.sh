#!/usr/bin/env bash
# Compiles the reactor (main + test classes) and prints the classpath the bulk harnesses run with.
# Usage: source <(bench/bulk-classpath.sh) ; sets CP. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl qualification-app -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
echo "CP=$PWD/qualification-app/target/test-classes:$PWD/qualification-app/target/classes:$(cat qualification-app/target/bench-classpath.txt)"
