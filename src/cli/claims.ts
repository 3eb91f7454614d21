import { runClaimsCommand } from "./claims-command.ts";

/** `npm run claims -- validate …`: see claims-command.ts. */
process.exitCode = await runClaimsCommand(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
