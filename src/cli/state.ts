import { runStateCommand } from "./state-command.ts";

/** `npm run state -- copy --to postgres://… | backup FILE`: see state-command.ts. */
process.exitCode = await runStateCommand(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
