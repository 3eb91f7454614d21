import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { Proposal } from "../curation/proposal.ts";
import type { CurationStore } from "../store/curation-store.ts";
import { openPgCurationStore } from "../store/pg-curation-store.ts";
import { openPgDatabase, redactUrl } from "../store/pg-database.ts";
import { openPgStore } from "../store/pg-store.ts";
import { openSqliteCurationStore } from "../store/sqlite-curation-store.ts";
import { openSqliteStore } from "../store/sqlite-store.ts";
import type { Store } from "../store/store.ts";

export const STORE_BENCH = Object.freeze({
  /** Operations of each kind in `npm run bench`; TALLY_BENCH_STORE_OPS overrides it. */
  defaultOperations: 1_000,
  /** Untimed calls before each measurement, so that statements are prepared and connections open. */
  warmUp: 20,
  /** The server the PostgreSQL part creates its throwaway database on; TALLY_BENCH_PG_SERVER overrides it. */
  pgServer: "postgres://postgres@127.0.0.1:5432",
  /** How long the PostgreSQL part waits for the server before reporting it skipped (ms). */
  probeTimeoutMs: 2_000,
});

export interface OperationFigures {
  operations: number;
  milliseconds: number;
  perSecond: number;
}

/** Each operation one call at a time, awaited, as one handler makes them: latency-bound, not a pool's peak. */
export interface StoreFigures {
  markEventSeen: OperationFigures;
  flagModeRead: OperationFigures;
  recordFlag: OperationFigures;
  claimSummaryDay: OperationFigures;
  saveProposalThenGet: OperationFigures;
}

export interface StoreBenchResult {
  operations: number;
  sqlite: StoreFigures;
  postgres: StoreFigures | { skipped: string };
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

/** A proposal adding one claim, with `id` as its own id and the stem of the claim's. */
function benchProposal(id: string, at: Date): Proposal {
  return {
    id,
    status: "pending",
    entries: {
      topics: [],
      sources: [],
      documents: [],
      claims: [
        {
          id: `${id}-claim`,
          topic: "bench-topic",
          value: 1_000,
          as_of: "2026-01-01",
          source: "bench-source",
          unattributed: false,
          document: "bench-document",
          quote: "about 1,000 widgets were counted",
        },
      ],
    },
    figureText: "about 1,000",
    corrects: null,
    answers: null,
    origin: null,
    proposedBy: "U0BENCH",
    proposedAt: at.toISOString(),
    decision: null,
    review: null,
  };
}

async function measure(
  operations: number,
  op: (i: number) => Promise<unknown>,
  warmUp: (i: number) => Promise<unknown>,
): Promise<OperationFigures> {
  for (let i = 0; i < STORE_BENCH.warmUp; i += 1) await warmUp(i);
  const started = performance.now();
  for (let i = 0; i < operations; i += 1) await op(i);
  const milliseconds = Math.max(performance.now() - started, 1e-6);
  return {
    operations,
    milliseconds: round(milliseconds),
    perSecond: Math.round((operations / milliseconds) * 1000),
  };
}

/** Operations per second of one backend's stores, on state they start empty. */
export async function benchStore(
  store: Store,
  curation: CurationStore,
  operations: number,
): Promise<StoreFigures> {
  const base = Date.parse("2026-11-20T08:00:00.000Z");
  const at = (i: number) => new Date(base + i);
  await store.setFlagMode("C0BENCH", "quiet");
  const flag = (prefix: string) => (i: number) =>
    store.recordFlag({
      channel: "C0BENCH",
      messageTs: `${prefix}${i}.000100`,
      threadTs: null,
      user: "U0BENCH",
      figures: ["1,000"],
      outcome: "flagged",
      at: at(i).toISOString(),
    });
  const proposal = (prefix: string) => async (i: number) => {
    await curation.saveProposal(benchProposal(`p-${prefix}${i}`, at(i)));
    return curation.getProposal(`p-${prefix}${i}`);
  };
  return {
    markEventSeen: await measure(
      operations,
      (i) => store.markEventSeen(`Ev${i}`, at(i)),
      (i) => store.markEventSeen(`Evwarm${i}`, at(0)),
    ),
    flagModeRead: await measure(
      operations,
      () => store.flagMode("C0BENCH"),
      () => store.flagMode("C0BENCH"),
    ),
    recordFlag: await measure(operations, flag("1"), flag("9")),
    claimSummaryDay: await measure(
      operations,
      (i) => store.claimSummaryDay(`C${i}`, "2026-11-20", at(i)),
      (i) => store.claimSummaryDay(`Cwarm${i}`, "2026-11-20", at(0)),
    ),
    saveProposalThenGet: await measure(operations, proposal("b"), proposal("w")),
  };
}

/** SQLite as Tally runs it by default: a `tally.db` file in a fresh folder (WAL, synchronous writes). */
async function benchSqlite(operations: number): Promise<StoreFigures> {
  const dir = mkdtempSync(join(tmpdir(), "tally-store-bench-"));
  const store = openSqliteStore(dir);
  const curation = openSqliteCurationStore(dir);
  try {
    return await benchStore(store, curation, operations);
  } finally {
    await store.close();
    await curation.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function adminQuery(server: string, sql: string): Promise<void> {
  const client = new pg.Client({
    connectionString: `${server}/postgres`,
    connectionTimeoutMillis: STORE_BENCH.probeTimeoutMs,
  });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * PostgreSQL on a throwaway database created on `server` (a URL without a database) and dropped after, or
 * `{ skipped }` saying why when the server does not answer or will not create one.
 */
async function benchPostgres(
  server: string,
  operations: number,
): Promise<StoreFigures | { skipped: string }> {
  const base = server.replace(/\/+$/, "");
  // The name is ours, made of [a-z0-9_]: identifiers cannot be bound parameters.
  const name = `tally_bench_${process.pid}_${randomBytes(4).toString("hex")}`;
  try {
    await adminQuery(base, `CREATE DATABASE ${name}`);
  } catch (error) {
    // The driver's code says it in a word (ECONNREFUSED, 28P01, 42501); its message never holds the password.
    const code = (error as { code?: unknown }).code;
    const why = typeof code === "string" ? code : (error as Error).message;
    return { skipped: `no PostgreSQL database could be made at ${redactUrl(base)} (${why})` };
  }
  try {
    const { pool } = await openPgDatabase(`${base}/${name}`);
    try {
      return await benchStore(openPgStore(pool), openPgCurationStore(pool), operations);
    } finally {
      await pool.end();
    }
  } finally {
    await adminQuery(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

/** Both backends, `operations` of each kind; the PostgreSQL part only where a server answers. */
export async function benchStoreBackends(
  options: { operations?: number; pgServer?: string } = {},
): Promise<StoreBenchResult> {
  const operations = options.operations ?? STORE_BENCH.defaultOperations;
  return {
    operations,
    sqlite: await benchSqlite(operations),
    postgres: await benchPostgres(options.pgServer ?? STORE_BENCH.pgServer, operations),
  };
}
