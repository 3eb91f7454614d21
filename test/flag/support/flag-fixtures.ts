/**
 * The vocabularies the flag tests run with, each built from fixture data through the real loader: the war
 * story fixture (test/fixtures/war-story/) with the names and words its labelled messages use
 * (test/flag/fixtures/war-messages/), a small invented story (test/flag/fixtures/harbour-strike/), and the
 * shipped figure words alone. Never the live data/ folder, beyond the figure words Tally ships.
 */
import path from "node:path";
import type { FlagVocabulary } from "../../../src/flag/flag-vocabulary.ts";
import { loadFlagVocabulary } from "../../../src/flag/load-flag-vocabulary.ts";
import { WAR_STORY_DIR } from "../../support/war-story.ts";

export const WAR_MESSAGES_DIR = path.resolve(import.meta.dirname, "../fixtures/war-messages");
export const HARBOUR_STRIKE_DIR = path.resolve(import.meta.dirname, "../fixtures/harbour-strike");
export const STORIES_DIR = path.resolve(import.meta.dirname, "../../eval/stories");
export { WAR_STORY_DIR };

/** The war story's vocabulary, as the war labelled sets (test/flag/*.yml) are flagged with. */
export const warVocabulary: FlagVocabulary = await loadFlagVocabulary([WAR_STORY_DIR, WAR_MESSAGES_DIR]);

/** A small invented story's vocabulary: a port strike, its sources and topics. */
export const harbourVocabulary: FlagVocabulary = await loadFlagVocabulary([HARBOUR_STRIKE_DIR]);
