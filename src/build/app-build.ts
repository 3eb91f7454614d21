import { randomBytes } from "node:crypto";
import { mkdir, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";

/**
 * What `npm start` runs: the app compiled to JavaScript in `dist/` (gitignored), made by `npm run build`
 * (`prestart`). Node then loads one file instead of tsx compiling ~250 sources at every start (1 s of a start,
 * and ~50 MB of resident memory). Packages stay in node_modules, resolved from `dist/` as from `src/`.
 */
export const appBuild = Object.freeze({
  outDir: "dist",
  /** The app, and the YAML parser thread it starts beside itself (see claims/parse-pool.ts). */
  entryPoints: Object.freeze(["src/main.ts", "src/claims/parse-worker.ts"]),
  main: "dist/main.js",
  /**
   * Stack traces in logs point at src/, not at the bundle. A young generation of 2 MB semi-spaces, not V8's
   * 16: the start reads and builds ~1 GB of short-lived objects at 100,000 claims, and V8 keeps the heap it
   * grew; with small semi-spaces the app answers at ~320 MB resident instead of ~400 (measured on the bench's
   * warm start), with the same start time and answer times within this machine's noise.
   */
  nodeArgs: Object.freeze(["--enable-source-maps", "--max-semi-space-size=2"]),
});

/** Builds `dist/` under `root` (see `compileInto`). */
export function buildApp(root: string): Promise<{ files: string[] }> {
  return compileInto(root, appBuild.entryPoints, appBuild.outDir);
}

/**
 * Bundles each entry point (paths under `root`) into `outDir`, packages left to node_modules. Each file is
 * written beside its place and renamed into it, so a process starting while another build runs (tests in
 * parallel) reads a whole file, never half of one.
 */
export async function compileInto(
  root: string,
  entryPoints: readonly string[],
  outDir: string,
): Promise<{ files: string[] }> {
  const outdir = path.join(root, outDir);
  const result = await build({
    absWorkingDir: root,
    entryPoints: [...entryPoints],
    entryNames: "[name]",
    outdir,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: true,
    write: false,
    logLevel: "warning",
  });
  await mkdir(outdir, { recursive: true });
  await Promise.all(
    result.outputFiles.map(async (file) => {
      const temp = `${file.path}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
      try {
        await writeFile(temp, file.contents);
        await rename(temp, file.path);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
    }),
  );
  return { files: result.outputFiles.map((f) => path.relative(root, f.path)) };
}
