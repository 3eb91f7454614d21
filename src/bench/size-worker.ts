/**
 * One size of `npm run bench` in a process of its own, so that its memory is its index's alone and not what
 * the sizes before it left behind. Takes the options as JSON in argv[2]; prints the figures as JSON.
 */
import { benchSize, type SizeOptions } from "./size-bench.ts";

const options = JSON.parse(process.argv[2] ?? "{}") as SizeOptions;
process.stdout.write(`${JSON.stringify(await benchSize(options))}\n`);
