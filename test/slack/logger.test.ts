import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/log/logger.ts";

function recording(level: "debug" | "info" | "warn" | "error") {
  const lines: string[] = [];
  const logger = createLogger({
    level,
    write: (l) => lines.push(l),
    now: () => new Date("2025-11-20T12:00:00Z"),
  });
  return { logger, entries: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe("createLogger", () => {
  it("writes one JSON line per entry with time, level, message and fields", () => {
    const { logger, entries } = recording("info");
    logger.info("answered a question", { topic: "ru-killed" });
    expect(entries()).toEqual([
      { t: "2025-11-20T12:00:00.000Z", level: "info", msg: "answered a question", topic: "ru-killed" },
    ]);
  });

  it("drops entries below its level", () => {
    const { logger, entries } = recording("warn");
    logger.debug("d");
    logger.info("i");
    logger.warn("w");
    logger.error("e");
    expect(entries().map((e) => e.msg)).toEqual(["w", "e"]);
  });

  it("carries a child's fields on every entry", () => {
    const { logger, entries } = recording("debug");
    logger.child({ surface: "mention" }).child({ channel: "C1" }).info("hi", { user: "U1" });
    expect(entries()[0]).toMatchObject({ surface: "mention", channel: "C1", user: "U1" });
  });

  it("keeps an error's name, message and Slack error code", () => {
    const { logger, entries } = recording("error");
    const error = Object.assign(new Error("An API error occurred: not_in_channel"), {
      code: "slack_webapi_platform_error",
    });
    logger.error("could not post", { error });
    expect(entries()[0]?.error).toMatchObject({
      name: "Error",
      message: "An API error occurred: not_in_channel",
      code: "slack_webapi_platform_error",
    });
  });

  it("survives fields that cannot be serialised", () => {
    const { logger, entries } = recording("info");
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    logger.info("odd", { circular });
    expect(entries()[0]).toMatchObject({ msg: "odd", note: "fields were not serialisable" });
  });
});
