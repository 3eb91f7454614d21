import { z } from "zod";
import { canonicalTimeZone } from "./local-time.ts";

export type DailyArgsProblem = "usage" | "time-format" | "time-range" | "zone";

/** What `/tally daily …` asks for. */
export type DailyArgs =
  | { kind: "show" }
  | { kind: "off" }
  | { kind: "set"; time: string; timeZone: string }
  /** `input` is the word at fault, as typed (unescaped): the reply echoes it. */
  | { kind: "invalid"; problem: DailyArgsProblem; input: string };

/** "9:05" or "09:05", 00:00–23:59, normalised to "09:05". */
const TimeSchema = z
  .string()
  .regex(/^\d{1,2}:\d{2}$/, "time-format")
  .transform((text, ctx) => {
    const [hours, minutes] = text.split(":").map(Number) as [number, number];
    if (hours > 23 || minutes > 59) {
      ctx.addIssue({ code: "custom", message: "time-range" });
      return z.NEVER;
    }
    return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
  });

const ZoneSchema = z.string().transform((text, ctx) => {
  const zone = canonicalTimeZone(text);
  if (zone === null) {
    ctx.addIssue({ code: "custom", message: "zone" });
    return z.NEVER;
  }
  return zone;
});

const SetSchema = z.tuple([TimeSchema, ZoneSchema.optional()]);

const problems = new Set<string>(["time-format", "time-range", "zone"]);

/**
 * Parses the words after `daily`: nothing (show), `off`, or `HH:MM [Area/City]`. The zone defaults to
 * `defaultTimeZone` (TALLY_TZ, else UTC). Never throws: bad input comes back as `invalid`.
 */
export function parseDailyArgs(text: string, defaultTimeZone: string): DailyArgs {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { kind: "show" };
  if (words.length === 1 && /^(off|stop)$/i.test(words[0] ?? "")) return { kind: "off" };
  if (words.length > 2) return { kind: "invalid", problem: "usage", input: text.trim() };
  const parsed = SetSchema.safeParse(words);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const problem = issue && problems.has(issue.message) ? (issue.message as DailyArgsProblem) : "usage";
    const at = typeof issue?.path[0] === "number" ? issue.path[0] : 0;
    return { kind: "invalid", problem, input: words[at] ?? text.trim() };
  }
  const [time, timeZone] = parsed.data;
  return { kind: "set", time, timeZone: timeZone ?? defaultTimeZone };
}
