import type { BenchReport } from "./run-bench.ts";

const pad = (s: string | number, n: number) => String(s).padStart(n);
const pct = (n: number | null | undefined) =>
  n === null || n === undefined ? "n/a" : `${(n * 100).toFixed(1)}%`;

/** The report's headline figures as a few lines for a person at a terminal (the JSON has everything). */
export function benchTable(report: BenchReport): string {
  const lines = [
    `${"claims".padStart(8)} ${"load ms".padStart(9)} ${"build ms".padStart(9)} ${"rss MB".padStart(7)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"headline".padStart(9)} ${"gen-first".padStart(9)} ${"abstain".padStart(8)}`,
  ];
  for (const s of report.sizes) {
    lines.push(
      `${pad(s.claims, 8)} ${pad(s.loadMs, 9)} ${pad(s.buildMs, 9)} ${pad(s.rssMB, 7)} ${pad(s.answer.p50Ms, 8)} ${pad(s.answer.p99Ms, 8)} ${pad(pct(s.accuracy.realFirst.rightHeadline), 9)} ${pad(pct(s.accuracy.generatedFirst.rightHeadline), 9)} ${pad(pct(s.accuracy.realFirst.rightAbstention), 8)}`,
    );
    const a = s.appStart;
    const r = s.reload;
    lines.push(
      `${"".padStart(8)}   flag detector ${s.flagging.messagesPerSecond} messages/s with this index's vocabulary; npm start to answering: ${"coldMs" in a ? `cold ${a.coldMs} ms, warm ${a.warmMs} ms, app rss ${a.rssMB} MB (peak ${a.peakRssMB} MB)` : a.skipped}; reload of one file: ${"ms" in r ? `${r.ms} ms, event loop stalled ${r.maxEventLoopDelayMs} ms` : r.skipped}`,
    );
    for (const p of s.peers) {
      if ("skipped" in p) lines.push(`${"".padStart(8)}   ${p.name}: skipped`);
      else
        lines.push(
          `${"".padStart(8)}   ${p.name.padEnd(22)} p50 ${p.p50Ms} ms (×${p.p50Ratio}), p99 ${p.p99Ms} ms (×${p.p99Ratio}), topic first ${pct(p.rightTopicFirst)} (Tally ${pct(s.accuracy.realFirst.rightTopicFirst)}), ${p.questionsTimed} q`,
        );
    }
  }
  const h = report.headlines;
  if (h)
    lines.push(
      `right headline on the ${h.questions} questions ${h.largerClaims} claims leave unambiguous: ${pct(h.smaller)} at ${h.smallerClaims}, ${pct(h.largerRealFirst)} / ${pct(h.largerGeneratedFirst)} at ${h.largerClaims} (real / grown first); ${h.leftOutAsAmbiguous} ambiguous there, right or abstained on ${pct(h.ambiguousRightOrAbstained)}`,
    );
  lines.push(
    `flag detector: ${report.flagging.messagesPerSecond} messages/s over the channel mix with the real stories' vocabulary, ${report.flagging.labelledOnly.messagesPerSecond} over the labelled sets alone`,
  );
  const base = report.appStartBaseline;
  if ("coldMs" in base)
    lines.push(
      `npm start to answering on the seed story alone: cold ${base.coldMs} ms, warm ${base.warmMs} ms, app rss ${base.rssMB} MB`,
    );
  if ("commands" in report.acks)
    lines.push(`slash ack: p50 ${report.acks.commands.p50Ms} ms, p99 ${report.acks.commands.p99Ms} ms`);
  lines.push(
    `targets: ${Object.entries(report.targets)
      .map(([k, v]) => `${k}=${v}`)
      .join(" ")}`,
  );
  return `${lines.join("\n")}\n`;
}
