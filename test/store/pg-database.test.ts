import { once } from "node:events";
import { createServer, type Server, type Socket } from "node:net";
import type pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { migrations } from "../../src/store/migrations.ts";
import { openPgDatabase, PgStartupError, redactUrl } from "../../src/store/pg-database.ts";
import { pgMigrations } from "../../src/store/pg-migrations.ts";
import {
  createTestDatabase,
  DROP_TIMEOUT_MS,
  dropTestDatabases,
  pgSkipReason,
  pgSuiteTitle,
  testDatabaseUrl,
} from "./pg-test-database.ts";

const servers: Server[] = [];
const pools: pg.Pool[] = [];
afterEach(async () => {
  for (const p of pools.splice(0)) await p.end();
  for (const s of servers.splice(0)) s.close();
});

/** A TCP server on a free local port, handing each connection to `onSocket`. */
async function listen(onSocket: (socket: Socket) => void): Promise<number> {
  const server = createServer(onSocket);
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  server.close();
  await once(server, "close");
  return address.port;
}

/** One PostgreSQL wire-protocol message: a type byte, a length, a body. */
function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, "latin1");
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

/**
 * A server that speaks just enough of PostgreSQL's protocol to ask for a password and refuse it, as a real
 * server does with a wrong one (28P01). Records the password it was sent.
 */
async function refusingServer(received: string[]): Promise<number> {
  return listen((socket) => {
    let step = 0;
    socket.on("data", (data) => {
      if (step === 0) {
        step = 1;
        const cleartext = Buffer.alloc(4);
        cleartext.writeInt32BE(3);
        socket.write(message("R", cleartext));
        return;
      }
      // 'p', length, password, NUL.
      received.push(data.subarray(5, data.length - 1).toString("utf8"));
      const fields = ["SFATAL", "VFATAL", "C28P01", 'Mpassword authentication failed for user "tally"'].map(
        (f) => Buffer.from(`${f}\0`, "utf8"),
      );
      socket.end(message("E", Buffer.concat([...fields, Buffer.from([0])])));
    });
  });
}

async function startupFailure(url: string, settings = {}): Promise<{ message: string; ms: number }> {
  const started = Date.now();
  try {
    const { pool } = await openPgDatabase(url, { settings });
    pools.push(pool);
  } catch (error) {
    expect(error).toBeInstanceOf(PgStartupError);
    return { message: (error as Error).message, ms: Date.now() - started };
  }
  throw new Error(`opening ${redactUrl(url)} did not fail`);
}

describe("redactUrl", () => {
  it("replaces the password in the authority and keeps the rest", () => {
    expect(redactUrl("postgres://tally:s3cret@db.example:5433/tally")).toBe(
      "postgres://tally:***@db.example:5433/tally",
    );
  });

  it("hides a percent-encoded password and a password query parameter", () => {
    const redacted = redactUrl("postgresql://tally:p%40ss%3Aword@db/tally?sslmode=require&password=other");
    expect(redacted).not.toMatch(/p%40ss|other/);
    expect(redacted).toBe("postgresql://tally:***@db/tally?sslmode=require&password=***");
  });

  it("leaves a URL without a password as it was", () => {
    expect(redactUrl("postgres://postgres@127.0.0.1:5432/test")).toBe(
      "postgres://postgres@127.0.0.1:5432/test",
    );
  });

  it("still hides the password of a string that does not parse as a URL", () => {
    expect(redactUrl("postgres://tally:s3cret@[bad host/tally")).toBe("postgres://tally:***@[bad host/tally");
  });
});

describe("PostgreSQL migrations", () => {
  it("keep the SQLite migrations' versions and names, so a state can be copied between them", () => {
    expect(pgMigrations.map((m) => [m.version, m.name])).toEqual(migrations.map((m) => [m.version, m.name]));
  });
});

