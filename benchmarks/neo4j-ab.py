#!/usr/bin/env python3
"""Interleaved A/B of two API builds over the same Neo4j, with the Cypher they send replayed straight to Neo4j.

For a busy machine, where two runs a minute apart differ by more than the change being measured: for each endpoint it
asks API A, then API B, then Neo4j directly (the endpoint's captured requests, in order), in turn, on one keep-alive
connection each, so all three see the same load, and prints the medians (and p90 ratios) as a Markdown table, with
/health/live on both APIs as the reference. The capture is the folder `load --direct true` prints ("Captured Cypher
requests: ..."): endpoints.txt and one JSON body per request.

  usage: neo4j-ab.py <capture-folder> <port-a> <port-b> <neo4j-port> [seconds-per-endpoint=8]
Start both APIs first (dotnet DiplomacyGraph.Api.dll --urls http://127.0.0.1:<port> --Neo4j:Uri=... --Seed:Enabled=false
--Caching:Lifetime=00:00:00) and stop them afterwards.
"""
import glob
import http.client
import statistics
import sys
import time

capture, port_a, port_b, port_neo4j = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
budget = float(sys.argv[5]) if len(sys.argv) > 5 else 8.0
endpoints = [line.split(' ')[1] for line in open(f'{capture}/endpoints.txt').read().splitlines()]
connections = {p: http.client.HTTPConnection('127.0.0.1', p) for p in (port_a, port_b, port_neo4j)}


def get(port, url):
    start = time.perf_counter()
    connection = connections[port]
    connection.request('GET', url)
    response = connection.getresponse()
    response.read()
    if response.status != 200:
        raise SystemExit(f'{url} on port {port} answered {response.status}')
    return (time.perf_counter() - start) * 1000


def direct(bodies):
    start = time.perf_counter()
    for body in bodies:
        connection = connections[port_neo4j]
        connection.request('POST', '/db/data/transaction/commit', body=body,
                           headers={'Content-Type': 'application/json', 'Accept': 'application/json'})
        connection.getresponse().read()
    return (time.perf_counter() - start) * 1000


def p(values, quantile):
    return sorted(values)[min(len(values) - 1, int(quantile * len(values)))]


print(f"load average before: {' '.join(open('/proc/loadavg').read().split()[:3])}")
print('| Endpoint | Pairs | A p50 ms | B p50 ms | Direct p50 ms | A / direct | B / direct | B p90 / direct p90 |')
print('|---|---:|---:|---:|---:|---:|---:|---:|')
for i, url in enumerate(endpoints):
    bodies = [open(f, 'rb').read() for f in sorted(glob.glob(f'{capture}/{i:02d}-*.json'))]
    for _ in range(3):
        get(port_a, url), get(port_b, url), direct(bodies)
    a, b, d = [], [], []
    start = time.time()
    while (time.time() - start < budget and len(a) < 400) or len(a) < 15:
        a.append(get(port_a, url))
        b.append(get(port_b, url))
        d.append(direct(bodies))
    ma, mb, md = statistics.median(a), statistics.median(b), statistics.median(d)
    if not bodies:  # /health/live: no Cypher
        print(f'| `{url}` | {len(a)} | {ma:.2f} | {mb:.2f} | | | | |', flush=True)
        continue
    print(f'| `{url}` | {len(a)} | {ma:.2f} | {mb:.2f} | {md:.2f} | {ma / md:.2f}× | {mb / md:.2f}× | {p(b, .9) / p(d, .9):.2f}× |', flush=True)
print(f"load average after: {' '.join(open('/proc/loadavg').read().split()[:3])}")
