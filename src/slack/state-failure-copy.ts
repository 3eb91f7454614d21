import type { StateFailureKind } from "../store/state-errors.ts";

/**
 * What the person who asked is told when Tally's state database failed them, by cause. Each says that
 * nothing was saved (a write that failed must never read as "Done") and what they can do about it.
 */
export const stateFailureCopy: Readonly<Record<StateFailureKind, string>> = Object.freeze({
  busy:
    "Sorry, Tally's database was busy (another process held it too long), so I could not do that and " +
    "*nothing was saved*. Please try again in a minute.",
  corrupt:
    "Sorry, Tally's database is damaged, so I could not do that and *nothing was saved*. " +
    "Please tell whoever runs Tally: it needs restoring from a backup.",
  "read-only":
    "Sorry, Tally cannot write to its database, so I could not do that and *nothing was saved*. " +
    "Please tell whoever runs Tally.",
  "disk-full":
    "Sorry, the disk holding Tally's database is full, so I could not do that and *nothing was saved*. " +
    "Please tell whoever runs Tally.",
});
