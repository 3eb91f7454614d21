/**
 * `npm run build` (run by `npm start` first): compiles the app into dist/ (see build/app-build.ts). Exits 1,
 * with esbuild's message, when the sources do not compile.
 */
import path from "node:path";
import { buildApp } from "../build/app-build.ts";

try {
  await buildApp(path.resolve(import.meta.dirname, "../.."));
} catch (error) {
  process.stderr.write(`build failed: ${(error as Error).message}\n`);
  process.exit(1);
}
