/**
 * The load's traffic, drawn from the index it runs on: questions from its topics' titles and aliases, and
 * channel messages that mention them, most without a figure, some with an unsourced one, some with a source
 * named. Nothing here knows a story: the words come from the index, the phrasing is newsroom English.
 */
import type { ClaimsIndex } from "../../claims/claims-index.ts";
import { loadConfig } from "./load-config.ts";
import { pick, type Random, shuffled } from "./seeded-random.ts";

export interface CommandWork {
  kind: "command";
  text: string;
  channel: string;
  user: string;
  /** The response_url's id at the fake Slack. */
  responseId: string;
}

export interface MessageWork {
  kind: "message";
  text: string;
  channel: string;
  user: string;
  ts: string;
  eventId: string;
  mix: "chatter" | "unsourced" | "sourced";
}

export type Work = CommandWork | MessageWork;

const questionForms = ["{}", "how many {}", "what is the latest on {}", "{} latest figure", "{}?"];
const chatter = [
  "Morning all, who is on the desk today?",
  "Can someone read the {} piece before 4pm?",
  "The {} story is in the doc, comments welcome",
  "Filing the {} explainer in room 4 after lunch",
  "Has anyone got a better headline for {}?",
  "Pushing the {} update to tomorrow",
  "Thanks, looks good to me",
  "Back in 10",
];
const unsourced = ["{} is now {n}", "{}: {n} so far", "I'd put {} at about {n}", "{} reached {n} this week"];
const sourced = ["According to {s}, {} is {n}", "{s} says {} reached {n}", "{} stands at {n}, per {s}"];

function figure(random: Random): string {
  const n = Math.round(1_000 + random() * 2_000_000);
  return random() < 0.2 ? `${(n / 1e6).toFixed(1)} million` : n.toLocaleString("en-US");
}

/** The topics' own words, for questions and messages; at least one, or there is nothing to ask. */
function phrasings(index: ClaimsIndex): string[] {
  const all = index.topics.flatMap((t) => [t.title, ...t.aliases]).filter((p) => p.trim() !== "");
  if (all.length === 0) throw new Error("the index has no topics to ask about");
  return all;
}

export interface TrafficOptions {
  commands: number;
  messages: number;
  /** Tells this run's ids apart from the other runs' (event ids, ts, channels, response ids). */
  run: number;
  random: Random;
}

/** Commands and messages, interleaved in a seeded random order. */
export function buildTraffic(index: ClaimsIndex, options: TrafficOptions): Work[] {
  const { random, run } = options;
  const words = phrasings(index);
  const sources = [...index.sourceById.values()].map((s) => s.name);
  const channels = Math.max(1, Math.ceil(options.messages / loadConfig.messagesPerChannel));
  // Each run has its own channels, so that one run's flags never count against the next run's limit.
  const channel = (i: number) => `C${run}L${String(i % channels).padStart(5, "0")}`;
  const work: Work[] = [];
  for (let i = 0; i < options.commands; i++) {
    const form = pick(random, questionForms);
    work.push({
      kind: "command",
      text: form.replace("{}", pick(random, words)),
      channel: channel(i),
      user: `U0ASK${i % 97}`,
      responseId: `r${run}-${i}`,
    });
  }
  // Slack's ts is seconds and microseconds; each run's start far from the others keeps them apart.
  const base = 1_700_000_000 + run * 100_000;
  for (let i = 0; i < options.messages; i++) {
    const roll = random();
    const mix: MessageWork["mix"] =
      roll < loadConfig.unsourcedShare
        ? "unsourced"
        : roll < loadConfig.unsourcedShare + loadConfig.sourcedShare && sources.length > 0
          ? "sourced"
          : "chatter";
    const template = pick(random, mix === "unsourced" ? unsourced : mix === "sourced" ? sourced : chatter);
    const text = template
      .replace("{}", pick(random, words))
      .replace("{n}", figure(random))
      .replace("{s}", sources.length > 0 ? pick(random, sources) : "");
    work.push({
      kind: "message",
      text,
      channel: channel(i),
      user: `U0WRITE${i % 211}`,
      ts: `${base + Math.floor(i / 1_000)}.${String(i % 1_000).padStart(6, "0")}`,
      eventId: `Ev${run}L${i}`,
      mix,
    });
  }
  return shuffled(random, work);
}
