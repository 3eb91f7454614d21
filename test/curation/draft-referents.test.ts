import { describe, expect, it } from "vitest";
import {
  hasSurname,
  openingName,
  personName,
  phraseWithNoun,
  surnameOf,
} from "../../src/curation/draft/referents.ts";

describe("referents: names a later sentence refers back to", () => {
  it("drops the role written before a person's name", () => {
    expect(personName("Transport Secretary Vivian Osei")).toBe("Vivian Osei");
    expect(personName("spokesperson Commander Ana Ruiz")).toBe("Ana Ruiz");
    expect(personName("A spokesman for the council, Paul Okoye")).toBe("Paul Okoye");
    expect(personName("The Mountain Medical Association")).toBe("The Mountain Medical Association");
    expect(personName("Maria Costa, the mayor")).toBe("Maria Costa, the mayor");
  });

  it("reads 'Ruiz' and 'Ms Ruiz' as a surname, found again in the full name", () => {
    expect(surnameOf("Ruiz")).toBe("Ruiz");
    expect(surnameOf("Ms Ruiz")).toBe("Ruiz");
    expect(surnameOf("the agency")).toBeNull();
    expect(hasSurname("Dr Ana Ruiz, the VRS's representative", "Ruiz")).toBe(true);
    expect(hasSurname("Ruiz", "Ruiz")).toBe(false);
  });

  it("finds the named body holding a noun, and a sentence's opening name", () => {
    expect(phraseWithNoun("According to the Housing Ministry, 63% were old.", "ministry")?.text).toBe(
      "Housing Ministry",
    );
    expect(phraseWithNoun("The Weather Centre logged 40 strikes.", "agency")).toBeNull();
    expect(openingName("Transport Secretary Vivian Osei has ordered a review.")).toBe(
      "Transport Secretary Vivian Osei",
    );
    expect(openingName("The ferry sank at night.")).toBeNull();
  });
});
