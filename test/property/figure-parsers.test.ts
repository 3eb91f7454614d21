/**
 * The figure parsers under hostile input: the desk's typed figure (parseFigureInput) and the number reader
 * under it and the detector (amounts.ts). None may throw, none may take long, and what they read must be
 * what was written.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFigureInput } from "../../src/curation/parse-figure-input.ts";
import { formatMagnitude } from "../../src/figures/format-number.ts";
import { amountAt, numericAmounts, writtenAmounts } from "../../src/flag/figures/amounts.ts";
import { hostileText, longHostileText, runs, timed } from "./hostile-text.ts";

// Generous for a loaded 2-core machine, and still far below what catastrophic backtracking costs (seconds).
const LONG_MS = 250;
const SHORT_MS = 50;

describe("parseFigureInput", () => {
  it("answers any short text without throwing: a reading, or a message saying what to write", () => {
    fc.assert(
      fc.property(hostileText(), (text) => {
        const { result, ms } = timed(() => parseFigureInput(text));
        expect(ms).toBeLessThan(SHORT_MS);
        if (result.ok) {
          const r = result.reading;
          // One number or a range, never both, and always finite.
          expect((r.value === undefined) !== (r.low === undefined && r.high === undefined)).toBe(true);
          for (const n of [r.value, r.low, r.high])
            if (n !== undefined) expect(Number.isFinite(n)).toBe(true);
          if (r.low !== undefined && r.high !== undefined) expect(r.low).toBeLessThanOrEqual(r.high);
        } else {
          expect(result.message.length).toBeGreaterThan(0);
        }
      }),
      runs(400),
    );
  });

  it("answers 20,000 hostile characters in bounded time", () => {
    fc.assert(
      fc.property(longHostileText, ({ text }) => {
        const { ms } = timed(() => parseFigureInput(text));
        expect(ms).toBeLessThan(LONG_MS);
      }),
      runs(30),
    );
  });

  it("reads a plain whole number as its value, grouped or not", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), fc.boolean(), (n, grouped) => {
        const written = grouped ? n.toLocaleString("en-US") : String(n);
        const result = parseFigureInput(written);
        expect(result).toEqual({ ok: true, reading: { value: n, unit: null } });
      }),
      runs(300),
    );
  });

  it("reads back what Tally writes: formatMagnitude's text parses to the same number", () => {
    fc.assert(
      fc.property(fc.integer({ min: -999_999_999_999, max: 999_999_999_999 }), (n) => {
        const result = parseFigureInput(formatMagnitude(n));
        expect(result.ok && result.reading.value).toBe(n);
      }),
      runs(300),
    );
  });

  it("refuses a 400-digit number rather than reading it as Infinity", () => {
    for (const digit of ["1", "9"]) {
      const result = parseFigureInput(digit.repeat(400));
      expect(result.ok).toBe(false);
    }
  });
});

describe("the number reader (amounts.ts)", () => {
  it("finds amounts whose raw digits are where it says, in order, without overlap", () => {
    fc.assert(
      fc.property(hostileText(), (text) => {
        const numeric = numericAmounts(text);
        let previousEnd = 0;
        for (const a of numeric) {
          expect(a.start).toBeGreaterThanOrEqual(previousEnd);
          expect(a.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(a.start, a.end)).toContain(a.raw);
          expect(amountAt(text, a.start)).toEqual(a);
          previousEnd = a.end;
        }
        for (const a of writtenAmounts(text)) {
          expect(text.slice(a.start, a.end)).toBe(a.raw);
          expect(a.value).toBeGreaterThan(0);
        }
      }),
      runs(400),
    );
  });

  it("reads 20,000 hostile characters in bounded time", () => {
    fc.assert(
      fc.property(longHostileText, ({ text }) => {
        const { ms } = timed(() => [numericAmounts(text), writtenAmounts(text)]);
        expect(ms).toBeLessThan(LONG_MS);
      }),
      runs(30),
    );
  });
});
