/**
 * `npm run bench -- --small`, as CI runs it: untimed. The report must have its shape (every size, Tally and
 * each peer, both load orders, the flag detector, the targets), on fixtures under test/ only.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { WAR_STORY_DIR } from "../support/war-story.ts";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
const stories = ["floods", "election"].map((s) => path.join(ROOT, "test/eval/stories", s));

const Latency = { p50Ms: z.number().min(0), p99Ms: z.number().min(0), maxMs: z.number().min(0) };
const share = z.number().min(0).max(1);
const Accuracy = z.object({
  rightHeadline: share,
  rightAbstention: share.nullable(),
  rightTopicFirst: share,
});
const Peer = z.union([
  z.object({
    name: z.string(),
    buildMs: z.number().min(0),
    questionsTimed: z.number().int().positive(),
    ...Latency,
    rightTopicFirst: share,
    rightAbstention: z.null(),
    p50Ratio: z.number().min(0),
    p99Ratio: z.number().min(0),
  }),
  z.object({ name: z.string(), skipped: z.string() }),
]);
const Skipped = z.object({ skipped: z.string() });
/** One character per question. */
const marks = z.string().regex(/^[01]+$/);
const AppStart = z.object({
  coldMs: z.number().positive(),
  warmMs: z.number().positive(),
  warmAnswerMs: z.number().min(0),
  rssMB: z.number().positive(),
  rssAfterGcMB: z.number().positive(),
  peakRssMB: z.number().positive(),
});
const Reload = z.object({
  ms: z.number().positive(),
  maxEventLoopDelayMs: z.number().min(0),
  histogramMaxMs: z.number().min(0),
  timerWorstGapMs: z.number().min(0),
  taken: z.literal(true),
  editedFileBytes: z.number().int().positive(),
});
const Size = z.object({
  requestedClaims: z.number().int().positive(),
  claims: z.number().int().positive(),
  topics: z.number().int().positive(),
  questions: z.number().int().positive(),
  loadMs: z.number().positive(),
  buildMs: z.number().positive(),
  heapMB: z.number().positive(),
  rssMB: z.number().positive(),
  answer: z.object(Latency),
  accuracy: z.object({ realFirst: Accuracy, generatedFirst: Accuracy }),
  questionsAmbiguous: z.number().int().min(0),
  questionMarks: z.object({
    answerable: marks,
    ambiguous: marks,
    realFirst: marks,
    generatedFirst: marks,
    abstained: marks,
  }),
  flagging: z
    .object({ messages: z.number().int().positive(), messagesPerSecond: z.number().positive() })
    .passthrough(),
  peers: z.array(Peer).length(6),
  appStart: z.union([AppStart.strict(), Skipped.strict()]),
  reload: z.union([Reload.strict(), Skipped.strict()]),
  generated: z
    .object({ realClaims: z.number(), grownClaims: z.number(), grownTopics: z.number() })
    .passthrough(),
});
const target = z.boolean().nullable();
const Report = z.object({
  machine: z.object({ cpus: z.number().int().positive(), cpu: z.string(), node: z.string() }).passthrough(),
  settings: z.object({ small: z.literal(true) }).passthrough(),
  sizes: z.array(Size).length(2),
  flagging: z
    .object({ messages: z.number().int().positive(), messagesPerSecond: z.number().positive() })
    .passthrough(),
  acks: z.object({ skipped: z.string() }),
  appStartBaseline: Skipped,
  stores: z.object({ operations: z.literal(5) }).passthrough(),
  headlines: z.object({
    smallerClaims: z.number().int().positive(),
    largerClaims: z.number().int().positive(),
    questions: z.number().int().positive(),
    smaller: share,
    largerRealFirst: share,
    largerGeneratedFirst: share,
    leftOutAsAmbiguous: z.number().int().min(0),
    ambiguousRightOrAbstained: share,
  }),
  targets: z.object({
    answerP99Under5msAt100k: z.null(),
    answerP99Under1msAt10k: z.null(),
    loadAndBuildUnder3sAt100k: z.null(),
    startToAnsweringUnder3sAt100k: z.null(),
    rssUnder300MBAt100k: z.null(),
    reloadUnder1sAt100k: z.null(),
    reloadDoesNotBlockAnswersAt100k: z.null(),
    headlineAt100kWithin1PointOf1k: z.null(),
    headlineAllQuestionsAt100kWithin1PointOf1k: z.null(),
    flagOver50kPerSecond: target,
  }),
});

describe("npm run bench --small", () => {
  it("prints one JSON report with every size, peer and target, and a table on stderr", {
    // Two starts of the app and a reload are part of it: a minute or more on a busy machine.
    timeout: 240_000,
  }, async () => {
    const { stdout, stderr } = await run(
      process.execPath,
      [
        "--import",
        "tsx",
        "src/cli/bench.ts",
        "--small",
        "--no-ack",
        "--store-ops",
        "5",
        "--pg-server",
        "postgres://nobody@127.0.0.1:1",
        "--models",
        [WAR_STORY_DIR, ...stories].join(","),
        "--questions",
        stories.map((s) => path.join(s, "questions.yml")).join(","),
        "--messages",
        path.join(ROOT, "test/flag/messages.yml"),
      ],
      { cwd: ROOT, maxBuffer: 10 * 1024 * 1024, timeout: 235_000 },
    );
    const report = Report.parse(JSON.parse(stdout));
    expect(report.sizes.map((s) => s.claims)).toEqual([600, 1_000]);
    // The slow peer runs at the first size only, as small runs skip it after.
    expect(report.sizes[1]?.peers.find((p) => p.name === "fuse")).toHaveProperty("skipped");
    // The app is started (cold, then warm) and a file reloaded at the first size, and answered each time.
    AppStart.parse(report.sizes[0]?.appStart);
    Reload.parse(report.sizes[0]?.reload);
    expect(report.sizes[1]?.appStart).toHaveProperty("skipped");
    expect(stderr).toMatch(/npm start to answering: cold \d/);
    expect(stderr).toMatch(/claims +load ms/);
    // The two sizes are compared on the same questions, one mark per question.
    const questions = report.sizes[0]?.questions ?? 0;
    for (const size of report.sizes)
      for (const m of Object.values(size.questionMarks)) expect(m).toHaveLength(questions);
    expect(report.headlines.questions + report.headlines.leftOutAsAmbiguous).toBe(
      report.sizes[1]?.questionMarks.answerable.split("1").length - 1,
    );
    expect(stderr).toMatch(/right headline on the \d+ questions/);
  });

  it("refuses a bad flag with exit code 2", async () => {
    await expect(
      run(process.execPath, ["--import", "tsx", "src/cli/bench.ts", "--sizes", "ten"], { cwd: ROOT }),
    ).rejects.toMatchObject({ code: 2 });
  });
});
