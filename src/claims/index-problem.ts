/** One thing wrong with the claims data, said so that a research-desk editor can find and fix it. */
export interface IndexProblem {
  /** Path of the data file, relative to where Tally was started. */
  file: string;
  line?: number;
  /** The id of the claim (or topic, source, seed entry) the problem is in, when it has one. */
  claimId?: string;
  message: string;
}

export function formatProblem(p: IndexProblem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return p.claimId ? `${where} [${p.claimId}] ${p.message}` : `${where} ${p.message}`;
}
