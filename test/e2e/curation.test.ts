/**
 * The desk's whole curation loop over the wire: signed slash commands, shortcuts, block actions, block
 * suggestions and view submissions into the real Bolt app, its Web API calls answered by the fake Slack.
 * One story runs through the file in order: a reporter proposes, a curator approves, the answer changes,
 * and so on, as it would in a newsroom.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runExportCommand } from "../../src/cli/export-command.ts";
import { CURATION } from "../../src/slack/curation/curation-ids.ts";
import { FIGURE_ACTION, FIGURE_BLOCK } from "../../src/slack/curation/figure-form-ids.ts";
import { remindCurators } from "../../src/slack/curation/review-reminder.ts";
import type { RecordedCall } from "../support/fake-slack.ts";
import { fillView } from "../support/fill-view.ts";
import {
  blockSuggestionPayload,
  globalShortcutPayload,
  messageShortcutPayload,
  selectPayload,
  viewSubmissionPayload,
} from "../support/interaction-payloads.ts";
import { blockActionsPayload, postInteraction, postSlashCommand } from "../support/signed-request.ts";
import { allText, button } from "../support/slack-message.ts";
import { startTestApp, type TestApp } from "../support/start-app.ts";
import { WAR_STORY_DIR } from "../support/war-story.ts";

const DESK = "C0DESK";
const NEWS = "C0NEWS";
const REPORTER = "U0REPORTER";
const CURATOR = "U0CURATOR";
/** A curator by membership of the desk's user group, not by id. */
const GROUPIE = "U0GROUPIE";

let t: TestApp;
let stateDir: string;

