import { describe, expect, it } from "vitest";
import { createCore } from "../../src/answer/create-core.ts";
import { loadIndex } from "../../src/claims/load-index.ts";
import { WAR_STORY_DIR } from "../support/war-story.ts";

// Issue 8: a single month asked is not a running total, while a month named as "as of" is a point in time.
const { index } = await loadIndex({ dataDirs: [WAR_STORY_DIR] });
const core = createCore(index, () => new Date("2026-11-22T12:00:00Z"));

describe("questions about one month", () => {
  it("does not answer 'last month' with the running total", () => {
    expect(core.ask("russian casualties last month").match).toBeNull();
  });
  it("does not answer 'died in December 2024' with the running total", () => {
    expect(core.ask("how many russians died in december 2024").match?.topic.id).not.toBe("ru-killed");
    expect(core.ask("how many russian soldiers were killed in december 2024").match?.topic.id).not.toBe(
      "ru-killed",
    );
  });
  it("still reads 'as of December 2024' as the figure said by then", () => {
    const m = core.ask("russian casualties as of december 2024").match;
    expect(m?.topic.id).toBe("ru-killed-wounded");
    expect((m?.headline.claim.as_of ?? "9999") <= "2024-12-31").toBe(true);
  });
});
