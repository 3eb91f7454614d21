/** Every tunable number of `npm run bench`, in one frozen place: the full run and the small one CI runs. */
export const benchConfig = Object.freeze({
  full: Object.freeze({
    sizes: Object.freeze([1_000, 10_000, 100_000]),
    /** Time each peer may take on one size's questions, once `minQuestions` have been timed (ms). */
    peerBudgetMs: 20_000,
    storeOperations: 1_000,
    flagMessages: 20_000,
    ack: true,
  }),
  small: Object.freeze({
    sizes: Object.freeze([600, 1_000]),
    peerBudgetMs: 1_000,
    storeOperations: 50,
    flagMessages: 1_000,
    ack: false,
  }),
  /** Fewest questions a peer is timed on, however slow, so that its accuracy means something. */
  minPeerQuestions: 20,
  /** Untimed questions each peer answers first, to warm it (a slow peer is not run twice over). */
  peerWarmUp: 5,
  /** The generator's seed: the same seed grows the same index. */
  seed: 12,
  /** Answers are read as of this instant, as the evaluation reads them, so ages do not change results. */
  clock: "2026-11-22T12:00:00Z",
  /** Channel messages by kind, as a newsroom's channels carry them (most say no figure at all). */
  messageMix: Object.freeze({ chatter: 0.7, unsourced: 0.2, sourced: 0.1 }),
  /** The targets issue 12 sets. */
  targets: Object.freeze({
    answerP99MsAt100k: 5,
    answerP99MsAt10k: 1,
    loadAndBuildMsAt100k: 3_000,
    rssMBAt100k: 300,
    headlinePointsWithin: 0.01,
    flagMessagesPerSecond: 50_000,
  }),
});

export type BenchMode = typeof benchConfig.full;
