import { describe, expect, it } from "vitest";
import { hedgeSuffix, qualifierBefore } from "../../../src/flag/figures/qualifiers.ts";

describe("qualifierBefore", () => {
  it.each([
    ["nearly ", "nearly"],
    ["just over ", "over"],
    ["at least ", "at-least"],
    ["as many as ", "up-to"],
    ["~", "about"],
    ["in the region of ", "about"],
  ])("reads '%s' as %s", (before, qualifier) => {
    expect(qualifierBefore(`the toll is ${before}`)).toMatchObject({ qualifier, length: before.length });
  });

  it("reads 'under' and 'fewer than' as bounds with no qualifier of the index", () => {
    expect(qualifierBefore("fewer than ")).toEqual({ qualifier: undefined, length: 11 });
  });

  it("reads nothing after any other word", () => {
    expect(qualifierBefore("Russia lost ")).toBeNull();
  });
});

describe("hedgeSuffix", () => {
  it("reads '-ish' and '-odd' as about, '-plus' as over", () => {
    expect(hedgeSuffix("-ish losses")).toEqual({ qualifier: "about", length: 4 });
    expect(hedgeSuffix("-odd")).toEqual({ qualifier: "about", length: 4 });
    expect(hedgeSuffix("-plus troops")).toEqual({ qualifier: "over", length: 5 });
    expect(hedgeSuffix(" troops")).toBeNull();
  });
});
