import { defineConfig } from "vitest/config";

// CI asks for a JSON report beside the console one, to print the closing "N passed, N failed" line.
const jsonReport = process.env.TALLY_VITEST_JSON;

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    pool: "forks",
    reporters: jsonReport ? ["default", ["json", { outputFile: jsonReport }]] : ["default"],
  },
});
