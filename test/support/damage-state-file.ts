import { closeSync, openSync, statSync, writeSync } from "node:fs";
import Database from "better-sqlite3";

/**
 * Damages a SQLite file the way a failing disk would: every page after the first is overwritten, so the
 * header still reads (the file opens) but its tables do not. Checkpoints first, so that the pages live in
 * the file rather than in its WAL. Works while other connections have it open. Returns the page count hit.
 */
export function damageStateFile(file: string): number {
  const raw = new Database(file, { fileMustExist: true });
  let pageSize: number;
  try {
    raw.pragma("wal_checkpoint(TRUNCATE)");
    pageSize = raw.pragma("page_size", { simple: true }) as number;
  } finally {
    raw.close();
  }
  const size = statSync(file).size;
  if (size <= pageSize) throw new Error(`${file} has one page only: nothing after the header to damage`);
  const fd = openSync(file, "r+");
  try {
    writeSync(fd, Buffer.alloc(size - pageSize, 0xa5), 0, size - pageSize, pageSize);
  } finally {
    closeSync(fd);
  }
  return size / pageSize - 1;
}
