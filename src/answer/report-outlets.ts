import type { ShownClaim } from "./types.ts";

/** The outlets reporting a figure, each once, the claim's own first. */
export function reportOutlets(shown: Pick<ShownClaim, "document" | "reports">): string[] {
  const names = [shown.document.outlet, ...shown.reports.map((r) => r.document.outlet)];
  return [...new Set(names)];
}

/** "A", "A and B", "A, B and C": how a newsroom lists who reported a figure. */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
