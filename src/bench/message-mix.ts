import type { LabelledMessage } from "../flag/labelled-messages.ts";
import { benchConfig } from "./bench-config.ts";
import { pick, type Random } from "./load/seeded-random.ts";

/**
 * `count` channel messages drawn from the labelled sets in the shares a newsroom's channels carry them:
 * mostly chatter with no figure claim, some unsourced figures, a few sourced ones.
 */
export function messageMix(labelled: readonly LabelledMessage[], count: number, random: Random): string[] {
  const kinds = {
    chatter: labelled.filter((m) => m.sourced === undefined),
    unsourced: labelled.filter((m) => m.sourced === false),
    sourced: labelled.filter((m) => m.sourced === true),
  };
  const shares = benchConfig.messageMix;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const u = random();
    const kind =
      u < shares.chatter ? "chatter" : u < shares.chatter + shares.unsourced ? "unsourced" : "sourced";
    const pool = kinds[kind].length > 0 ? kinds[kind] : labelled;
    out.push(pick(random, pool).text);
  }
  return out;
}
