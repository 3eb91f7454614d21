import type { Topic } from "../claims/schema.ts";

/** What the matcher knows about a topic: its slots as concepts, and every concept and word its phrasings use. */
export interface TopicProfile {
  topic: Topic;
  subject: string;
  /** The measure as a question concept: killed, wounded, casualties, missing, returned, territory … */
  measure: string;
  details: Set<string>;
  /** Concepts and plain words from the title and aliases. */
  words: Set<string>;
  /** Source ids with claims on this topic. */
  sources: Set<string>;
}

/** Topic measure (data vocabulary) → question measure concept. */
export function measureConcept(topic: Topic): string {
  switch (topic.measure) {
    case "killed-and-wounded":
      return "casualties";
    case "killed-wounded-and-missing":
      return "missing";
    case "injured":
      return "wounded";
    case "share":
      if (topic.tags.includes("returned")) return "returned";
      if (topic.tags.includes("territory")) return "territory";
      return "share";
    default:
      return topic.measure;
  }
}

/** Tag (data vocabulary) → detail concept, for the tags that narrow a quantity. */
export function tagDetail(tag: string): string | null {
  const t = tag.toLowerCase();
  if (t === "per-day") return "perday";
  if (t === "per-month") return "permonth";
  const year = /^year-(\d{4})$/.exec(t);
  if (year) return `y${year[1]}`;
  // A single month: "aug-2024" is the detail m2024-08, which a question names as "in August 2024".
  const months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
  const month = /^([a-z]{3})-(\d{4})$/.exec(t);
  if (month?.[1] && month[2] && months.includes(month[1])) {
    return `m${month[2]}-${String(months.indexOf(month[1]) + 1).padStart(2, "0")}`;
  }
  const known: Record<string, string> = {
    kursk: "kursk",
    kharkiv: "kharkiv",
    irrecoverable: "irrecoverable",
    "military-aid": "military",
    "budget-support": "budget",
    total: "total",
    "latest-package": "latestpackage",
    "civil-war": "civilwar",
    "world-wars": "worldwar",
    "korean-war": "koreanwar",
    vietnam: "vietnam",
    afghanistan: "afghanistan",
    tanks: "tank",
    ifvs: "ifv",
    afvs: "afv",
    artillery: "artillery",
    drones: "drone",
    "front-line": "frontline",
    event: "event",
    villages: "village",
    vovchansk: "vovchansk",
    children: "children",
    "past-wars": "pastwars",
    increase: "increase",
    combined: "combined",
  };
  return known[t] ?? null;
}