describe("openPgDatabase without a server", () => {
  it("says the server cannot be reached when the connection is refused", async () => {
    const port = await closedPort();
    const { message } = await startupFailure(`postgres://tally:s3cret@127.0.0.1:${port}/tally`);
    expect(message).toMatch(
      new RegExp(`PostgreSQL at 127.0.0.1:${port} cannot be reached \\(connection refused\\)`),
    );
    expect(message).not.toContain("s3cret");
  });

  it("gives up on a server that never answers within the connection timeout, and says so", async () => {
    const port = await listen(() => {
      // Accepts and stays silent, like a firewall that swallows packets after the handshake.
    });
    const { message, ms } = await startupFailure(`postgres://tally:s3cret@127.0.0.1:${port}/tally`, {
      connectionTimeoutMs: 300,
    });
    expect(message).toMatch(new RegExp(`PostgreSQL at 127.0.0.1:${port} did not answer within 0.3 s`));
    expect(ms).toBeLessThan(3_000);
  });

  it("says the password was refused, without ever repeating it", async () => {
    const received: string[] = [];
    const port = await refusingServer(received);
    const { message } = await startupFailure(`postgres://tally:s3cret-Pw@127.0.0.1:${port}/tally`);
    expect(received).toEqual(["s3cret-Pw"]);
    expect(message).toMatch(/refused user "tally" for database "tally" \(password authentication failed/);
    expect(message).toMatch(/Check the user name and password in DATABASE_URL/);
    expect(message).not.toContain("s3cret");
  });

  it("refuses a URL that is not postgres://, without repeating its password", async () => {
    const { message } = await startupFailure("mysql://tally:s3cret@db/tally");
    expect(message).toMatch(/must start with postgres:\/\/ or postgresql:\/\//);
    expect(message).not.toContain("s3cret");
  });
});

describe.skipIf(pgSkipReason !== null)(pgSuiteTitle("openPgDatabase on a real server"), () => {
  afterAll(dropTestDatabases, DROP_TIMEOUT_MS);

  it("applies each migration once when several instances start at once", async () => {
    const url = await createTestDatabase();
    const opened = await Promise.all(Array.from({ length: 4 }, () => openPgDatabase(url)));
    pools.push(...opened.map((o) => o.pool));
    const applied = opened.map((o) => o.applied.join(",")).sort();
    const all = pgMigrations.map((m) => m.version);
    expect(applied).toEqual(["", "", "", all.join(",")]);
    const versions = await opened[0]?.pool.query("SELECT version FROM schema_version ORDER BY version");
    expect(versions?.rows).toEqual(all.map((version) => ({ version })));
  });

  it("cancels a statement that runs past the statement timeout", async () => {
    const url = await createTestDatabase();
    const { pool } = await openPgDatabase(url, { settings: { statementTimeoutMs: 200 } });
    pools.push(pool);
    expect((await pool.query("SHOW statement_timeout")).rows).toEqual([{ statement_timeout: "200ms" }]);
    await expect(pool.query("SELECT pg_sleep(2)")).rejects.toMatchObject({ code: "57014" });
  });

  it("reopens a current database without applying anything", async () => {
    const url = await createTestDatabase();
    const first = await openPgDatabase(url);
    await first.pool.end();
    const second = await openPgDatabase(url);
    pools.push(second.pool);
    expect(second.applied).toEqual([]);
  });

  it("refuses a database whose schema is newer than this build, naming both versions", async () => {
    const url = await createTestDatabase();
    const first = await openPgDatabase(url);
    await first.pool.query("INSERT INTO schema_version (version, name) VALUES (9, 'from the future')");
    await first.pool.end();
    const { message } = await startupFailure(url);
    expect(message).toBe(
      `the PostgreSQL state database is at schema version 9, newer than this build knows (${pgMigrations.length}); ` +
        "run a newer Tally or point DATABASE_URL elsewhere",
    );
  });

  it("says which database does not exist", async () => {
    const { message } = await startupFailure(testDatabaseUrl("tally_no_such_database"));
    expect(message).toMatch(/PostgreSQL at \S+ has no database "tally_no_such_database"\. Create it/);
  });

  it("says which role the server refused", async () => {
    const url = new URL(testDatabaseUrl("postgres"));
    url.username = "tally_no_such_role";
    url.password = "s3cret";
    const { message } = await startupFailure(url.toString());
    expect(message).toMatch(/refused user "tally_no_such_role"/);
    expect(message).not.toContain("s3cret");
  });
});
