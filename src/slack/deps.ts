import type { TallyCore } from "../answer/types.ts";
import type { Config } from "../config.ts";
import type { Logger } from "../log/logger.ts";
import type { Store } from "../store/store.ts";
import type { CurationDeps } from "./curation/curation-deps.ts";
import type { ReplyDelivery } from "./delivery/delivery-types.ts";

/** Everything a Slack surface needs, passed in: no surface reaches for a global. */
export interface AppDeps {
  core: TallyCore;
  store: Store;
  now: () => Date;
  logger: Logger;
  config: Config;
  curation: CurationDeps;
  /** Replies to messages, flags and reactions go out through this: per channel, with timeouts and retries. */
  delivery: ReplyDelivery;
}
