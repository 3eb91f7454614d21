import type { webApi } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../../src/log/logger.ts";
import { createCuratorCheck } from "../../../src/slack/curation/curators.ts";

const silent = createLogger({ level: "error", write: () => {} });

function clientListing(groups: Record<string, string[] | Error>) {
  const calls: string[] = [];
  const client = {
    usergroups: {
      users: {
        list: async ({ usergroup }: { usergroup: string }) => {
          calls.push(usergroup);
          const members = groups[usergroup];
          if (members instanceof Error) throw members;
          return { ok: true, users: members ?? [] };
        },
      },
    },
  } as unknown as webApi.WebClient;
  return { client, calls };
}

describe("createCuratorCheck", () => {
  it("lets listed users and user group members decide, and no one else", async () => {
    const { client } = clientListing({ S0DESK: ["U0MEMBER"] });
    const isCurator = createCuratorCheck(
      { users: ["U0LISTED"], groups: ["S0DESK"] },
      () => new Date(),
      silent,
    );
    expect(await isCurator("U0LISTED", client)).toBe(true);
    expect(await isCurator("U0MEMBER", client)).toBe(true);
    expect(await isCurator("U0REPORTER", client)).toBe(false);
  });

  it("asks Slack for a group's members once within a few minutes, then again", async () => {
    let now = new Date("2026-12-01T09:00:00Z");
    const { client, calls } = clientListing({ S0DESK: ["U0MEMBER"] });
    const isCurator = createCuratorCheck({ users: [], groups: ["S0DESK"] }, () => now, silent);
    await isCurator("U0MEMBER", client);
    await isCurator("U0OTHER", client);
    expect(calls).toHaveLength(1);
    now = new Date("2026-12-01T09:10:00Z");
    await isCurator("U0MEMBER", client);
    expect(calls).toHaveLength(2);
  });

  it("refuses everyone in a group Slack will not list, rather than letting anyone approve", async () => {
    const { client } = clientListing({ S0DESK: new Error("missing_scope") });
    const isCurator = createCuratorCheck({ users: [], groups: ["S0DESK"] }, () => new Date(), silent);
    expect(await isCurator("U0MEMBER", client)).toBe(false);
  });
});
