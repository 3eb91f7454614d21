/**
 * Entries as a YAML list in the data files' block style. Strings are written double-quoted with JSON's
 * escapes, which YAML reads the same: fast to write, and the parser does the work it does on real files.
 */
export function yamlList(entries: readonly object[]): string {
  const lines: string[] = [];
  for (const entry of entries) {
    let first = true;
    for (const [key, value] of Object.entries(entry)) {
      if (value === undefined) continue;
      const lead = first ? "- " : "  ";
      first = false;
      if (Array.isArray(value)) {
        if (value.length === 0) lines.push(`${lead}${key}: []`);
        else {
          lines.push(`${lead}${key}:`);
          for (const item of value) lines.push(`    - ${JSON.stringify(item)}`);
        }
      } else
        lines.push(`${lead}${key}: ${typeof value === "string" ? JSON.stringify(value) : String(value)}`);
    }
    lines.push("");
  }
  return `${lines.join("\n")}\n`;
}
