import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  HOSTILE_SOURCE,
  MANY_QUESTION,
  type ManySourcesIndex,
  writeManySourcesIndex,
} from "../support/many-sources-data.ts";
import { blockActionsPayload, postInteraction, postSlashCommand } from "../support/signed-request.ts";
import { allText, button, buttonsIn } from "../support/slack-message.ts";
import { startTestApp, type TestApp } from "../support/start-app.ts";

let index: ManySourcesIndex;
let t: TestApp;
beforeAll(async () => {
  index = writeManySourcesIndex(80, 5);
  t = await startTestApp({ dataDir: index.dataDir, documentsDir: index.documentsDir });
});
afterAll(async () => {
  await t.stop();
  rmSync(path.dirname(index.dataDir), { recursive: true, force: true });
});

type Block = { type: string; text?: { type: string; text: string }; elements?: unknown[] };

function expectWithinBlockKitLimits(message: Record<string, unknown>) {
  const blocks = message.blocks as Block[];
  expect(blocks.length).toBeLessThanOrEqual(50);
  for (const block of blocks) {
    if (block.type === "header") expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(150);
    if (block.type === "section") expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
  }
}

/** The "Monitor NNN" names a message lists. */
const namesIn = (text: string, names: string[]) => names.filter((n) => text.includes(n.slice(0, 11)));

describe("an answer with 80 sources on one topic", () => {
  it("stays inside Block Kit's limits and accounts for every other source, listing some and offering the rest", async () => {
    const responseUrl = t.fake.responseUrl({ channel: "C0NEWS", user: "U0ASKER" });
    await postSlashCommand(t.baseUrl, { text: MANY_QUESTION, responseUrl });
    const answer = await t.fake.waitFor((c) => c.responseUrl === responseUrl, "the answer");
    expectWithinBlockKitLimits(answer.params);
    const words = allText(answer.params);
    expect(words).toContain(`${index.disagreeing} sources disagree`);

    const others = index.sourceNames.slice(1);
    const listed = namesIn(words, others);
    const more = /…and (\d+) more sources not listed here/.exec(words);
    expect(more).not.toBeNull();
    const notListed = Number(more?.[1]);
    expect(listed.length + notListed).toBe(others.length);
    // Every disagreement comes before any agreement: with more disagreements than fit, none that agree is listed.
    const agreeing = index.sourceNames.slice(1, 1 + index.agreeing);
    expect(listed.filter((n) => agreeing.includes(n))).toHaveLength(0);
    expect(listed.length).toBeGreaterThan(0);

    const showMore = button(answer.params, new RegExp(`^Show ${notListed} more$`));
    const moreUrl = t.fake.responseUrl({ channel: "C0NEWS", user: "U0ASKER" });
    await postInteraction(
      t.baseUrl,
      blockActionsPayload({
        actionId: showMore.actionId,
        value: showMore.value,
        responseUrl: moreUrl,
        isEphemeral: true,
      }),
    );
    const rest = await t.fake.waitFor((c) => c.responseUrl === moreUrl, "the rest of the sources");
    expect(rest.params.response_type).toBe("ephemeral");
    expectWithinBlockKitLimits(rest.params);
    const restNames = namesIn(allText(rest.params), others);
    expect(new Set([...listed, ...restNames]).size).toBe(others.length);
    expect(restNames.filter((n) => listed.includes(n))).toHaveLength(0);
    expect(allText(rest.params)).toContain(`${index.agreeing} sources agree`);
    expect(buttonsIn(rest.params)).toHaveLength(0);
  });

  it("escapes data text: a source, topic and quote with & and < > come through as entities, never as markup", async () => {
    const responseUrl = t.fake.responseUrl({ channel: "C0NEWS", user: "U0DATA" });
    await postSlashCommand(t.baseUrl, { text: MANY_QUESTION, responseUrl, userId: "U0DATA" });
    const answer = await t.fake.waitFor((c) => c.responseUrl === responseUrl, "the answer");
    const body = JSON.stringify(answer.params);
    expect(body).not.toContain("<!channel>");
    expect(body).not.toContain("<Institute>");
    expect(body).not.toContain("<b>");
    const words = allText(answer.params);
    expect(words).toContain(
      HOSTILE_SOURCE.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;"),
    );
    expect(words).toContain("Widgets counted by R&amp;D &lt;Labs&gt; &amp; friends");
    expect(words).toContain("&lt;b&gt;1000&lt;/b&gt;");
  });

  it("shows the history of all 80 figures by source, inside the limits", async () => {
    const responseUrl = t.fake.responseUrl({ channel: "C0NEWS", user: "U0HIST" });
    await postSlashCommand(t.baseUrl, { text: MANY_QUESTION, responseUrl, userId: "U0HIST" });
    const answer = await t.fake.waitFor((c) => c.responseUrl === responseUrl, "the answer");
    const historyUrl = t.fake.responseUrl({ channel: "C0NEWS", user: "U0HIST" });
    const history = button(answer.params, "Show history");
    await postInteraction(
      t.baseUrl,
      blockActionsPayload({
        actionId: history.actionId,
        value: history.value,
        responseUrl: historyUrl,
        isEphemeral: true,
        userId: "U0HIST",
      }),
    );
    const shown = await t.fake.waitFor((c) => c.responseUrl === historyUrl, "the history");
    expectWithinBlockKitLimits(shown.params);
    expect(namesIn(allText(shown.params), index.sourceNames.slice(1))).toHaveLength(79);
  });
});
