import type { IndexProblem } from "../claims/index-problem.ts";
import { loadIndex } from "../claims/load-index.ts";
import { createCore } from "./create-core.ts";
import type { TallyCore } from "./types.ts";

export interface LoadCoreOptions {
  /** Data folders merged into one index (data/, plus story folders in the eval). */
  dataDirs: readonly string[];
  /** Where documents' text copies are, to check quotes; unchecked quotes still serve. */
  documentsDirs?: readonly string[] | undefined;
  now: () => Date;
}

/** Loads the data folders and builds the core. Invalid entries are left out and reported; the rest serves. */
export async function loadCore(
  options: LoadCoreOptions,
): Promise<{ core: TallyCore; problems: IndexProblem[]; unverified: IndexProblem[] }> {
  const { index, problems, unverified } = await loadIndex(options);
  return { core: createCore(index, options.now), problems, unverified };
}
