// Records the store's schema version after a migration step: the one SchemaVersion node (its name is unique, so two
// processes migrating at once keep one), only ever raised.
// @param version: 1
MERGE (v:SchemaVersion {name: "diplomacygraph"})
SET v.version = CASE WHEN v.version IS NULL OR v.version < $version THEN $version ELSE v.version END
RETURN v.version AS version
