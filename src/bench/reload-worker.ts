/**
 * The reload part of `npm run bench` in a process of its own (see reload-bench.ts). Takes the options as JSON
 * in argv[2]; prints the figures as JSON.
 */
import { z } from "zod";
import { benchReload } from "./reload-bench.ts";

const Options = z.object({
  dataDir: z.string().min(1),
  file: z.string().min(1),
  bytes: z.number().int().min(0),
  question: z.string(),
});
const options = Options.parse(JSON.parse(process.argv[2] ?? "{}"));
process.stdout.write(`${JSON.stringify(await benchReload(options))}\n`);
