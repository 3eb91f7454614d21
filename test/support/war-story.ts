/**
 * The war story as a fixture index (test/fixtures/war-story/): a frozen copy of data/ with documents as
 * links only, so tests that ask about the seed story never read the live data/ nor need ../shared.
 */
import path from "node:path";

export const WAR_STORY_DIR = path.resolve(import.meta.dirname, "../fixtures/war-story");
