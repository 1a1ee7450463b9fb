// Readiness probe: succeeds when the server answers queries.
RETURN 1 AS ok
