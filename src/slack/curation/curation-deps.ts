import type { LiveCore } from "../../answer/live-core.ts";
import type { Config } from "../../config.ts";
import { type CurationDesk, createCurationDesk } from "../../curation/curation-desk.ts";
import type { Logger } from "../../log/logger.ts";
import type { CurationStore } from "../../store/curation-store.ts";
import { createCuratorCheck, type IsCurator } from "./curators.ts";

/** What curation's Slack surfaces need beyond the common deps. */
export interface CurationDeps {
  desk: CurationDesk;
  store: CurationStore;
  isCurator: IsCurator;
  /** The review channel; null when curation is not set up (TALLY_REVIEW_CHANNEL unset). */
  reviewChannel: string | null;
}

export function createCurationDeps(options: {
  config: Config;
  core: Pick<LiveCore, "setCurated" | "index">;
  store: CurationStore;
  now: () => Date;
  logger: Logger;
}): CurationDeps {
  return {
    desk: createCurationDesk({ store: options.store, core: options.core, now: options.now }),
    store: options.store,
    isCurator: createCuratorCheck(options.config.curators, options.now, options.logger),
    reviewChannel: options.config.reviewChannel,
  };
}
