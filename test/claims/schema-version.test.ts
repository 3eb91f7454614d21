import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCacheConfig } from "../../src/claims/parse-cache-config.ts";

/*
 * The parse cache keeps entries as their schema gave them, keyed by parseCacheConfig.schemaVersion: a schema
 * changed without a new version would serve entries checked by the old one after a restart. So schema.ts is
 * held to the version it was last given.
 */
const schemaFile = path.resolve(import.meta.dirname, "../../src/claims/schema.ts");
const checkedWith: Record<number, string> = {
  1: "a39dce1c6b4a1e560d8ca7fce737a610cdaf03d553e3f0455f9fccc84c754ef0",
};

describe("the schemas' version", () => {
  it("is bumped whenever schema.ts changes", () => {
    const hash = createHash("sha256")
      .update(readFileSync(schemaFile, "utf8").replace(/\r\n/g, "\n"))
      .digest("hex");
    // Changed schema.ts? Bump parseCacheConfig.schemaVersion and add the new version's hash here.
    expect({ version: parseCacheConfig.schemaVersion, hash }).toEqual({
      version: parseCacheConfig.schemaVersion,
      hash: checkedWith[parseCacheConfig.schemaVersion],
    });
  });
});
