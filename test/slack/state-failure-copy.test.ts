import { describe, expect, it } from "vitest";
import { failureMessageFor } from "../../src/slack/answer-question.ts";
import { copy } from "../../src/slack/copy.ts";
import { stateFailureCopy } from "../../src/slack/state-failure-copy.ts";
import {
  StateBusyError,
  StateCorruptError,
  StateDiskFullError,
  StateReadOnlyError,
  toStateError,
} from "../../src/store/state-errors.ts";

const details = { file: "/state/tally.db" };

describe("failureMessageFor", () => {
  it("names each state failure, says nothing was saved, and says what to do", () => {
    const cases = [
      [new StateBusyError(15_000, details), /busy .*try again in a minute/],
      [new StateCorruptError("SQLITE_CORRUPT", details), /damaged.*tell whoever runs Tally/],
      [new StateReadOnlyError("SQLITE_READONLY", details), /cannot write.*tell whoever runs Tally/],
      [new StateDiskFullError("SQLITE_FULL", details), /disk .* is full.*tell whoever runs Tally/],
    ] as const;
    for (const [error, says] of cases) {
      const message = failureMessageFor(error);
      expect(message.text).toBe(stateFailureCopy[error.kind]);
      expect(message.text).toMatch(says);
      expect(message.text).toMatch(/\*nothing was saved\*/);
      expect(message.text).not.toMatch(/Done/);
    }
  });

  it("sorts SQLite's codes into those kinds, and finds one wrapped as a cause", () => {
    const sqlite = (code: string) => Object.assign(new Error(code), { code });
    expect(failureMessageFor(toStateError(sqlite("SQLITE_IOERR_SHORT_READ"), null)).text).toBe(
      stateFailureCopy.corrupt,
    );
    expect(failureMessageFor(toStateError(sqlite("SQLITE_READONLY_DBMOVED"), null)).text).toBe(
      stateFailureCopy["read-only"],
    );
    const wrapped = new Error("the summary could not be saved", {
      cause: new StateBusyError(100, details),
    });
    expect(failureMessageFor(wrapped).text).toBe(stateFailureCopy.busy);
  });

  it("gives anything else the general apology", () => {
    expect(failureMessageFor(new Error("boom")).text).toBe(copy.problems.failed);
    const constraint = Object.assign(new Error("UNIQUE"), { code: "SQLITE_CONSTRAINT_UNIQUE" });
    expect(failureMessageFor(toStateError(constraint, null)).text).toBe(copy.problems.failed);
  });
});
