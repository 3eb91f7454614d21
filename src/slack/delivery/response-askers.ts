import { z } from "zod";

/** Who a response_url answers, so that a reply it could not carry can reach them another way. */
export interface Asker {
  user: string | null;
  channel: string | null;
}

interface Entry extends Asker {
  at: number;
  /** The URL failed for good and the user was (or could not be) told: never again. */
  spent: boolean;
}

/**
 * Per response_url: who asked, and whether the URL has already failed for good. Bounded (the oldest go
 * first) and expiring (Slack honours a URL for 30 minutes), so that it cannot grow with traffic.
 */
export interface AskerMemory {
  remember(url: string, asker: Asker, nowMs: number): void;
  recall(url: string, nowMs: number): Asker | null;
  isSpent(url: string, nowMs: number): boolean;
  /** Marks the URL spent; false when it already was (its user has had their one notice). */
  spend(url: string, nowMs: number): boolean;
  readonly size: number;
}

export function createAskerMemory(limits: { max: number; forMs: number }): AskerMemory {
  const entries = new Map<string, Entry>();
  const live = (url: string, nowMs: number): Entry | null => {
    const entry = entries.get(url);
    if (!entry) return null;
    if (nowMs - entry.at > limits.forMs) {
      entries.delete(url);
      return null;
    }
    return entry;
  };
  const put = (url: string, entry: Entry, nowMs: number) => {
    entries.delete(url);
    entries.set(url, entry);
    // Map order is insertion order: the first entries are the oldest.
    for (const [key, old] of entries) {
      if (entries.size <= limits.max && nowMs - old.at <= limits.forMs) break;
      entries.delete(key);
    }
  };
  return {
    remember(url, asker, nowMs) {
      const spent = live(url, nowMs)?.spent ?? false;
      put(url, { ...asker, at: nowMs, spent }, nowMs);
    },
    recall(url, nowMs) {
      const entry = live(url, nowMs);
      return entry ? { user: entry.user, channel: entry.channel } : null;
    },
    isSpent(url, nowMs) {
      return live(url, nowMs)?.spent ?? false;
    },
    spend(url, nowMs) {
      const entry = live(url, nowMs);
      if (entry?.spent) return false;
      put(
        url,
        { user: entry?.user ?? null, channel: entry?.channel ?? null, at: entry?.at ?? nowMs, spent: true },
        nowMs,
      );
      return true;
    },
    get size() {
      return entries.size;
    },
  };
}

const id = z.string().min(1);
/** The parts of a command, interaction or view submission body that say who asked and where. */
const BodySchema = z.object({
  response_url: z.string().optional(),
  response_urls: z.array(z.object({ response_url: z.string(), channel_id: id.optional() })).optional(),
  user_id: id.optional(),
  channel_id: id.optional(),
  user: z.object({ id }).optional(),
  channel: z.object({ id }).optional(),
  container: z.object({ channel_id: id.optional() }).optional(),
});

/** Each response_url in a request body, with who asked and where; none for a body without one. */
export function askersInBody(body: unknown): { url: string; asker: Asker }[] {
  const parsed = BodySchema.safeParse(body);
  if (!parsed.success) return [];
  const b = parsed.data;
  const user = b.user_id ?? b.user?.id ?? null;
  const channel = b.channel_id ?? b.channel?.id ?? b.container?.channel_id ?? null;
  const found: { url: string; asker: Asker }[] = [];
  if (b.response_url) found.push({ url: b.response_url, asker: { user, channel } });
  for (const r of b.response_urls ?? []) {
    found.push({ url: r.response_url, asker: { user, channel: r.channel_id ?? channel } });
  }
  return found;
}
