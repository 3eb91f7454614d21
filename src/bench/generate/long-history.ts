import type { Claim, Document, Topic } from "../../claims/schema.ts";
import { pick, type Random } from "../load/seeded-random.ts";
import { figureFor, quoteFor } from "./figures.ts";
import { addDays, type GrownStory } from "./grow-story.ts";

/**
 * A long history for one real topic: `count` earlier figures from the sources it already has, one a day going
 * back from its first, so its latest figures (and so the right answers) stay as they were.
 */
export function longHistory(
  topic: Topic,
  claims: readonly Claim[],
  count: number,
  random: Random,
  tag: string,
): GrownStory {
  const sources = [...new Set(claims.map((c) => c.source))].sort();
  const first = claims.map((c) => c.as_of).sort()[0];
  if (sources.length === 0 || first === undefined)
    return { topics: [], sources: [], documents: [], claims: [], copies: [] };
  const model = claims.find((c) => c.value !== undefined) ?? claims[0];
  const documents = new Map<string, Document>();
  const history: Claim[] = [];
  let day = addDays(first.length === 7 ? `${first}-01` : first, -1);
  for (let k = 0; k < count; k++) {
    const documentId = `${tag}-doc-${day.slice(0, 7)}`;
    if (!documents.has(documentId))
      documents.set(documentId, {
        id: documentId,
        outlet: "Archive Desk",
        headline: `Earlier figures for ${day.slice(0, 7)}`,
        published: day.slice(0, 7),
        file: `${documentId}.txt`,
      });
    // Going back in time: the k-th figure back is the (count - k)-th of the topic's life.
    const figure = figureFor(model, topic.unit, count - k - 1, count, random);
    history.push({
      id: `${tag}-${topic.id}-${k.toString(36)}`,
      topic: topic.id,
      ...figure,
      as_of: day,
      source: pick(random, sources),
      unattributed: false,
      document: documentId,
      quote: quoteFor(figure, topic.title, day),
    });
    day = addDays(day, -1);
  }
  return { topics: [], sources: [], documents: [...documents.values()], claims: history, copies: [] };
}
