import path from "node:path";
import { describe, expect, it } from "vitest";
import { runClaimsCommand } from "../../src/cli/claims-command.ts";

const FIXTURES = "test/fixtures/claims-index";
const flood = path.join(FIXTURES, "flood");
const floodTexts = path.join(flood, "texts");
const second = path.join(FIXTURES, "second-story");

async function run(args: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runClaimsCommand(args, env, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe("claims validate", () => {
  it("passes valid data, listing the unverified quote and counting merged reports", async () => {
    const r = await run(["validate", "--data", flood, "--documents", floodTexts]);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out).toEqual([
      `unverified: ${path.join(flood, "claims", "wires.yml")}:8 coast-wire-flood-killed-2025-03-05: quote unverified: document "coast-wire-2025-03-05" has a url and no text copy`,
      "ok: 10 files, 3 topics, 3 sources, 3 documents, 4 figures, 1 reported by several documents; 1 quote unverified, every other quote found in its document",
    ]);
  });

  it("with --strict fails on an unverified quote", async () => {
    const r = await run(["validate", "--data", flood, "--documents", floodTexts, "--strict"]);
    expect(r.code).toBe(1);
    expect(r.err.at(-1)).toMatch(/^1 unverified quote \(strict\) \(10 files,/);
  });

  it("passes --strict when every quote is found in its text copy", async () => {
    const r = await run([
      "validate",
      "--data",
      second,
      "--documents",
      path.join(second, "texts"),
      "--strict",
    ]);
    expect(r.err).toEqual([]);
    expect(r.out).toEqual([
      "ok: 4 files, 1 topic, 1 source, 1 document, 1 figure; every quote found in its document",
    ]);
    expect(r.code).toBe(0);
  });

  it("merges several --data and --documents folders", async () => {
    const r = await run([
      "validate",
      ...["--data", flood, "--data", second],
      ...["--documents", floodTexts, "--documents", path.join(second, "texts")],
    ]);
    expect(r.code).toBe(0);
    expect(r.out.at(-1)).toMatch(/^ok: 14 files, 4 topics, 4 sources, 4 documents, 5 figures/);
  });

  it("prints every problem as file:line id: message and exits 1", async () => {
    const r = await run([
      "validate",
      "--data",
      flood,
      "--data",
      path.join(FIXTURES, "problems"),
      "--documents",
      floodTexts,
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `${path.join(FIXTURES, "problems", "claims", "a-problems.yml")}:2 wrong-refs: unknown topic "no-such-topic"`,
    );
    expect(r.err.at(-1)).toMatch(/^12 problems \(/);
  });

  it("--strict-when-present, with the documents folder absent, says in one line why quotes were not checked", async () => {
    const r = await run(["validate", "--data", flood, "--strict-when-present"], {
      TALLY_DOCUMENTS_DIR: "/nonexistent/documents",
    });
    expect(r.code).toBe(0);
    expect(r.out.filter((l) => l.startsWith("quotes not checked"))).toEqual([
      "quotes not checked: documents folder /nonexistent/documents not found (set TALLY_DOCUMENTS_DIR or --documents)",
    ]);
    expect(r.out.at(-1)).toMatch(/; quotes not checked$/);
  });

  it("--strict-when-present is --strict where the documents folder is present", async () => {
    const r = await run(["validate", "--data", flood, "--strict-when-present"], {
      TALLY_DOCUMENTS_DIR: floodTexts,
    });
    expect(r.code).toBe(1);
    expect(r.err.at(-1)).toMatch(/^1 unverified quote \(strict\)/);
  });

  it("in CI, fails when the documents folder is absent: CI must check quotes", async () => {
    const r = await run(["validate", "--data", second, "--strict-when-present"], {
      CI: "true",
      TALLY_DOCUMENTS_DIR: "/nonexistent/documents",
    });
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      "quotes not checked: documents folder /nonexistent/documents not found (set TALLY_DOCUMENTS_DIR or --documents), and CI must check them",
    );
  });

  it("--strict fails when quotes could not be checked at all", async () => {
    const r = await run(["validate", "--data", flood, "--documents", "/nonexistent/documents", "--strict"]);
    expect(r.code).toBe(1);
    expect(r.err.at(-1)).toMatch(/^quotes not checked \(strict\)/);
  });

  it("falls back to the deprecated TALLY_SEEDS_DIR, and rejects bad flags", async () => {
    const r = await run(["validate", "--data", second, "--strict"], {
      TALLY_SEEDS_DIR: path.join(second, "texts"),
    });
    expect(r.out.at(-1)).toMatch(/every quote found in its document$/);
    expect((await run(["validate", "--data", ""])).code).toBe(2);
    expect((await run(["validate", "--strict", "--strict-when-present"])).err[0]).toMatch(/not both/);
    expect((await run(["frobnicate"])).code).toBe(2);
  });
});
