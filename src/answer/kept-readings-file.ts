import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import v8 from "node:v8";
import type { KeptReadings, ReadingsKeeper } from "../match/text-terms.ts";
import { internedReadings } from "./interned-readings.ts";

/** Tuning of the readings kept on disk, in one frozen place. */
export const keptReadingsConfig = Object.freeze({
  /** Bumped whenever what the file holds changes shape, so an older file is never read as this one. */
  format: 1,
  fileName: "matcher-readings.v8",
  /**
   * A build's readings are written this long after it, off the request path: the first answers of a start
   * come first, and builds in quick succession (edits saved in a burst) write once.
   */
  writeAfterMs: 5_000,
});

export interface KeptReadingsFileOptions {
  /** The folder the file is kept in (the parse cache's); null keeps nothing. */
  dir: string | null;
  /** What made the readings: a reading from other code is stale (see code-version.ts). */
  codeVersion: string;
  /** Told once when a file on disk cannot be used, or a build's cannot be written (start-up goes on). */
  warn: (message: string, fields?: Record<string, unknown>) => void;
}

interface Header {
  format: number;
  code: string;
  concepts: string;
  bytes: number;
  sha1: string;
}

const sha1 = (data: string | Buffer) => createHash("sha1").update(data).digest("hex");
const why = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The matcher's readings of the index's texts (topics, their words, headlines: see TextTerms) kept on disk, so
 * that a restart builds the matcher as a reload does, reading only texts the last run did not. A cache, never
 * trusted: the file says which code and concepts made it and carries a checksum, and one that is stale,
 * damaged or unreadable is ignored with one warning (the matcher is then built afresh). The file is one JSON
 * header line, then the readings in V8's serialization, which keeps the sets topics share as one set each.
 */
export class KeptReadingsFile implements ReadingsKeeper {
  readonly #file: string | null;
  readonly #options: KeptReadingsFileOptions;
  #timer: NodeJS.Timeout | null = null;
  #pending: { conceptsKey: string; kept: KeptReadings } | null = null;
  #writing: Promise<void> = Promise.resolve();

  constructor(options: KeptReadingsFileOptions) {
    this.#options = options;
    this.#file = options.dir ? path.join(options.dir, keptReadingsConfig.fileName) : null;
  }

  seed(conceptsKey: string): KeptReadings | null {
    if (!this.#file) return null;
    let data: Buffer;
    try {
      data = readFileSync(this.#file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") this.#notUsed(why(error));
      return null;
    }
    try {
      const end = data.indexOf(10);
      if (end < 0) return this.#notUsed("no header");
      const header = JSON.parse(data.subarray(0, end).toString("utf8")) as Partial<Header>;
      if (header.format !== keptReadingsConfig.format) return this.#notUsed("another format");
      if (header.code !== this.#options.codeVersion) return this.#notUsed("made by other code");
      if (header.concepts !== sha1(conceptsKey)) return this.#notUsed("made over other concepts");
      const payload = data.subarray(end + 1);
      if (payload.length !== header.bytes || sha1(payload) !== header.sha1) return this.#notUsed("damaged");
      const kept = v8.deserialize(payload) as Partial<KeptReadings> | null;
      const { headlines, topics, topicWords } = kept ?? {};
      if (!(headlines instanceof Map && topics instanceof Map && topicWords instanceof Map))
        return this.#notUsed("wrong shape");
      // The wording's parts are class instances V8 cannot carry: the first build makes them again.
      return internedReadings({ headlines, topics, topicWords, wording: new Map() });
    } catch (error) {
      return this.#notUsed(why(error));
    }
  }

  keep(conceptsKey: string, kept: KeptReadings): void {
    if (!this.#file) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#pending = { conceptsKey, kept };
    this.#timer = setTimeout(() => void this.flush(), keptReadingsConfig.writeAfterMs);
    // A pending write never keeps the process alive: a run that ends first leaves the last file as it was.
    this.#timer.unref();
  }

  /** Writes a pending build's readings now (a stop before the delay ran out), and waits for any write. */
  async flush(): Promise<void> {
    const pending = this.#pending;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#pending = null;
    if (pending) this.#writing = this.#writing.then(() => this.#write(pending.conceptsKey, pending.kept));
    await this.#writing;
  }

  /** Writes whole or not at all: to a temporary name, renamed into place, so a reader never sees half. */
  async #write(conceptsKey: string, kept: KeptReadings): Promise<void> {
    const file = this.#file;
    if (!file) return;
    const temp = `${file}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
    try {
      const { headlines, topics, topicWords } = kept;
      const payload = v8.serialize({ headlines, topics, topicWords });
      const header: Header = {
        format: keptReadingsConfig.format,
        code: this.#options.codeVersion,
        concepts: sha1(conceptsKey),
        bytes: payload.length,
        // Hashed off the event loop (WebCrypto runs in the thread pool): serializing is stall enough.
        sha1: Buffer.from(await crypto.subtle.digest("SHA-1", payload)).toString("hex"),
      };
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(temp, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), payload]));
      await rename(temp, file);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      this.#options.warn("matcher readings not kept on disk (the next start reads every text)", {
        error: why(error),
      });
    }
  }

  #notUsed(reason: string): null {
    this.#options.warn("matcher readings on disk not used; the matcher is built afresh", { reason });
    return null;
  }
}
