import type { Claim } from "../../claims/schema.ts";
import type { Random } from "../load/seeded-random.ts";

type Figure = Pick<Claim, "value" | "qualifier">;

/** Units whose figures are shares or ratios: they wander near the model's, they do not grow. */
const shareUnits = new Set(["percent", "ratio"]);

/**
 * The `k`th of `count` figures on a grown topic, near the model's first figure: running totals grow over the
 * topic's life, shares and ratios wander; some carry the model's qualifier.
 */
export function figureFor(
  model: Claim | undefined,
  unit: string,
  k: number,
  count: number,
  random: Random,
): Figure {
  const base = model?.value ?? ((model?.low ?? 100) + (model?.high ?? 100)) / 2;
  const qualifier = model?.qualifier !== undefined && random() < 0.3 ? { qualifier: model.qualifier } : {};
  if (shareUnits.has(unit))
    return { value: Math.round(base * (0.8 + 0.4 * random()) * 10) / 10, ...qualifier };
  const scale = 0.3 + 2.7 * random();
  const grown = base * scale * (0.4 + (0.6 * (k + 1)) / count);
  return { value: Math.max(1, Math.round(grown)), ...qualifier };
}

export const figureText = (f: Figure): string => (f.value ?? 0).toLocaleString("en-GB");

/** A quote of the figure as an article would print it (the loader checks its length, not its text here). */
export const quoteFor = (f: Figure, title: string, day: string): string =>
  `${title}: ${figureText(f)} as of ${day}, the report said.`.slice(0, 400);
