import { describe, expect, it } from "vitest";
import {
  addFigureView,
  type FigurePrefill,
  figureReadingContext,
  type ModalView,
  withFigureReading,
} from "../../../src/slack/curation/add-figure-view.ts";
import { FIGURE_ACTION, FIGURE_BLOCK } from "../../../src/slack/curation/figure-form-ids.ts";

const options = {
  callbackId: "tally_add_figure",
  privateMetadata: '{"origin":null}',
  title: "Add a figure",
  submit: "Check",
};

interface LooseBlock {
  type: string;
  block_id?: string;
  optional?: boolean;
  dispatch_action?: boolean;
  label?: { text: string };
  hint?: { text: string };
  text?: { text: string };
  elements?: { type: string; text: string }[];
  element?: {
    type: string;
    action_id: string;
    placeholder?: { text: string };
    initial_value?: string;
    initial_date?: string;
    initial_option?: { text: { text: string }; value: string };
    min_query_length?: number;
    max_length?: number;
    dispatch_action_config?: unknown;
  };
}
const blocksOf = (view: ModalView) => view.blocks as unknown as LooseBlock[];
const block = (view: ModalView, id: string) => {
  const found = blocksOf(view).find((b) => b.block_id === id);
  if (!found) throw new Error(`no block ${id}`);
  return found;
};

function expectWithinLimits(view: ModalView): void {
  expect(view.blocks.length).toBeLessThanOrEqual(100);
  expect(view.title.text.length).toBeLessThanOrEqual(24);
  expect(view.submit?.text.length ?? 0).toBeLessThanOrEqual(24);
  expect((view.private_metadata ?? "").length).toBeLessThanOrEqual(3000);
  const ids = blocksOf(view).map((b) => b.block_id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const b of blocksOf(view)) {
    if (b.label) expect(b.label.text.length).toBeLessThanOrEqual(2000);
    if (b.hint) expect(b.hint.text.length).toBeLessThanOrEqual(2000);
    if (b.type === "header") expect(b.text?.text.length).toBeLessThanOrEqual(150);
    for (const e of b.elements ?? []) expect(e.text.length).toBeLessThanOrEqual(3000);
    const el = b.element;
    if (!el) continue;
    expect(el.placeholder?.text.length ?? 0).toBeLessThanOrEqual(150);
    if (el.max_length !== undefined) expect(el.initial_value?.length ?? 0).toBeLessThanOrEqual(el.max_length);
    if (el.initial_option) {
      expect(el.initial_option.text.text.length).toBeLessThanOrEqual(75);
      expect(el.initial_option.value.length).toBeLessThanOrEqual(150);
    }
  }
}

const long = (n: number) => "word ".repeat(n);
const longPrefill: FigurePrefill = {
  note: long(1000),
  topic: { id: "flood-displaced", title: long(100) },
  newTopic: { subject: long(100), measure: long(100), period: long(100), unit: long(100), place: long(100) },
  figureText: long(100),
  asOf: "2025-03-06",
  source: { id: "riverland-emergency-agency", name: long(100) },
  newSourceName: long(100),
  document: {
    url: `https://e.example/${"a".repeat(5000)}`,
    outlet: long(100),
    headline: long(100),
    published: "2025-03-07",
  },
  quote: long(1000),
};

