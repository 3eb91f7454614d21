import type { IncomingMessage } from "node:http";

export type BodyRead =
  | { ok: true; body: Buffer }
  /** Past `maxBytes`; `drained` says whether the rest was read (the connection can then be reused). */
  | { ok: false; tooLarge: true; drained: boolean };

/**
 * Reads a request body into memory, up to `maxBytes`. Past it nothing more is kept: the rest is read and
 * dropped up to `maxDrainBytes` (so the client is still there to hear a 413), then reading stops.
 */
export function readBody(req: IncomingMessage, limits: { maxBytes: number; maxDrainBytes: number }) {
  return new Promise<BodyRead>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let settled = false;
    const settle = (result: BodyRead) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    // A declared length past the limit is refused without reading a byte of it.
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limits.maxDrainBytes) {
      req.pause();
      settle({ ok: false, tooLarge: true, drained: false });
      return;
    }
    req.on("data", (chunk: Buffer) => {
      length += chunk.length;
      if (length <= limits.maxBytes) chunks.push(chunk);
      else if (length > limits.maxDrainBytes) {
        req.pause();
        settle({ ok: false, tooLarge: true, drained: false });
      }
    });
    req.on("end", () => {
      settle(
        length <= limits.maxBytes
          ? { ok: true, body: Buffer.concat(chunks, length) }
          : { ok: false, tooLarge: true, drained: true },
      );
    });
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    req.on("error", fail);
    // A client that hangs up mid-body: nothing will come, and nothing is to be answered.
    req.on("close", () => fail(new Error("the client closed the connection before the body ended")));
  });
}
