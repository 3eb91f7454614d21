import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "vitest";

/** A copy of a fixture folder in a new temporary folder, for a test that edits its files. */
export async function copyOf(dir: string, prefix = "tally-edited-"): Promise<string> {
  const copy = await mkdtemp(path.join(tmpdir(), prefix));
  await cp(dir, copy, { recursive: true });
  return copy;
}

/** Replaces `from` with `to` in a file, failing the test when there is nothing to replace (an edit that did nothing proves nothing). */
export async function edit(file: string, from: string | RegExp, to: string): Promise<void> {
  const text = await readFile(file, "utf8");
  const edited = text.replace(from, to);
  expect(edited).not.toBe(text);
  await writeFile(file, edited);
}
