/**
 * The state database must never freeze Tally. While another process holds the SQLite write lock, acks and
 * GET /healthz answer at once, and a write waits off the event loop: saved (and the user told so) once the
 * lock is released, or, held past the budget, the user is told it was not saved. A damaged file is named
 * as damage, never answered "Done". Also: `npm run state -- backup` works while the app runs and the lock
 * is held.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runStateCommand } from "../../src/cli/state-command.ts";
import { STATE_FILE_NAME } from "../../src/store/sqlite-store.ts";
import { damageStateFile } from "../support/damage-state-file.ts";
import type { RecordedCall } from "../support/fake-slack.ts";
import { eventEnvelope, postEvent, postSlashCommand } from "../support/signed-request.ts";
import { allText } from "../support/slack-message.ts";
import { startTestApp, type TestApp } from "../support/start-app.ts";

/** How long a write waits for the lock here (the real one is 15 s); short, so tests do not wait long. */
const BUDGET_MS = 3_000;
/** "At once", generously: the machine is shared and loaded; a blocked event loop took 5 s or more. */
const PROMPT_MS = 1_000;

let t: TestApp;
let stateDir: string;
let file: string;
beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), "tally-state-lock-"));
  file = join(stateDir, STATE_FILE_NAME);
  t = await startTestApp({ stateDir, stateOptions: { retry: { budgetMs: BUDGET_MS } } });
});
afterAll(async () => {
  await t.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

/** Another process's connection holding the write lock (BEGIN IMMEDIATE) until `release`. */
function holdWriteLock(): { release(): void } {
  const holder = new Database(file);
  holder.exec("BEGIN IMMEDIATE");
  return {
    release() {
      if (holder.inTransaction) holder.exec("COMMIT");
      holder.close();
    },
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

/** Sends `/tally <text>` as `user` in `channel`; resolves once acked, with the ack's time. */
async function command(text: string, user: string, channel: string) {
  const responseUrl = t.fake.responseUrl({ channel, user });
  const ack = await timed(() =>
    postSlashCommand(t.baseUrl, { text, responseUrl, userId: user, channelId: channel }),
  );
  expect(ack.value.status).toBe(200);
  return {
    ackMs: ack.ms,
    answered: () => t.fake.calls.some((c) => c.responseUrl === responseUrl),
    answer: (): Promise<RecordedCall> =>
      t.fake.waitFor((c) => c.responseUrl === responseUrl, `the answer to /tally ${text}`),
  };
}

const healthz = () =>
  timed(() => fetch(`${t.baseUrl}/healthz`).then(async (r) => [r.status, await r.text()]));

let events = 0;
async function mention(text: string, channel: string) {
  events += 1;
  const ts = `1732000000.${String(events).padStart(6, "0")}`;
  const event = {
    type: "app_mention",
    user: "U0ASKER",
    text: `<@U0TALLY> ${text}`,
    ts,
    event_ts: ts,
    channel,
  };
  const ack = await timed(() => postEvent(t.baseUrl, eventEnvelope(`EvLock${events}`, event)));
  expect(ack.value.status).toBe(200);
  return {
    ackMs: ack.ms,
    reply: () =>
      t.fake.waitFor(
        (c) => c.method === "chat.postMessage" && c.params.channel === channel && c.params.thread_ts === ts,
        `the reply to the mention in ${channel}`,
      ),
  };
}

describe("while another process holds the state database's write lock", () => {
  it("acks, answers /healthz at once, and saves `/tally daily 09:00` once the lock is released", async () => {
    const lock = holdWriteLock();
    let released = false;
    try {
      const daily = await command("daily 09:00", "U0LOCKA", "C0LOCKA");
      expect(daily.ackMs).toBeLessThan(PROMPT_MS);
      const health = await healthz();
      expect(health.value).toEqual([200, "ok"]);
      expect(health.ms).toBeLessThan(PROMPT_MS);
      const asked = await mention("how many tanks has Russia lost", "C0LOCKM");
      expect(asked.ackMs).toBeLessThan(PROMPT_MS);

      // A backup can be taken meanwhile (SQLite's online backup only reads).
      const backupFile = join(stateDir, "while-locked.db");
      const lines: string[] = [];
      const code = await runStateCommand(
        ["backup", backupFile, "--from", stateDir],
        {},
        {
          out: (l) => lines.push(l),
          err: (l) => lines.push(l),
        },
      );
      expect(lines[0]).toBe(`backed up ${file} to ${backupFile}:`);
      expect(code).toBe(0);

      // The write is still waiting for the lock: nothing said yet, and above all no "Done".
      expect(daily.answered()).toBe(false);
      lock.release();
      released = true;
      const answer = await daily.answer();
      expect(allText(answer.params)).toMatch(
        /^Done: I'll post and pin the summary here every day at \*09:00\*/,
      );
      expect((await t.store.getSubscription("C0LOCKA"))?.time).toBe("09:00");
      expect(allText((await asked.reply()).params)).not.toMatch(/nothing was saved/);
    } finally {
      if (!released) lock.release();
    }
  });

  it("tells the user the subscription was not saved when the lock is held past the budget", async () => {
    const lock = holdWriteLock();
    try {
      const daily = await command("daily 10:00", "U0LOCKB", "C0LOCKB");
      expect(daily.ackMs).toBeLessThan(PROMPT_MS);
      // A mention whose event id cannot be recorded meanwhile is still answered, not dropped.
      const asked = await mention("how many tanks has Russia lost", "C0LOCKN");
      const text = allText((await daily.answer()).params);
      expect(text).toMatch(/database was busy .*\*nothing was saved\*\. Please try again in a minute\./);
      expect(text).not.toMatch(/Done/);
      await asked.reply();
      const health = await healthz();
      expect(health.ms).toBeLessThan(PROMPT_MS);
    } finally {
      lock.release();
    }
    expect(await t.store.getSubscription("C0LOCKB")).toBeNull();
    expect(t.logs).toContainEqual(
      expect.objectContaining({ level: "error", msg: "the /tally command failed", surface: "slash-command" }),
    );
  });
});

// Last in this file: it damages the app's state file.
describe("once the state file is found damaged while running", () => {
  it("refuses `/tally daily`, naming the damage, instead of answering Done", async () => {
    await t.store.upsertSubscription(
      { channel: "C0DAMAGE", time: "07:00", timeZone: "UTC", subscribedBy: "U0DAMAGE" },
      new Date(),
    );
    expect(await t.store.checkIntegrity()).toEqual({ status: "ok" });
    damageStateFile(file);
    // What main's periodic check does (startIntegrityChecks), run now rather than on its timer.
    expect((await t.store.checkIntegrity()).status).toBe("corrupt");
    const daily = await command("daily 11:00", "U0DAMAGE", "C0DAMAGE");
    const text = allText((await daily.answer()).params);
    expect(text).toMatch(/database is damaged, so I could not do that and \*nothing was saved\*/);
    expect(text).toMatch(/tell whoever runs Tally/);
    expect(text).not.toMatch(/Done/);
    expect((await healthz()).value).toEqual([200, "ok"]);
  });
});
