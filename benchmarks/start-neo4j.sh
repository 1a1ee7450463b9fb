#!/usr/bin/env bash
# Starts a scratch Neo4j 3.1.1 for the benchmarks (the test distribution from scripts/provision-neo4j.sh), in the
# background on a fixed loopback port, with a fresh database in the given folder. Prints its PID; stop it with
# `kill <pid>`. Never point the benchmarks at a Neo4j whose data you want to keep.
#   usage: bash benchmarks/start-neo4j.sh <folder> [http-port=17474] [heap=2g] [pagecache=1g]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
folder="${1:?usage: start-neo4j.sh <folder> [http-port] [heap] [pagecache]}"
port="${2:-17474}"
heap="${3:-2g}"
pagecache="${4:-1g}"

source_home="${NEO4J_HOME:-$(bash scripts/provision-neo4j.sh | tail -n 1)}"
rm -rf "$folder"
mkdir -p "$folder"
cp -r "$source_home"/. "$folder"/
rm -rf "$folder/data"
chmod +x "$folder"/bin/*
cat >> "$folder/conf/neo4j.conf" <<CONF
dbms.security.auth_enabled=false
dbms.connector.https.enabled=false
dbms.connector.http.listen_address=127.0.0.1:$port
dbms.connector.bolt.listen_address=127.0.0.1:$((port + 1))
dbms.jvm.additional=--add-opens=java.base/java.lang=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/java.nio=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/sun.nio.ch=ALL-UNNAMED
dbms.memory.heap.initial_size=$heap
dbms.memory.heap.max_size=$heap
dbms.memory.pagecache.size=$pagecache
CONF

# NEO4J_HOME must be the copy: the launcher puts data/, logs/ and certificates/ under it.
NEO4J_HOME="$folder" NEO4J_CONF="$folder/conf" nohup "$folder/bin/neo4j" console > "$folder/console.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$port/" > /dev/null; then
    echo "$pid"
    exit 0
  fi
  sleep 1
done
echo "Neo4j did not answer on 127.0.0.1:$port within 120 s; see $folder/console.log" >&2
kill "$pid" 2>/dev/null || true
exit 1
