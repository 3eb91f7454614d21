/**
 * A parser thread (see parse-pool.ts): parses each file it is sent and answers with the parse as JSON,
 * so the YAML parser's garbage stays in this thread's heap, which ends with the batch.
 */
import { parentPort } from "node:worker_threads";
import type { ParseTask, WorkerParse } from "./parse-pool.ts";
import { parseFile } from "./parsed-file.ts";

parentPort?.on("message", (task: ParseTask) => {
  // Decoded as readFile(file, "utf8") does: a byte order mark stays for the parser to see.
  const text = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength).toString("utf8");
  const { parsed, json } = parseFile(text);
  const answer: WorkerParse = json !== null ? { id: task.id, json } : { id: task.id, parsed };
  parentPort?.postMessage(answer);
});
