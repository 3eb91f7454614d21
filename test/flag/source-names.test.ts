import { describe, expect, it } from "vitest";
import type { Source } from "../../src/claims/schema.ts";
import { createSourceNames } from "../../src/flag/source-names.ts";

const sources: Source[] = [
  { id: "ministry", name: "Ministry of Health", aliases: ["MoH", "health ministry"], kind: "government" },
  { id: "monitor", name: "Civic Watch", aliases: ["CW"], kind: "election monitor" },
  { id: "holt", name: "Premier Anna Holt", aliases: ["Holt"], kind: "person" },
];
const names = createSourceNames(sources, ["Reuters", "WHO"]);

describe("createSourceNames", () => {
  it("tells observers, which attribute wherever named, from actors", () => {
    expect(names.observerIn("checked against the civic watch tally")).toBe(true);
    expect(names.observerIn("the Health Ministry is overwhelmed")).toBe(false);
    expect(names.anyIn("the Health Ministry is overwhelmed")).toBe(true);
  });

  it("takes the shipped observer names as observers", () => {
    expect(names.observerIn("(Reuters)")).toBe(true);
  });

  it("matches short capitals only as written, and not inside words", () => {
    expect(names.anyIn("per the MoH")).toBe(true);
    expect(names.anyIn("the mod of the month")).toBe(false);
    expect(names.observerIn("who knows")).toBe(false);
    expect(names.observerIn("WHO says 30 cases")).toBe(true);
    expect(names.anyIn("Holtzmann said")).toBe(false);
  });

  it("reads a one-word name with or without its 's", () => {
    expect(names.isOneWordName("Holt's")).toBe(true);
    expect(names.isOneWordName("holt")).toBe(true);
    expect(names.isOneWordName("Anna")).toBe(false);
    expect(names.startsWithName("Premier Anna Holt, on Tuesday")).toBe(true);
  });
});
