/**
 * Long builds (validating 100,000 claims, building the matcher) are written as generators that `yield` between
 * units of work, so one code path runs either straight through (at start, when nothing is serving yet) or in
 * slices that give the event loop back between them (on a reload, while the serving index keeps answering).
 * A slice, not each unit, pays for giving the loop back: units are microseconds, a turn of the loop is not.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs steps to their end, straight through or in slices, and resolves to what they build. */
export type StepRunner = <T>(steps: Steps<T>) => Promise<T>;

export const sliceConfig = Object.freeze({
  /** How long one slice may hold the event loop: well under what a person notices in an answer. */
  budgetMs: 5,
  /** Cheap items (a claim: a few map lookups) handled between two steps, so stepping costs little. */
  itemsPerStep: 256,
});

/** Runs steps to their end without giving the event loop back. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Gives the event loop a turn: timers, I/O and questions waiting run before the next slice. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A runner that gives the loop back whenever a slice has run `budgetMs`: `yieldNow` resolves once others have
 * had a turn of the event loop (a test may inject its own, to ask questions between slices).
 */
export function slicedRunner(
  yieldNow: () => Promise<void> = nextTurn,
  budgetMs: number = sliceConfig.budgetMs,
): StepRunner {
  return async <T>(steps: Steps<T>): Promise<T> => {
    let start = performance.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (performance.now() - start >= budgetMs) {
        await yieldNow();
        start = performance.now();
      }
    }
  };
}

/** A runner that never gives the loop back: steps as one synchronous run, in a promise. */
export const straightRunner: StepRunner = async (steps) => runToEnd(steps);
