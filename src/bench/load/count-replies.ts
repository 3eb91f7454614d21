/**
 * What a run should have delivered and what the fake Slack saw. A command's reply is one post to its
 * response_url. A flag is one thread reply under the message; how many messages get one is what the app's
 * per-channel limit allows: in each channel, its messages with an unsourced figure, up to the limit (a run
 * stays inside one limit window; when it does not, the app's own record of the slots it granted is used).
 */

import { findUnsourcedFigures } from "../../flag/find-unsourced-figures.ts";
import type { FlagVocabulary } from "../../flag/flag-vocabulary.ts";
import type { SlackCounts } from "./counting-fake-slack.ts";
import type { Work } from "./traffic.ts";

export interface ReplyCount {
  expected: number;
  delivered: number;
  /** Replies beyond the first to the same command or message. */
  duplicates: number;
  lost: number;
}

export interface FlagReplyCount extends ReplyCount {
  /** Messages with an unsourced figure, before the per-channel limit. */
  flaggableMessages: number;
  /** Slots the app's store recorded as granted (every outcome but "rate-limited"); null if unread. */
  grantedByApp: number | null;
  /** Messages answered beyond what the limit allows. */
  unexpected: number;
}

const duplicatesIn = (counts: Iterable<number>): number => {
  let n = 0;
  for (const c of counts) n += Math.max(0, c - 1);
  return n;
};

export interface CommandReplyCount extends ReplyCount {
  /** Commands whose reply never came but a later, different post did: the app saying it failed. */
  failureNotices: number;
}

export function countCommandReplies(work: readonly Work[], counts: SlackCounts): CommandReplyCount {
  let expected = 0;
  let delivered = 0;
  let duplicates = 0;
  let failureNotices = 0;
  for (const w of work) {
    if (w.kind !== "command") continue;
    expected++;
    const posts = counts.responsePosts.get(w.responseId);
    if (!posts) continue;
    if (posts.replies > 0) delivered++;
    else if (posts.others > 0) failureNotices++;
    duplicates +=
      Math.max(0, posts.replies - 1) + (posts.replies > 0 ? posts.others : Math.max(0, posts.others - 1));
  }
  return { expected, delivered, duplicates, lost: expected - delivered, failureNotices };
}

/** Per channel, how many of its messages have an unsourced figure; read by the detector the app runs. */
export function flaggableByChannel(work: readonly Work[], vocabulary: FlagVocabulary): Map<string, number> {
  const byChannel = new Map<string, number>();
  const seen = new Map<string, boolean>();
  for (const w of work) {
    if (w.kind !== "message") continue;
    let flaggable = seen.get(w.text);
    if (flaggable === undefined) {
      flaggable = findUnsourcedFigures(w.text, vocabulary).unsourced.length > 0;
      seen.set(w.text, flaggable);
    }
    if (flaggable) byChannel.set(w.channel, (byChannel.get(w.channel) ?? 0) + 1);
  }
  return byChannel;
}

export function countFlagReplies(options: {
  flaggable: ReadonlyMap<string, number>;
  limitPerChannel: number;
  /** The run outlasted the limit's window, so the limit may have let more through than one window's worth. */
  windowExceeded: boolean;
  grantedByApp: number | null;
  counts: SlackCounts;
}): FlagReplyCount {
  const { flaggable, counts } = options;
  let flaggableMessages = 0;
  let allowed = 0;
  for (const n of flaggable.values()) {
    flaggableMessages += n;
    allowed += Math.min(n, options.limitPerChannel);
  }
  const expected = options.windowExceeded && options.grantedByApp !== null ? options.grantedByApp : allowed;
  // Replies per channel, to find those beyond a channel's share.
  const perChannel = new Map<string, number>();
  for (const key of counts.threadReplies.keys()) {
    const channel = key.slice(0, key.indexOf(" "));
    perChannel.set(channel, (perChannel.get(channel) ?? 0) + 1);
  }
  let delivered = 0;
  let unexpected = 0;
  for (const [channel, answered] of perChannel) {
    const share = options.windowExceeded
      ? answered
      : Math.min(flaggable.get(channel) ?? 0, options.limitPerChannel);
    delivered += Math.min(answered, share);
    unexpected += Math.max(0, answered - share);
  }
  return {
    flaggableMessages,
    expected,
    grantedByApp: options.grantedByApp,
    delivered,
    duplicates: duplicatesIn(counts.threadReplies.values()),
    lost: Math.max(0, expected - delivered),
    unexpected,
  };
}
