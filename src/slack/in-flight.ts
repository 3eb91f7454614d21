import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";

/**
 * Counts listener runs in progress, for shutdown: a Bolt global middleware (registered first) counts each
 * request from the moment it reaches the middleware chain until every listener has finished.
 */
export interface InFlight {
  middleware: Middleware<AnyMiddlewareArgs>;
  readonly count: number;
  /** Resolves true once no run is in progress, or false when `deadline` comes first. */
  idle(deadline: Date): Promise<boolean>;
}

export function createInFlight(): InFlight {
  let count = 0;
  const waiters: (() => void)[] = [];
  return {
    middleware: async ({ next }) => {
      count += 1;
      try {
        await next();
      } finally {
        count -= 1;
        if (count === 0) for (const wake of waiters.splice(0)) wake();
      }
    },
    get count() {
      return count;
    },
    async idle(deadline) {
      if (count === 0) return true;
      let timer: NodeJS.Timeout | undefined;
      const idle = await Promise.race([
        new Promise<boolean>((resolve) => waiters.push(() => resolve(true))),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), Math.max(0, deadline.getTime() - Date.now()));
        }),
      ]);
      clearTimeout(timer);
      return idle;
    },
  };
}
