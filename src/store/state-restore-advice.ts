/**
 * What an operator does about a damaged SQLite state file, in one place: start-up says it when the file will
 * not open, the periodic integrity check logs it when damage shows up while Tally runs.
 */
export function restoreAdvice(file: string): string {
  return (
    `To restore: stop every Tally using ${file}, then copy your latest backup ` +
    `(taken with \`npm run state -- backup FILE\`) over ${file} and delete ${file}-wal and ${file}-shm ` +
    "beside it (their pages belong to the damaged file); or, to start again with empty state, " +
    "move those three files aside. Then start Tally."
  );
}
