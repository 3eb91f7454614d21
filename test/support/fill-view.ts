/**
 * What Slack would send back as `view.state.values` for a modal Tally built: every input's initial value (as
 * Slack pre-fills it), with the test's own typing on top. Typing is by block id: a string for text inputs and
 * date pickers, `{ option: value }` for a select, null to clear a field.
 */
type Typed = string | null | { option: string; text?: string };

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object";

export function fillView(
  view: Record<string, unknown>,
  typed: Record<string, Typed> = {},
): Record<string, Record<string, unknown>> {
  const values: Record<string, Record<string, unknown>> = {};
  const blocks = Array.isArray(view.blocks) ? view.blocks : [];
  for (const block of blocks) {
    if (!isRecord(block) || block.type !== "input" || !isRecord(block.element)) continue;
    const blockId = String(block.block_id);
    const element = block.element;
    const actionId = String(element.action_id);
    const type = String(element.type);
    const given = Object.hasOwn(typed, blockId) ? typed[blockId] : undefined;
    let state: Record<string, unknown>;
    if (type === "datepicker") {
      const date = given === undefined ? (element.initial_date ?? null) : given;
      state = { type, selected_date: typeof date === "string" ? date : null };
    } else if (type === "external_select" || type === "static_select") {
      const initial = isRecord(element.initial_option) ? element.initial_option : null;
      const chosen =
        given === undefined
          ? initial
          : given === null || typeof given === "string"
            ? null
            : { text: { type: "plain_text", text: given.text ?? given.option }, value: given.option };
      state = { type, selected_option: chosen };
    } else {
      const value = given === undefined ? (element.initial_value ?? null) : given;
      state = { type, value: typeof value === "string" ? value : null };
    }
    values[blockId] = { [actionId]: state };
  }
  return values;
}