describe("addFigureView", () => {
  it("stays within Block Kit's limits with every field prefilled far too long", () => {
    const view = addFigureView(longPrefill, { ...options, title: long(20), submit: long(20) });
    expectWithinLimits(view);
    // A link too long to carry is left out rather than cut into a wrong one.
    expect(block(view, FIGURE_BLOCK.url).element?.initial_value).toBeUndefined();
  });

  it("has every field with its stable block and action ids, either/or fields optional", () => {
    const view = addFigureView({}, options);
    expectWithinLimits(view);
    const inputs = blocksOf(view).filter((b) => b.type === "input");
    expect(inputs.map((b) => [b.block_id, b.element?.action_id, b.optional])).toEqual([
      [FIGURE_BLOCK.topic, FIGURE_ACTION.topic, true],
      [FIGURE_BLOCK.subject, FIGURE_ACTION.subject, true],
      [FIGURE_BLOCK.measure, FIGURE_ACTION.measure, true],
      [FIGURE_BLOCK.period, FIGURE_ACTION.period, true],
      [FIGURE_BLOCK.unit, FIGURE_ACTION.unit, true],
      [FIGURE_BLOCK.place, FIGURE_ACTION.place, true],
      [FIGURE_BLOCK.figure, FIGURE_ACTION.figure, false],
      [FIGURE_BLOCK.asOf, FIGURE_ACTION.asOf, false],
      [FIGURE_BLOCK.source, FIGURE_ACTION.source, true],
      [FIGURE_BLOCK.newSource, FIGURE_ACTION.newSource, true],
      [FIGURE_BLOCK.url, FIGURE_ACTION.url, false],
      [FIGURE_BLOCK.outlet, FIGURE_ACTION.outlet, false],
      [FIGURE_BLOCK.headline, FIGURE_ACTION.headline, false],
      [FIGURE_BLOCK.published, FIGURE_ACTION.published, false],
      [FIGURE_BLOCK.quote, FIGURE_ACTION.quote, false],
    ]);
    const topic = block(view, FIGURE_BLOCK.topic);
    expect(topic.element).toMatchObject({ type: "external_select", min_query_length: 0 });
    expect(topic.element?.initial_option).toBeUndefined();
    expect(topic.hint?.text).toBe("or describe a new quantity below");
    expect(block(view, FIGURE_BLOCK.newTopicHeader).text?.text).toBe("New quantity");
    const figure = block(view, FIGURE_BLOCK.figure);
    expect(figure.dispatch_action).toBe(true);
    expect(figure.element?.dispatch_action_config).toEqual({ trigger_actions_on: ["on_enter_pressed"] });
    expect(figure.hint?.text).toContain("as written: over 1 million, 10,000 to 12,000, €2.4m, 4.1%");
    expect(block(view, FIGURE_BLOCK.url).element?.type).toBe("url_text_input");
    expect(view).toMatchObject({ callback_id: "tally_add_figure", private_metadata: '{"origin":null}' });
  });

  it("opens with the prefill: picked topic and source, dates, document and quote", () => {
    const view = addFigureView(
      {
        topic: { id: "flood-displaced", title: "People displaced by the floods" },
        figureText: "over 15,000",
        asOf: "2025-03-06",
        source: { id: "rea", name: "Riverland Emergency Agency" },
        document: {
          url: "https://valley.example/a",
          outlet: "valley.example",
          headline: "Floods",
          published: "2025-03-07",
        },
        quote: "Over 15,000 people have left.",
      },
      options,
    );
    expect(block(view, FIGURE_BLOCK.topic).element?.initial_option).toEqual({
      text: { type: "plain_text", text: "People displaced by the floods" },
      value: "flood-displaced",
    });
    expect(block(view, FIGURE_BLOCK.source).element?.initial_option?.value).toBe("rea");
    expect(block(view, FIGURE_BLOCK.figure).element?.initial_value).toBe("over 15,000");
    expect(block(view, FIGURE_BLOCK.asOf).element?.initial_date).toBe("2025-03-06");
    expect(block(view, FIGURE_BLOCK.published).element?.initial_date).toBe("2025-03-07");
    expect(block(view, FIGURE_BLOCK.url).element?.initial_value).toBe("https://valley.example/a");
    expect(block(view, FIGURE_BLOCK.quote).element?.initial_value).toBe("Over 15,000 people have left.");
  });

  it("leaves the date empty for a month, and says which month the text gave", () => {
    const view = addFigureView({ asOf: "2025-06" }, options);
    expect(block(view, FIGURE_BLOCK.asOf).element?.initial_date).toBeUndefined();
    expect(block(view, FIGURE_BLOCK.asOf).hint?.text).toContain("Jun 2025");
  });

  it("shows the note at the top, escaped", () => {
    const view = addFigureView({ note: "From <!channel> & co" }, options);
    const [first] = blocksOf(view);
    expect(first?.block_id).toBe(FIGURE_BLOCK.note);
    expect(first?.elements?.[0]?.text).toContain("From &lt;!channel&gt; &amp; co");
  });
});

describe("figure reading", () => {
  it("says how Tally reads the figure: its bound and its unit", () => {
    const context = figureReadingContext({
      ok: true,
      reading: { value: 1e6, qualifier: "over", unit: "eur" },
    });
    expect(JSON.stringify(context)).toContain("Reads as: *over 1 million* (a lower bound), in euros");
    const range = figureReadingContext({ ok: true, reading: { low: 10000, high: 12000, unit: null } });
    expect(JSON.stringify(range)).toContain("Reads as: *10,000–12,000* (a range), with no unit of its own");
  });

  it("says what is wrong with a figure it cannot read, escaped", () => {
    const context = figureReadingContext({ ok: false, message: `"<lots>" has no number` });
    expect(JSON.stringify(context)).toContain("&lt;lots&gt;");
  });

  it("puts the reading under the figure, replacing an earlier one, and keeps every other block as it was", () => {
    const view = addFigureView({ figureText: "over 15,000" }, options);
    const first = withFigureReading(view, {
      ok: true,
      reading: { value: 15000, qualifier: "over", unit: null },
    });
    const second = withFigureReading(first, { ok: true, reading: { value: 20000, unit: null } });
    const ids = blocksOf(second).map((b) => b.block_id);
    expect(ids.filter((id) => id === FIGURE_BLOCK.figureReading)).toHaveLength(1);
    expect(ids.indexOf(FIGURE_BLOCK.figureReading)).toBe(ids.indexOf(FIGURE_BLOCK.figure) + 1);
    expect(JSON.stringify(block(second, FIGURE_BLOCK.figureReading))).toContain("*20,000*");
    expect(blocksOf(second).filter((b) => b.block_id !== FIGURE_BLOCK.figureReading)).toEqual(blocksOf(view));
    expect(second).toMatchObject({
      title: view.title,
      submit: view.submit,
      private_metadata: view.private_metadata,
    });
  });
});
