/** One thing wrong with the claims data, said so that a research-desk editor can find and fix it. */
export interface IndexProblem {
  /** Path of the data file, relative to where Tally was started. */
  file: string;
  line?: number;
  /** The id of the claim (or topic, source, document, concept) the problem is in, when it has one. */
  claimId?: string;
  message: string;
}

/** `data/claims/003.yml:12 some-claim-id: unknown topic "x"`: where, which entry, what. */
export function formatProblem(p: IndexProblem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return p.claimId ? `${where} ${p.claimId}: ${p.message}` : `${where}: ${p.message}`;
}
