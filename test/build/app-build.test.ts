import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appBuild } from "../../src/build/app-build.ts";

const root = path.resolve(import.meta.dirname, "../..");
const scripts = readScripts();

function readScripts(): Record<string, string> {
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  return pkg.scripts;
}

// The bench times the app as `npm start` runs it (bench/load/app-process.ts forks appBuild.main with
// appBuild.nodeArgs after buildApp): the two must not drift apart.
describe("npm start", () => {
  it("builds first, then runs the compiled app the bench starts", () => {
    expect(scripts.prestart).toBe("npm run -s build");
    expect(scripts.build).toBe("tsx src/cli/build.ts");
    expect(scripts.start).toBe(["node", ...appBuild.nodeArgs, appBuild.main].join(" "));
  });

  it("compiles the parser thread beside the app, where claims/parse-pool.ts looks for it", () => {
    expect(appBuild.entryPoints).toContain("src/claims/parse-worker.ts");
    expect(path.dirname(appBuild.main)).toBe(appBuild.outDir);
  });
});
