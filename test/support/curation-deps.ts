import type { LiveCore } from "../../src/answer/live-core.ts";
import type { TallyCore } from "../../src/answer/types.ts";
import type { Config } from "../../src/config.ts";
import type { Logger } from "../../src/log/logger.ts";
import { type CurationDeps, createCurationDeps } from "../../src/slack/curation/curation-deps.ts";
import { openSqliteCurationStore } from "../../src/store/sqlite-curation-store.ts";

/**
 * Curation over an in-memory store. With a live core an approved figure answers at once; with a core built
 * in-process (a fixed index) the desk still works, but its figures never reach that core.
 */
export function testCuration(
  core: TallyCore | LiveCore,
  config: Config,
  now: () => Date,
  logger: Logger,
  /** ":memory:" or a state folder (shared with the main store, as `npm start` has it). */
  where = ":memory:",
): CurationDeps {
  const curatable =
    "setCurated" in core
      ? core
      : { index: () => core.index(), setCurated: async () => ({ taken: true, problems: [] }) };
  return createCurationDeps({
    config,
    core: curatable,
    store: openSqliteCurationStore(where),
    now,
    logger,
  });
}
