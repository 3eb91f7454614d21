import { describe, expect, it } from "vitest";
import { loadCore } from "../../src/answer/load-core.ts";

// Regression: a word that names a property of every object ("constructor") was stemmed to a function, and
// reading it for phrases threw. A question is any text: it is answered, or abstained on, never a crash.
describe("questions made of words every object has", () => {
  it("answers them without throwing", async () => {
    const { core } = await loadCore({
      dataDirs: ["test/fixtures/claims-index/flood"],
      now: () => new Date("2025-04-20T00:00:00Z"),
    });
    for (const q of [
      "constructor",
      "toString",
      "__proto__",
      "hasOwnProperty valueOf",
      "constructor homes destroyed",
    ])
      expect(core.ask(q).query).toBe(q);
  });
});
