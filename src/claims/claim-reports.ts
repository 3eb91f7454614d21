import type { Report } from "./claims-index.ts";
import type { Claim, Document } from "./schema.ts";

/**
 * Every report of each kept claim, by claim id, its own first (`ClaimsIndex.reportsByClaim`). Most claims are
 * reported once: their one report is made when asked for rather than kept, which at 100,000 claims was 13 MB
 * held (a report, a list and a map entry per claim). Only restated figures keep their lists. Iterates in
 * `claimById`'s order, as the map it replaces did.
 */
export class ClaimReports implements ReadonlyMap<string, readonly Report[]> {
  readonly #claimById: ReadonlyMap<string, Claim>;
  readonly #documentById: ReadonlyMap<string, Document>;
  readonly #restated: ReadonlyMap<string, readonly Report[]>;

  constructor(
    claimById: ReadonlyMap<string, Claim>,
    documentById: ReadonlyMap<string, Document>,
    restated: ReadonlyMap<string, readonly Report[]>,
  ) {
    this.#claimById = claimById;
    this.#documentById = documentById;
    this.#restated = restated;
  }

  get size(): number {
    return this.#claimById.size;
  }

  has(id: string): boolean {
    return this.#claimById.has(id);
  }

  get(id: string): readonly Report[] | undefined {
    const claim = this.#claimById.get(id);
    return claim ? this.#of(claim) : undefined;
  }

  #of(claim: Claim): readonly Report[] {
    const restated = this.#restated.get(claim.id);
    if (restated) return restated;
    const document = this.#documentById.get(claim.document);
    return document ? [{ document, quote: claim.quote, claimId: claim.id }] : [];
  }

  *entries(): MapIterator<[string, readonly Report[]]> {
    for (const c of this.#claimById.values()) yield [c.id, this.#of(c)];
  }

  *keys(): MapIterator<string> {
    for (const c of this.#claimById.values()) yield c.id;
  }

  *values(): MapIterator<readonly Report[]> {
    for (const c of this.#claimById.values()) yield this.#of(c);
  }

  forEach(
    each: (reports: readonly Report[], id: string, map: ReadonlyMap<string, readonly Report[]>) => void,
  ): void {
    for (const c of this.#claimById.values()) each(this.#of(c), c.id, this);
  }

  [Symbol.iterator](): MapIterator<[string, readonly Report[]]> {
    return this.entries();
  }
}
