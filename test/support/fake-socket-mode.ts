/**
 * The Socket Mode side of the fake Slack: a minimal WebSocket server (RFC 6455: handshake, unmasked
 * text frames out, masked frames in, ping→pong, close) that says hello and sends envelopes, and
 * resolves each envelope's ack. Hand-rolled so the tests need no WebSocket package of their own.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

const GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x80 | opcode, length])
      : length < 65_536
        ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigLength(length)]);
  return Buffer.concat([header, payload]);
}

function bigLength(length: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(length));
  return b;
}

interface Frame {
  opcode: number;
  payload: Buffer;
}

/** Takes whole frames off the front of `buffer`; returns them and what is left. */
function readFrames(buffer: Buffer): { frames: Frame[]; rest: Buffer } {
  const frames: Frame[] = [];
  let offset = 0;
  while (buffer.length - offset >= 2) {
    const first = buffer[offset] ?? 0;
    const second = buffer[offset + 1] ?? 0;
    let length = second & 0x7f;
    let cursor = offset + 2;
    if (length === 126) {
      if (buffer.length < cursor + 2) break;
      length = buffer.readUInt16BE(cursor);
      cursor += 2;
    } else if (length === 127) {
      if (buffer.length < cursor + 8) break;
      length = Number(buffer.readBigUInt64BE(cursor));
      cursor += 8;
    }
    const masked = (second & 0x80) !== 0;
    const maskEnd = cursor + (masked ? 4 : 0);
    if (buffer.length < maskEnd + length) break;
    const mask = buffer.subarray(cursor, maskEnd);
    const payload = Buffer.from(buffer.subarray(maskEnd, maskEnd + length));
    if (masked) for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
    frames.push({ opcode: first & 0x0f, payload });
    offset = maskEnd + length;
  }
  return { frames, rest: buffer.subarray(offset) };
}

export interface SocketEnvelope {
  type: "slash_commands" | "events_api" | "interactive";
  payload: Record<string, unknown>;
}

export class FakeSocketMode {
  private socket: Duplex | undefined;
  private envelopes = 0;
  private readonly acks = new Map<string, (ack: Record<string, unknown>) => void>();
  private connectedResolve: (() => void) | undefined;
  /** Resolves when a client has connected and been greeted. */
  readonly connected = new Promise<void>((resolve) => {
    this.connectedResolve = resolve;
  });

  /** For the HTTP server's "upgrade" event. */
  handleUpgrade(req: IncomingMessage, socket: Duplex): void {
    const key = req.headers["sec-websocket-key"];
    if (typeof key !== "string") {
      socket.end("HTTP/1.1 400 Bad Request\r\n\r\n");
      return;
    }
    const accept = createHash("sha1").update(`${key}${GUID}`).digest("base64");
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    this.socket = socket;
    let buffered: Buffer = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      const { frames, rest } = readFrames(Buffer.concat([buffered, chunk]));
      buffered = rest;
      for (const f of frames) this.onFrame(socket, f);
    });
    socket.on("error", () => {});
    this.sendJson({ type: "hello", num_connections: 1, connection_info: { app_id: "A0TALLY" } });
    this.connectedResolve?.();
  }

  private onFrame(socket: Duplex, f: Frame): void {
    if (f.opcode === 0x9) socket.write(frame(0xa, f.payload));
    else if (f.opcode === 0x8) {
      socket.write(frame(0x8, f.payload.subarray(0, 2)));
      socket.end();
    } else if (f.opcode === 0x1) {
      const message = JSON.parse(f.payload.toString("utf8")) as Record<string, unknown>;
      const id = String(message.envelope_id ?? "");
      this.acks.get(id)?.(message);
      this.acks.delete(id);
    }
  }

  private sendJson(value: unknown): void {
    this.socket?.write(frame(0x1, Buffer.from(JSON.stringify(value), "utf8")));
  }

  /** Sends an envelope; resolves with the app's ack (`{ envelope_id, payload? }`). */
  send(envelope: SocketEnvelope): Promise<Record<string, unknown>> {
    this.envelopes++;
    const id = `env-${this.envelopes}`;
    const acked = new Promise<Record<string, unknown>>((resolve) => this.acks.set(id, resolve));
    this.sendJson({
      envelope_id: id,
      type: envelope.type,
      payload: envelope.payload,
      accepts_response_payload: envelope.type !== "events_api",
      ...(envelope.type === "events_api" ? { retry_attempt: 0, retry_reason: "" } : {}),
    });
    return acked;
  }

  close(): void {
    this.socket?.destroy();
  }
}
