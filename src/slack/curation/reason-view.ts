import { z } from "zod";
import type { ModalView } from "./add-figure-view.ts";
import { CURATION } from "./curation-ids.ts";

/** What a reason modal decides once submitted: reject a proposal, or retire a claim. */
const ReasonTargetSchema = z.union([
  z.object({ kind: z.literal("reject"), id: z.string().max(40) }).strict(),
  z.object({ kind: z.literal("retire"), id: z.string().max(200) }).strict(),
]);
export type ReasonTarget = z.infer<typeof ReasonTargetSchema>;

/** A small modal asking why (optional), for a rejection or a retirement. */
export function reasonView(
  target: ReasonTarget,
  text: { title: string; submit: string; explain: string; label: string },
): ModalView {
  return {
    type: "modal",
    callback_id: CURATION.retireView,
    private_metadata: JSON.stringify(target),
    title: { type: "plain_text", text: text.title },
    submit: { type: "plain_text", text: text.submit },
    close: { type: "plain_text", text: "Cancel" },
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: text.explain.slice(0, 3000) } },
      {
        type: "input",
        block_id: CURATION.reasonBlock,
        optional: true,
        label: { type: "plain_text", text: text.label },
        element: {
          type: "plain_text_input",
          action_id: CURATION.reasonInput,
          multiline: true,
          max_length: 300,
        },
      },
    ],
  };
}

/** The target and the reason given (null when left empty); null for a payload Tally did not make. */
export function readReason(
  privateMetadata: unknown,
  values: unknown,
): { target: ReasonTarget; reason: string | null } | null {
  let target: ReasonTarget;
  try {
    const parsed = ReasonTargetSchema.safeParse(JSON.parse(String(privateMetadata)));
    if (!parsed.success) return null;
    target = parsed.data;
  } catch {
    return null;
  }
  const ValuesSchema = z.object({
    [CURATION.reasonBlock]: z
      .object({ [CURATION.reasonInput]: z.object({ value: z.string().nullish() }).passthrough() })
      .passthrough()
      .optional(),
  });
  const read = ValuesSchema.safeParse(values);
  const raw = read.success ? read.data[CURATION.reasonBlock]?.[CURATION.reasonInput]?.value : null;
  const reason = raw?.trim() ? raw.trim().slice(0, 300) : null;
  return { target, reason };
}
