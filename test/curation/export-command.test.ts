import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { format } from "date-fns";
import { afterEach, describe, expect, it } from "vitest";
import { loadIndex } from "../../src/claims/load-index.ts";
import { runExportCommand } from "../../src/cli/export-command.ts";
import type { Proposal, Retirement } from "../../src/curation/proposal.ts";
import { openSqliteCurationStore } from "../../src/store/sqlite-curation-store.ts";
import {
  approvedProposal,
  EXPORT_STORY_DIR,
  newQuantityProposal,
  storyClaim,
} from "./export-story-proposals.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A temp folder with a copy of the fixture data folder and a state folder. */
function workspace(): { data: string; state: string; root: string } {
  const root = mkdtempSync(path.join(tmpdir(), "tally-export-"));
  dirs.push(root);
  const data = path.join(root, "data");
  cpSync(EXPORT_STORY_DIR, data, { recursive: true });
  return { data, state: path.join(root, "state"), root };
}

async function fillState(
  state: string,
  proposals: Proposal[],
  retirements: Retirement[] = [],
): Promise<void> {
  const store = openSqliteCurationStore(state);
  for (const p of proposals) await store.saveProposal(p);
  for (const r of retirements) await store.retireClaim(r);
  await store.close();
}

async function run(argv: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runExportCommand(argv, env, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const today = () => format(new Date(), "yyyy-MM-dd");

describe("claims export", () => {
  it("writes the approved figures into the data folder in its layout, and they load cleanly with it", async () => {
    const { data, state } = workspace();
    await fillState(state, [
      newQuantityProposal("p-1"),
      approvedProposal("p-2", { claims: [storyClaim("c-52")] }),
      approvedProposal(
        "p-3",
        { claims: [storyClaim("c-pending", { as_of: "2025-03-07" })] },
        { status: "pending", decision: null },
      ),
    ]);
    const { code, out, err } = await run(["--state", state, "--data", data]);
    expect(err).toBe("");
    expect(code).toBe(0);
    for (const folder of ["topics", "sources", "documents", "claims"])
      expect(out).toContain(`wrote ${path.join(data, folder, `curated-${today()}.yml`)}`);
    expect(out).toContain("2 claims");

    const loaded = await loadIndex({ dataDirs: [data] });
    expect(loaded.problems).toEqual([]);
    const curated = loaded.index.claimById.get("c-52");
    expect(curated?.value).toBe(52);
    expect(curated?.provenance).toMatchObject({
      proposed_by: "U0PROPOSER",
      approved_by: "U0CURATOR",
      proposal: "p-2",
    });
    expect(loaded.index.topicById.has("quake-displaced")).toBe(true);
    expect(loaded.index.claimById.has("c-pending")).toBe(false);
  });

  it("writes only the folders with something new, without default fields", async () => {
    const { data, state } = workspace();
    await fillState(state, [approvedProposal("p-2", { claims: [storyClaim("c-52")] })]);
    expect((await run(["--state", state, "--data", data])).code).toBe(0);
    expect(readdirSync(path.join(data, "topics"))).toEqual(["quake.yml"]);
    const text = readFileSync(path.join(data, "claims", `curated-${today()}.yml`), "utf8");
    expect(text).toMatch(/^# Approved in Slack/);
    expect(text).toContain("- id: c-52");
    expect(text).not.toContain("unattributed");
  });

  it("exports nothing the second time, and never overwrites an earlier export of the same day", async () => {
    const { data, state } = workspace();
    await fillState(state, [approvedProposal("p-2", { claims: [storyClaim("c-52")] })]);
    await run(["--state", state, "--data", data]);
    const again = await run(["--state", state, "--data", data]);
    expect(again.out).toContain("1 approved figure(s) already in the data folder");
    expect(again.out).toContain("nothing to export");

    await fillState(state, [
      approvedProposal("p-4", {
        claims: [storyClaim("c-council-homes", { topic: "quake-homes-destroyed", value: 350 })],
      }),
    ]);
    const third = await run(["--state", state, "--data", data]);
    expect(third.out).toContain(`curated-${today()}-2.yml`);
    const loaded = await loadIndex({ dataDirs: [data] });
    expect(loaded.problems).toEqual([]);
    expect([...loaded.index.claimById.keys()]).toEqual(expect.arrayContaining(["c-52", "c-council-homes"]));
  });

  it("prints the retired: lines to add by hand, with the file and line, for a data claim retired in Slack", async () => {
    const { data, state } = workspace();
    await fillState(
      state,
      [
        approvedProposal("p-5", {
          claims: [storyClaim("c-45", { value: 45, as_of: "2025-03-04", source: "eastvale-rescue-service" })],
        }),
      ],
      [
        {
          claimId: "rescue-service-quake-killed-2025-03-04",
          by: "U0CURATOR",
          at: "2025-03-08T16:30:00.000Z",
          reason: "recount",
          replacedBy: "c-45",
        },
      ],
    );
    const { code, out, err } = await run(["--state", state, "--data", data]);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toContain(
      `${path.join(data, "claims", "valley-wire.yml")}:1 rescue-service-quake-killed-2025-03-04:`,
    );
    expect(out).toContain(
      '    retired:\n      on: "2025-03-08"\n      by: U0CURATOR\n      reason: recount\n      replaced_by: c-45',
    );
  });

  it("writes into --out and leaves the data folder alone", async () => {
    const { data, state, root } = workspace();
    await fillState(state, [approvedProposal("p-2", { claims: [storyClaim("c-52")] })]);
    const outDir = path.join(root, "exported");
    expect((await run(["--state", state, "--data", data, "--out", outDir])).code).toBe(0);
    expect(existsSync(path.join(outDir, "claims", `curated-${today()}.yml`))).toBe(true);
    expect(readdirSync(path.join(data, "claims"))).toEqual(["valley-wire.yml"]);
    // What --out already holds is not written again.
    expect((await run(["--state", state, "--data", data, "--out", outDir])).out).toContain(
      "nothing to export",
    );
  });

  it("reads the state folder from TALLY_STATE_DIR", async () => {
    const { data, state } = workspace();
    await fillState(state, [approvedProposal("p-2", { claims: [storyClaim("c-52")] })]);
    const { code, out } = await run(["--data", data], { TALLY_STATE_DIR: state });
    expect(code).toBe(0);
    expect(out).toContain("1 claims");
  });

  it("says nothing to export when nothing was approved", async () => {
    const { data, state } = workspace();
    await fillState(state, []);
    const { code, out } = await run(["--state", state, "--data", data]);
    expect(code).toBe(0);
    expect(out).toBe("nothing to export");
  });

  it("refuses when the state folder has no database, naming where it looked", async () => {
    const { data, root } = workspace();
    const missing = path.join(root, "no-state");
    const { code, err } = await run(["--state", missing, "--data", data]);
    expect(code).toBe(1);
    expect(err).toContain(`no state database at ${path.join(missing, "tally.db")}`);
    expect(existsSync(missing)).toBe(false);
  });

  it("refuses an unknown flag with the usage", async () => {
    const { code, err } = await run(["--bogus"]);
    expect(code).toBe(2);
    expect(err).toContain("usage: npm run claims -- export");
  });
});
