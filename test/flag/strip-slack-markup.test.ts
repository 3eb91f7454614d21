import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasDigit, mayHaveWrittenAmount } from "../../src/flag/figures/amounts.ts";
import { stripSlackMarkup } from "../../src/flag/strip-slack-markup.ts";

describe("stripSlackMarkup", () => {
  it("removes code blocks and inline code so numbers in code are not read", () => {
    const { text } = stripSlackMarkup("before ```const total = 765110;``` after `800,000` end");
    expect(text).not.toContain("765110");
    expect(text).not.toContain("800,000");
    expect(text).toContain("before");
    expect(text).toContain("end");
  });

  it("collects web links as sources and drops their labels", () => {
    const result = stripSlackMarkup(
      "800,000 <https://www.newsweek.com/x|Newsweek 2024> and <http://a.example/b>",
    );
    expect(result.links).toEqual(["https://www.newsweek.com/x", "http://a.example/b"]);
    expect(result.text).not.toContain("2024");
    expect(result.text).toContain("800,000");
  });

  it("does not count mailto links as sources", () => {
    expect(stripSlackMarkup("mail <mailto:desk@example.org|desk@example.org> 3,000").links).toEqual([]);
  });

  it("removes mentions, channels, broadcasts and emoji codes", () => {
    const { text } = stripSlackMarkup(
      "<@U04QWERTY> <#C0123ABCD|war-live> <!here> <!subteam^S123> :fire: :+1: hi",
    );
    expect(text.trim()).toBe("hi");
  });

  it("keeps times that look like emoji codes", () => {
    expect(stripSlackMarkup("at 17:30:00 sharp").text).toContain("17:30:00");
  });

  it("removes bold and italic marks but keeps the words", () => {
    expect(stripSlackMarkup("*800,000* casualties _in 2024_").text).toBe("800,000 casualties in 2024");
  });

  it("decodes Slack's escaped ampersand and angle brackets", () => {
    expect(stripSlackMarkup("AT&amp;T &lt;3").text).toBe("AT&T <3");
  });
});

describe("stripSlackMarkup: withdrawn and quoted text", () => {
  it("blanks struck-through text so a withdrawn figure is not read", () => {
    const { text } = stripSlackMarkup("~1.3m~ 1.2m casualties");
    expect(text).not.toContain("1.3m");
    expect(text).toContain("1.2m casualties");
  });

  it("keeps a tilde that means 'about'", () => {
    expect(stripSlackMarkup("~40% of the budget, ~1,000 a day").text).toBe(
      "~40% of the budget, ~1,000 a day",
    );
  });

  it("drops blockquote markers so they do not read as 'more than'", () => {
    expect(stripSlackMarkup("&gt; 12,000 civilians\n&gt; killed").text).toBe("12,000 civilians\nkilled");
  });
});

describe("stripSlackMarkup never makes a number", () => {
  // findUnsourcedFigures skips a message with no digit and no number word before stripping it: that holds only
  // if stripping can never join or decode its way to one.
  it("leaves no digit or number word in prose whose message had none", () => {
    const piece = fc.constantFrom(
      "thou",
      "sand",
      "mil",
      "lion",
      "bil",
      "*",
      "_",
      "~",
      "`",
      "```",
      "&amp;",
      "&lt;",
      "&gt;",
      "&",
      "<",
      ">",
      "|",
      ":",
      ":fire:",
      "<http://x.org|",
      "<@U1>",
      "http://a.b/",
      "\n",
      " ",
      "(",
      ")",
      ".",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const raw = pieces.join("");
        fc.pre(!hasDigit.test(raw) && !mayHaveWrittenAmount.test(raw));
        const { text } = stripSlackMarkup(raw);
        expect(hasDigit.test(text) || mayHaveWrittenAmount.test(text)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });
});
