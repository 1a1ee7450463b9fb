#!/usr/bin/env bash
# Runs the Neo4j suites (contract, API, writes, two processes) against Neo4j 5.26 and 2025 in Docker, once per
# protocol (auto, query, tx), through the tests' generic Testcontainers route. Needs a Docker engine; the build
# machines have none, so scripts/test.sh does not run this. Prints one totals line per image and protocol.
# Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! docker info >/dev/null 2>&1; then
  echo "test-neo4j-docker: no Docker engine answers (docker info failed); nothing run." >&2
  exit 1
fi
unset NEO4J_URI NEO4J_HOME
dotnet build DiplomacyGraph.sln -c Release >&2
status=0
for image in neo4j:5.26 neo4j:2025; do
  for protocol in auto query tx; do
    # 2025.x still serves the transactional API; tx is run there too, to show the deprecated path still works.
    results="TestResults/docker-${image//[:.]/-}-$protocol"
    rm -rf "$results"
    set +e
    NEO4J_IMAGE="$image" NEO4J_PROTOCOL="$protocol" dotnet test DiplomacyGraph.sln -c Release --no-build \
      --filter "(FullyQualifiedName~Neo4j|FullyQualifiedName~Writes|FullyQualifiedName~SeedParity)&FullyQualifiedName!~Neo4jOutageTests&FullyQualifiedName!~Neo4jServerTests&FullyQualifiedName!~Neo4jWire" \
      --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@" >&2
    run=$?
    set -e
    [[ $run -ne 0 ]] && status=$run
    counters="$(tr '\n' ' ' < "$(find "$results" -name '*.trx' | head -n 1)" | grep -o '<Counters [^>]*>' || true)"
    echo "$image $protocol: exit $run; $counters"
  done
done
exit "$status"