beforeAll(async () => {
  stateDir = mkdtempSync(path.join(tmpdir(), "tally-curation-"));
  t = await startTestApp({
    env: { TALLY_REVIEW_CHANNEL: DESK, TALLY_CURATORS: `${CURATOR} S0DESK` },
    stateDir,
  });
  t.fake.script("usergroups.users.list", { body: { ok: true, users: [GROUPIE] } });
});
afterAll(async () => {
  await t.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

/** A Web API client on the fake Slack, for what runs on a timer rather than on a request. */
const slackClient = () => new webApi.WebClient("xoxb-test-token", { slackApiUrl: t.fake.apiUrl });
const seqNow = () => t.fake.calls.length;
const since = (seq: number, match: (c: RecordedCall) => boolean) => (c: RecordedCall) =>
  c.seq >= seq && match(c);

async function slash(text: string, user: string, channel = NEWS): Promise<RecordedCall> {
  const responseUrl = t.fake.responseUrl({ channel, user });
  const res = await postSlashCommand(t.baseUrl, { text, responseUrl, userId: user, channelId: channel });
  expect(res.status).toBe(200);
  return t.fake.waitFor((c) => c.responseUrl === responseUrl, `the reply to /tally ${text}`);
}

/** `/tally add`: acked, then a modal rather than a reply. */
async function openAdd(user: string): Promise<RecordedCall> {
  const seq = seqNow();
  const responseUrl = t.fake.responseUrl({ channel: NEWS, user });
  const res = await postSlashCommand(t.baseUrl, { text: "add", responseUrl, userId: user, channelId: NEWS });
  expect(res.status).toBe(200);
  return t.fake.waitFor(
    since(seq, (c) => c.method === "views.open"),
    "the add-figure modal",
  );
}

async function submit(
  callbackId: string,
  view: Record<string, unknown>,
  values: Record<string, Record<string, unknown>>,
  user: string,
): Promise<Record<string, unknown>> {
  const res = await postInteraction(
    t.baseUrl,
    viewSubmissionPayload({
      callbackId,
      privateMetadata: String(view.private_metadata ?? ""),
      values,
      userId: user,
      blocks: Array.isArray(view.blocks) ? view.blocks : [],
    }),
  );
  expect(res.status).toBe(200);
  const body = await res.text();
  return body === "" ? {} : (JSON.parse(body) as Record<string, unknown>);
}

async function press(message: Record<string, unknown>, label: string | RegExp, user: string, channel = DESK) {
  const b = button(message, label);
  const res = await postInteraction(
    t.baseUrl,
    blockActionsPayload({
      actionId: b.actionId,
      value: b.value,
      responseUrl: t.fake.responseUrl({ channel, user }),
      isEphemeral: false,
      userId: user,
      channelId: channel,
      message: { ts: "1700000000.000100", blocks: (message.blocks as unknown[]) ?? [] },
    }),
  );
  expect(res.status).toBe(200);
}

const viewOf = (call: RecordedCall) => call.params.view as Record<string, unknown>;
const dmTo = (user: string) => (c: RecordedCall) =>
  c.method === "chat.postMessage" && c.params.channel === user;

/** Proposes "about 300,000 killed, CSIS, 18 Nov 2025" through /tally add; returns the review message call. */
async function proposeThroughModal(user: string, typed: Record<string, unknown> = {}): Promise<RecordedCall> {
  const seq = seqNow();
  const opened = await openAdd(user);
  const values = fillView(viewOf(opened), {
    [FIGURE_BLOCK.topic]: { option: "ru-killed" },
    [FIGURE_BLOCK.figure]: "about 300,000",
    [FIGURE_BLOCK.asOf]: "2025-11-18",
    [FIGURE_BLOCK.source]: { option: "csis" },
    [FIGURE_BLOCK.url]: "https://example.org/csis-casualties",
    [FIGURE_BLOCK.outlet]: "Example Wire",
    [FIGURE_BLOCK.headline]: "CSIS puts Russian dead near 300,000",
    [FIGURE_BLOCK.published]: "2025-11-18",
    [FIGURE_BLOCK.quote]: "about 300,000 Russian soldiers have been killed, CSIS estimates",
    ...typed,
  });
  const checked = await submit(CURATION.addView, viewOf(opened), values, user);
  expect(checked.response_action).toBe("push");
  const confirm = checked.view as Record<string, unknown>;
  expect(allText(confirm)).toContain("about 300,000");
  const sent = await submit(CURATION.confirmView, confirm, {}, user);
  expect(sent.response_action).toBe("clear");
  return t.fake.waitFor(
    since(seq, (c) => c.method === "chat.postMessage" && c.params.channel === DESK),
    "the proposal in the review queue",
  );
}

let reviewMessage: Record<string, unknown>;

describe("adding a figure from Slack", () => {
  it("reports every missing or wrong field in the modal, by field, and keeps nothing", async () => {
    const opened = await openAdd(REPORTER);
    const values = fillView(viewOf(opened), {
      [FIGURE_BLOCK.figure]: "lots",
      [FIGURE_BLOCK.quote]: "short",
    });
    const reply = await submit(CURATION.addView, viewOf(opened), values, REPORTER);
    expect(reply.response_action).toBe("errors");
    const errors = reply.errors as Record<string, string>;
    expect(Object.keys(errors).sort()).toEqual(
      expect.arrayContaining([
        FIGURE_BLOCK.topic,
        FIGURE_BLOCK.figure,
        FIGURE_BLOCK.asOf,
        FIGURE_BLOCK.source,
        FIGURE_BLOCK.quote,
      ]),
    );
    expect(errors[FIGURE_BLOCK.figure]).toMatch(/one number or a range/);
    expect(await t.deps.curation.store.listProposals()).toEqual([]);
  });

  it("searches existing topics with the matcher for the topic picker", async () => {
    const res = await postInteraction(
      t.baseUrl,
      blockSuggestionPayload({
        actionId: FIGURE_ACTION.topic,
        blockId: FIGURE_BLOCK.topic,
        value: "russian soldiers killed",
        userId: REPORTER,
      }),
    );
    expect(res.status).toBe(200);
    const { options } = (await res.json()) as { options: { value: string }[] };
    expect(options[0]?.value).toBe("ru-killed");
  });

  it("shows how it reads the figure when Enter is pressed in the figure field", async () => {
    const seq = seqNow();
    const opened = await openAdd(REPORTER);
    const payload = blockActionsPayload({
      actionId: FIGURE_ACTION.figure,
      value: "over 1.2 million",
      responseUrl: "",
      isEphemeral: false,
      userId: REPORTER,
    });
    const res = await postInteraction(t.baseUrl, {
      ...payload,
      container: { type: "view", view_id: "V0FORM" },
      view: { ...viewOf(opened), id: "V0FORM", hash: "1700000000.abc", state: { values: {} } },
      actions: [
        {
          type: "plain_text_input",
          action_id: FIGURE_ACTION.figure,
          block_id: FIGURE_BLOCK.figure,
          value: "over 1.2 million",
          action_ts: "1",
        },
      ],
    });
    expect(res.status).toBe(200);
    const update = await t.fake.waitFor(
      since(seq, (c) => c.method === "views.update"),
      "the view with the reading",
    );
    expect(allText(viewOf(update))).toMatch(/over 1\.2 million/);
    expect(update.params.view_id).toBe("V0FORM");
  });

  it("sends a valid figure to the review queue and tells the proposer", async () => {
    const seq = seqNow();
    const posted = await proposeThroughModal(REPORTER);
    reviewMessage = posted.params;
    const text = allText(reviewMessage);
    expect(text).toContain("Russian military killed since 24 Feb 2022");
    expect(text).toContain("about 300,000");
    expect(text).toContain("CSIS");
    expect(text).toContain(`<@${REPORTER}>`);
    expect(button(reviewMessage, "Approve").value).toMatch(/^p-/);
    const told = await t.fake.waitFor(since(seq, dmTo(REPORTER)), "the proposer told it is with the desk");
    expect(allText(told.params)).toMatch(/with the desk/);
    const [pending] = await t.deps.curation.store.listProposals({ status: "pending" });
    expect(pending?.review?.channel).toBe(DESK);
  });

  it("refuses a non-curator's Approve, just to them, and leaves the proposal pending", async () => {
    const seq = seqNow();
    await press(reviewMessage, "Approve", REPORTER);
    const refused = await t.fake.waitFor(
      since(seq, (c) => c.method === "chat.postEphemeral" && c.params.user === REPORTER),
      "the refusal",
    );
    expect(allText(refused.params)).toMatch(/Only the desk's curators/);
    expect(await t.deps.curation.store.listProposals({ status: "pending" })).toHaveLength(1);
  });

  it("answers with the approved figure at once, the older source now a disagreement", async () => {
    const before = allText((await slash("how many Russian soldiers have been killed?", REPORTER)).params);
    expect(before).not.toContain("CSIS");
    const seq = seqNow();
    await press(reviewMessage, "Approve", CURATOR);
    const updated = await t.fake.waitFor(
      since(seq, (c) => c.method === "chat.update"),
      "the queue message updated",
    );
    expect(allText(updated.params)).toMatch(/Approved by <@U0CURATOR>/);
    const told = await t.fake.waitFor(since(seq, dmTo(REPORTER)), "the proposer told of the approval");
    expect(allText(told.params)).toMatch(/was approved/);

    const answer = allText((await slash("how many Russian soldiers have been killed?", REPORTER)).params);
    expect(answer).toMatch(/about 300,000/);
    expect(answer).toMatch(/CSIS/);
    // The UK figure it replaces as the headline is still there, as a source that disagrees.
    expect(answer).toMatch(/disagree[\s\S]*about 250,000/);
  });

  it("tells a second curator pressing Approve that it was already decided", async () => {
    const seq = seqNow();
    await press(reviewMessage, "Approve", GROUPIE);
    const said = await t.fake.waitFor(
      since(seq, (c) => c.method === "chat.postEphemeral" && c.params.user === GROUPIE),
      "already decided",
    );
    expect(allText(said.params)).toMatch(/already approved/);
  });

  it("exports approved figures as data files that load with data/", async () => {
    const data = mkdtempSync(path.join(tmpdir(), "tally-export-data-"));
    cpSync(WAR_STORY_DIR, data, { recursive: true });
    const out: string[] = [];
    const code = await runExportCommand(
      ["--state", stateDir, "--data", data],
      {},
      { out: (l) => out.push(l), err: (l) => out.push(l) },
    );
    expect(code, out.join("\n")).toBe(0);
    const files = readdirSync(path.join(data, "claims")).filter((f) => f.startsWith("curated-"));
    expect(files).toHaveLength(1);
    const claims = parse(readFileSync(path.join(data, "claims", files[0] ?? ""), "utf8")) as Record<
      string,
      unknown
    >[];
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({
      topic: "ru-killed",
      value: 300000,
      qualifier: "about",
      source: "csis",
    });
    expect(claims[0]?.provenance).toMatchObject({ proposed_by: REPORTER, approved_by: CURATOR });
    rmSync(data, { recursive: true, force: true });
  });

  it("lets a curator edit a pending proposal: the queue message shows the edit, the proposer stays", async () => {
    const seq = seqNow();
    const posted = await proposeThroughModal(REPORTER, {
      [FIGURE_BLOCK.figure]: "about 305,000",
      [FIGURE_BLOCK.asOf]: "2025-11-19",
    });
    const pressed = seqNow();
    await press(posted.params, "Edit", GROUPIE);
    const opened = await t.fake.waitFor(
      since(pressed, (c) => c.method === "views.open" && viewOf(c).callback_id === CURATION.addView),
      "the edit form",
    );
    const values = fillView(viewOf(opened), { [FIGURE_BLOCK.figure]: "about 306,000" });
    const checked = await submit(CURATION.addView, viewOf(opened), values, GROUPIE);
    expect(checked.response_action, JSON.stringify(checked)).toBe("push");
    await submit(CURATION.confirmView, checked.view as Record<string, unknown>, {}, GROUPIE);
    const updated = await t.fake.waitFor(
      since(seq, (c) => c.method === "chat.update" && /306,000/.test(allText(c.params))),
      "the queue message showing the edit",
    );
    expect(allText(updated.params)).toContain(`Proposed by <@${REPORTER}>`);
    const edited = (await t.deps.curation.store.listProposals({ status: "pending" })).find((p) =>
      p.figureText.includes("306,000"),
    );
    expect(edited?.proposedBy).toBe(REPORTER);
    await press(updated.params, "Reject", GROUPIE);
    const reject = await t.fake.waitFor(
      since(seq, (c) => c.method === "views.open" && viewOf(c).callback_id === CURATION.retireView),
      "the reject form",
    );
    await submit(CURATION.retireView, viewOf(reject), fillView(viewOf(reject)), GROUPIE);
    await t.fake.waitFor(
      since(seq, (c) => dmTo(REPORTER)(c) && /not added/.test(allText(c.params))),
      "told",
    );
  });

  it("tells the proposer when a curator rejects, with the reason", async () => {
    const seq = seqNow();
    const posted = await proposeThroughModal(REPORTER, {
      [FIGURE_BLOCK.figure]: "about 310,000",
      [FIGURE_BLOCK.asOf]: "2025-11-19",
    });
    await press(posted.params, "Reject", GROUPIE);
    const opened = await t.fake.waitFor(
      since(seq, (c) => c.method === "views.open" && viewOf(c).callback_id === CURATION.retireView),
      "the reject form",
    );
    await submit(
      CURATION.retireView,
      viewOf(opened),
      fillView(viewOf(opened), { [CURATION.reasonBlock]: "Not in the CSIS report" }),
      GROUPIE,
    );
    const told = await t.fake.waitFor(
      since(
        seq,
        (c) => dmTo(REPORTER)(c) && /not added[\s\S]*Not in the CSIS report/.test(allText(c.params)),
      ),
      "the rejection told, with its reason",
    );
    expect(allText(told.params)).toContain("Not in the CSIS report");
    expect(await t.deps.curation.store.listProposals({ status: "rejected" })).toHaveLength(2);
    expect(
      allText((await slash("how many Russian soldiers have been killed?", REPORTER)).params),
    ).not.toContain("310,000");
  });
});

describe("correcting and retiring from a topic's history", () => {
  async function historyMenu(user: string): Promise<Record<string, unknown>> {
    const answer = await slash("how many Russian soldiers have been killed?", user);
    const history = button(answer.params, "Show history");
    const responseUrl = t.fake.responseUrl({ channel: NEWS, user });
    await postInteraction(
      t.baseUrl,
      blockActionsPayload({
        actionId: history.actionId,
        value: history.value,
        responseUrl,
        isEphemeral: true,
        userId: user,
      }),
    );
    return (await t.fake.waitFor((c) => c.responseUrl === responseUrl, "the history")).params;
  }

  async function choose(value: string, user: string) {
    await postInteraction(
      t.baseUrl,
      selectPayload({
        actionId: CURATION.figureMenu,
        value,
        userId: user,
        channelId: NEWS,
        responseUrl: t.fake.responseUrl({ channel: NEWS, user }),
      }),
    );
  }

  it("retires a figure: it leaves the answer and stays in the history, marked", async () => {
    const seq = seqNow();
    await choose("retire:uk-mod-ru-killed-2025-06-13", CURATOR);
    const opened = await t.fake.waitFor(
      since(seq, (c) => c.method === "views.open"),
      "the retire form",
    );
    await submit(
      CURATION.retireView,
      viewOf(opened),
      fillView(viewOf(opened), { [CURATION.reasonBlock]: "Superseded by the MoD's own update" }),
      CURATOR,
    );
    await t.fake.waitFor(
      since(seq, (c) => dmTo(CURATOR)(c) && /Retired/.test(allText(c.params))),
      "the retirement confirmed",
    );
    const answer = allText((await slash("how many Russian soldiers have been killed?", REPORTER)).params);
    expect(answer).not.toContain("250,000");
    const history = allText(await historyMenu(REPORTER));
    expect(history).toMatch(/about 250,000[^\n]*retired \d\d\d\d-\d\d-\d\d: Superseded/);
    expect(history).toMatch(/about 300,000[^\n]*added by <@U0REPORTER>, approved by <@U0CURATOR>/);
  });

  it("refuses a non-curator's retirement", async () => {
    const seq = seqNow();
    await choose("retire:cc-news-network-ru-killed-2025-01-07", REPORTER);
    const refused = await t.fake.waitFor(
      since(seq, (c) => c.method === "chat.postEphemeral" && c.params.user === REPORTER),
      "the refusal",
    );
    expect(allText(refused.params)).toMatch(/Only the desk's curators/);
    expect(
      t.deps.core.index().claimById.get("cc-news-network-ru-killed-2025-01-07")?.retired,
    ).toBeUndefined();
  });

  it("corrects a figure: a curator's correction answers at once and the old one is history", async () => {
    const csis = [...t.deps.core.index().claimById.values()].find(
      (c) => c.source === "csis" && c.topic === "ru-killed" && !c.retired,
    );
    expect(csis).toBeDefined();
    const seq = seqNow();
    await choose(`correct:${csis?.id}`, CURATOR);
    const opened = await t.fake.waitFor(
      since(seq, (c) => c.method === "views.open"),
      "the correction form",
    );
    // Prefilled from the claim: the figure and its quote change, the rest stands.
    const values = fillView(viewOf(opened), {
      [FIGURE_BLOCK.figure]: "about 320,000",
      [FIGURE_BLOCK.quote]: "about 320,000 Russian soldiers have been killed, CSIS now estimates",
    });
    const checked = await submit(CURATION.addView, viewOf(opened), values, CURATOR);
    expect(checked.response_action, JSON.stringify(checked)).toBe("push");
    await submit(CURATION.confirmView, checked.view as Record<string, unknown>, {}, CURATOR);
    await t.fake.waitFor(
      since(seq, (c) => dmTo(CURATOR)(c) && /Corrected/.test(allText(c.params))),
      "the correction confirmed",
    );
    const answer = allText((await slash("how many Russian soldiers have been killed?", REPORTER)).params);
    expect(answer).toMatch(/about 320,000/);
    expect(answer).not.toMatch(/about 300,000/);
    const old = t.deps.core.index().claimById.get(csis?.id ?? "");
    expect(old?.retired?.replaced_by).toBeDefined();
    expect(allText(await historyMenu(REPORTER))).toMatch(/about 300,000[^\n]*retired/);
  });
});

describe("the message shortcut", () => {
  it("opens the form prefilled from the message: figure, source, date, permalink and quote", async () => {
    const seq = seqNow();
    const res = await postInteraction(
      t.baseUrl,
      messageShortcutPayload({
        callbackId: CURATION.messageShortcut,
        userId: REPORTER,
        channelId: NEWS,
        message: {
          ts: "1763553600.000200",
          user: "U0OTHER",
          text: "UK MoD says about 1,100 Russian soldiers are killed every day on average",
        },
      }),
    );
    expect(res.status).toBe(200);
    const opened = await t.fake.waitFor(
      since(seq, (c) => c.method === "views.open"),
      "the prefilled modal",
    );
    const values = fillView(viewOf(opened));
    const read = (block: string) =>
      Object.values(values[block] ?? {})[0] as Record<string, unknown> | undefined;
    expect(read(FIGURE_BLOCK.figure)?.value).toMatch(/1,100/);
    expect(read(FIGURE_BLOCK.source)?.selected_option).toMatchObject({ value: "uk-mod" });
    expect(read(FIGURE_BLOCK.url)?.value).toMatch(/^https:\/\/.*\/archives\/C0NEWS\/p1763553600000200$/);
    expect(read(FIGURE_BLOCK.quote)?.value).toContain("about 1,100 Russian soldiers are killed every day");
    expect(read(FIGURE_BLOCK.published)?.selected_date).toBe("2025-11-19");
    expect(viewOf(opened).private_metadata).toContain("1763553600.000200");
  });

  it("opens an empty form from the global shortcut", async () => {
    const seq = seqNow();
    await postInteraction(t.baseUrl, globalShortcutPayload(CURATION.globalShortcut, REPORTER));
    const opened = await t.fake.waitFor(
      since(seq, (c) => c.method === "views.open"),
      "the empty modal",
    );
    expect(viewOf(opened).callback_id).toBe(CURATION.addView);
  });
});

/** A reporter asks what the index cannot answer and presses "Ask the desk"; returns the review-channel post. */
async function askTheDesk(question: string): Promise<RecordedCall> {
  const reply = await slash(question, REPORTER);
  const seq = seqNow();
  const ask = button(reply.params, "Ask the desk");
  await postInteraction(
    t.baseUrl,
    blockActionsPayload({
      actionId: ask.actionId,
      value: ask.value,
      responseUrl: t.fake.responseUrl({ channel: NEWS, user: REPORTER }),
      isEphemeral: true,
      userId: REPORTER,
      channelId: NEWS,
    }),
  );
  return t.fake.waitFor(
    since(seq, (c) => c.method === "chat.postMessage" && c.params.channel === DESK),
    "the question in the review channel",
  );
}

describe("questions nobody could answer", () => {
  const QUESTION = "how many penguins were counted on the Freedonia coast?";

  it("hands an unanswered question to the desk, and tells the asker the answer when a curator links a topic", async () => {
    const seq = seqNow();
    const posted = await askTheDesk(QUESTION);
    expect(allText(posted.params)).toContain(`<@${REPORTER}> asked in <#${NEWS}>`);
    expect(allText(posted.params)).toContain("Freedonia coast");
    const sent = await t.fake.waitFor(
      since(seq, (c) => c.method === "chat.postEphemeral" && c.params.user === REPORTER),
      "the asker told it was sent",
    );
    expect(allText(sent.params)).toMatch(/Sent to the research desk/);

    await press(posted.params, "Link to a topic", CURATOR);
    const opened = await t.fake.waitFor(
      since(seq, (c) => c.method === "views.open" && viewOf(c).callback_id === CURATION.linkView),
      "the link form",
    );
    const empty = await submit(CURATION.linkView, viewOf(opened), fillView(viewOf(opened)), CURATOR);
    expect(empty.response_action).toBe("errors");
    await submit(
      CURATION.linkView,
      viewOf(opened),
      fillView(viewOf(opened), { [CURATION.linkTopicBlock]: { option: "ru-killed" } }),
      CURATOR,
    );
    const answered = await t.fake.waitFor(since(seq, dmTo(REPORTER)), "the asker told the answer");
    expect(allText(answered.params)).toContain("The desk answered your question");
    expect(allText(answered.params)).toMatch(/about 320,000/);
    const marked = await t.fake.waitFor(
      since(seq, (c) => c.method === "chat.update" && /Answered by/.test(allText(c.params))),
      "the question marked answered",
    );
    expect(allText(marked.params)).toContain("Russian military killed");
  });

  it("lists for curators what the index could not answer, grouped by wording, most asked first", async () => {
    await slash("how many penguins live on the Freedonia coast", GROUPIE);
    await slash("what was turnout in the Freedonia referendum?", REPORTER);
    const gaps = allText((await slash("gaps", CURATOR)).params);
    expect(gaps).toContain("What the index could not answer");
    const drones = gaps.indexOf("2×");
    const turnout = gaps.indexOf("turnout");
    expect(drones).toBeGreaterThan(-1);
    expect(turnout).toBeGreaterThan(drones);
    expect(gaps).toMatch(/\*2×\* “[^”]*penguins[^”]*” · 2 askers/);
  });

  it("answers a question with a new quantity added for it, and tells the asker once it is approved", async () => {
    const question = "how many lighthouses are there on the Freedonia coast?";
    const seq = seqNow();
    const posted = await askTheDesk(question);
    await press(posted.params, "Add a figure for it", CURATOR);
    const opened = await t.fake.waitFor(
      since(seq, (c) => c.method === "views.open"),
      "the add form",
    );
    expect(allText(viewOf(opened))).toContain("lighthouses are there on the Freedonia coast");
    const values = fillView(viewOf(opened), {
      [FIGURE_BLOCK.subject]: "Freedonia",
      [FIGURE_BLOCK.measure]: "lighthouses",
      [FIGURE_BLOCK.period]: "as of November 2025",
      [FIGURE_BLOCK.unit]: "lighthouses",
      [FIGURE_BLOCK.place]: "Freedonia coast",
      [FIGURE_BLOCK.figure]: "27",
      [FIGURE_BLOCK.asOf]: "2025-11-17",
      [FIGURE_BLOCK.newSource]: "Freedonia Coastguard",
      [FIGURE_BLOCK.url]: "https://example.org/coastguard-lights",
      [FIGURE_BLOCK.outlet]: "Coast Gazette",
      [FIGURE_BLOCK.headline]: "Coastguard counts 27 working lighthouses",
      [FIGURE_BLOCK.published]: "2025-11-17",
      [FIGURE_BLOCK.quote]: "The coastguard counts 27 working lighthouses along the Freedonia coast",
    });
    const checked = await submit(CURATION.addView, viewOf(opened), values, CURATOR);
    expect(checked.response_action, JSON.stringify(checked)).toBe("push");
    await submit(CURATION.confirmView, checked.view as Record<string, unknown>, {}, CURATOR);
    const review = await t.fake.waitFor(
      since(
        seq,
        (c) =>
          c.method === "chat.postMessage" && c.params.channel === DESK && /New topic/.test(allText(c.params)),
      ),
      "the proposal with its new topic",
    );
    expect(allText(review.params)).toContain(`Answers <@${REPORTER}>'s question`);
    await press(review.params, "Approve", CURATOR);
    const told = await t.fake.waitFor(
      since(seq, (c) => dmTo(REPORTER)(c) && /The desk answered your question/.test(allText(c.params))),
      "the asker told",
    );
    expect(allText(told.params)).toMatch(/\b27 lighthouses\b/);
    expect(allText(told.params)).toContain("Freedonia Coastguard");
    const now = allText((await slash(question, REPORTER)).params);
    expect(now).toMatch(/\b27 lighthouses\b/);
  });

  it("keeps /tally gaps for curators", async () => {
    expect(allText((await slash("gaps", REPORTER)).params)).toMatch(/Only the desk's curators/);
  });
});

describe("freshness", () => {
  it("reminds curators once a day of topics past their review interval", async () => {
    const seq = seqNow();
    expect(await remindCurators(t.deps, slackClient())).toBe("sent");
    const reminder = await t.fake.waitFor(since(seq, dmTo(CURATOR)), "the reminder");
    expect(allText(reminder.params)).toContain("Topics due for review");
    expect(allText(reminder.params)).toMatch(/last checked \d+ days ago \(every 30\)/);
    expect(await remindCurators(t.deps, slackClient())).toBe("already-sent");
  });

  it("marks an answer whose topic is past review", async () => {
    const answer = allText((await slash("how many North Korean troops are in Kursk?", REPORTER)).params);
    expect(answer).toMatch(/Due for review: last checked \d+ days ago/);
  });
});
