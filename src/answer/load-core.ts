import type { IndexProblem } from "../claims/index-problem.ts";
import { loadIndex } from "../claims/load-index.ts";
import { createCore } from "./create-core.ts";
import type { TallyCore } from "./types.ts";

export interface LoadCoreOptions {
  dataDir: string;
  seedsDir?: string | undefined;
  now: () => Date;
}

/** Loads data/ and builds the core. Invalid claims are left out and reported; the rest serves. */
export async function loadCore(
  options: LoadCoreOptions,
): Promise<{ core: TallyCore; problems: IndexProblem[] }> {
  const { index, problems } = await loadIndex({ dataDir: options.dataDir, seedsDir: options.seedsDir });
  return { core: createCore(index, options.now), problems };
}
