/**
 * Run as a separate process by sqlite-store.test.ts: opens the store in argv[2] (migrating it if first)
 * and tries to claim one channel's day, printing "claimed" or "taken".
 */
import { openSqliteStore } from "../../src/store/sqlite-store.ts";

const [dir, startAt] = process.argv.slice(2);
if (!dir || !startAt) throw new Error("usage: claim-day-child <state dir> <start at ms>");
// Start together, so the opens, migrations and claims overlap.
while (Date.now() < Number(startAt)) {
  // busy-wait: a timer's granularity would spread the processes out
}
const store = openSqliteStore(dir);
const claimed = await store.claimSummaryDay("C1", "2025-06-12", new Date());
await store.close();
process.stdout.write(claimed ? "claimed" : "taken");
