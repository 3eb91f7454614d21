import { type AppStartResult, benchAppStart } from "./app-start-bench.ts";
import { mergeDataDirs } from "./merged-data-dir.ts";
import { type ReloadResult, runReload } from "./reload-bench.ts";

/** Start-up and reload of one size, measured through the app and the live core rather than in process. */
export interface StartUpFigures {
  appStart: AppStartResult;
  reload: ReloadResult;
}

/**
 * The app started on the size's index (cold, then warm) and one edited claims file reloaded, over one data
 * folder merging the model stories and the generated one, as the app takes it.
 */
export async function benchStartUp(dirs: readonly string[], question: string): Promise<StartUpFigures> {
  const merged = mergeDataDirs(dirs);
  try {
    const appStart = await benchAppStart({ dataDir: merged.dir, question });
    // The largest claims file: the dearest single edit to parse again.
    const edited = merged.claimsFiles[0];
    if (!edited) return { appStart, reload: { skipped: "no claims file to edit" } };
    merged.ownCopy(edited.file);
    const reload = await runReload({ dataDir: merged.dir, file: edited.file, bytes: edited.bytes, question });
    return { appStart, reload };
  } finally {
    merged.remove();
  }
}
