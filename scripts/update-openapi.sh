#!/usr/bin/env bash
# Regenerates openapi/v1.json, the committed OpenAPI document, from what the service serves.
# Run it after changing an endpoint; a test (OpenApiDocumentTests) fails while the two differ.
# The typed clients (clients/) are generated from this file by the test command.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet build src/DiplomacyGraph.Api -c Release --nologo -v quiet >&2

work="$(mktemp -d)"
# Port 0: the OS picks a free one, and the service logs the address it got.
dotnet src/DiplomacyGraph.Api/bin/Release/net10.0/DiplomacyGraph.Api.dll --urls "http://127.0.0.1:0" \
  --Embedded:Path="$work/graph.db" --Seed:Enabled=false >"$work/api.log" 2>&1 &
api_pid=$!
cleanup() { kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

address=""
for _ in $(seq 1 600); do
  address="$(grep -o 'Now listening on: http://[0-9.:]*' "$work/api.log" | head -n 1 | sed 's/Now listening on: //' || true)"
  [[ -n "$address" ]] && curl -fs "$address/health/live" >/dev/null 2>&1 && break
  kill -0 "$api_pid" 2>/dev/null || { cat "$work/api.log" >&2; echo "update-openapi.sh: the service exited" >&2; exit 1; }
  sleep 0.1
done
curl -fsS "$address/swagger/v1/swagger.json" -o "$work/v1.json"
mkdir -p openapi
mv "$work/v1.json" openapi/v1.json
echo "update-openapi.sh: wrote openapi/v1.json" >&2
