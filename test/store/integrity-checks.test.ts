import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/log/logger.ts";
import { type IntegrityReport, startIntegrityChecks } from "../../src/store/integrity-checks.ts";

function capture() {
  const logs: Record<string, unknown>[] = [];
  return { logs, logger: createLogger({ level: "debug", write: (line) => logs.push(JSON.parse(line)) }) };
}

describe("startIntegrityChecks", () => {
  it("checks on its timer until stopped", async () => {
    const { logger } = capture();
    let checks = 0;
    const store = {
      checkIntegrity: async (): Promise<IntegrityReport> => {
        checks += 1;
        return { status: "ok" };
      },
    };
    const running = startIntegrityChecks({ stores: [store], logger, intervalMs: 20 });
    const until = Date.now() + 5_000;
    while (checks < 3 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
    await running.stop();
    expect(checks).toBeGreaterThanOrEqual(3);
    const stoppedAt = checks;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(checks).toBe(stoppedAt);
  });

  it("warns, and tries again next round, when a check cannot run or throws", async () => {
    const { logs, logger } = capture();
    const busy = {
      checkIntegrity: async (): Promise<IntegrityReport> => ({ status: "unchecked", reason: "busy" }),
    };
    const broken = {
      checkIntegrity: async (): Promise<IntegrityReport> => {
        throw new Error("the connection is closed");
      },
    };
    const running = startIntegrityChecks({ stores: [busy, broken], logger, intervalMs: 60_000 });
    expect(await running.checkNow()).toEqual([
      { status: "unchecked", reason: "busy" },
      { status: "unchecked", reason: "the connection is closed" },
    ]);
    await running.stop();
    expect(logs.filter((l) => l.level === "warn").map((l) => l.reason)).toEqual([
      "busy",
      "the connection is closed",
    ]);
    expect(logs.filter((l) => l.level === "error")).toEqual([]);
  });
});
