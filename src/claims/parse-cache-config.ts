/** The YAML parse cache's tuning (see yaml-parse-cache.ts), in one frozen, grouped place. */
export const parseCacheConfig = Object.freeze({
  /**
   * Bumped whenever what a cached parse holds changes, so an older entry is never served. It is part of every
   * entry's key, with the `yaml` package's version: a parser upgrade never serves a stale parse.
   */
  format: 2,
  /**
   * Bumped whenever a schema in schema.ts changes what it accepts or what it makes of an entry: entries are
   * kept as their schema gave them, and this is part of the key (test/claims/schema-version.test.ts holds
   * schema.ts to the version).
   */
  schemaVersion: 1,
  read: Object.freeze({
    /** Files read at once before the event loop gets a turn (see in-slices.ts): ~2 ms of a reload each. */
    filesPerSlice: 32,
  }),
  workers: Object.freeze({
    /** At most this many parser threads (fewer on a smaller machine: one per core). */
    max: 2,
    /**
     * Files to parse smaller than this in total are parsed in-thread. A thread costs ~0.5 s of CPU to start
     * under tsx, and warms up its own copy of the parser: at 10,000 claims (4 MB) two threads took 50% more
     * CPU and longer than one in-thread parse; at 100,000 (42 MB) they took 22% less time and the same CPU.
     */
    minBytes: 8_000_000,
  }),
  prune: Object.freeze({
    /**
     * An entry no load has used for this long is deleted. Every instance marks the entries it uses at each
     * pass (`everyMs`), so instances with other data folders sharing the folder never lose theirs.
     */
    unusedForMs: 14 * 24 * 3600_000,
    /** A temporary file older than this was left by a crash mid-write. */
    tempForMs: 3600_000,
    /** At most one pass (mark used entries, delete old ones) per this long, in the background after a load. */
    everyMs: 24 * 3600_000,
  }),
});
