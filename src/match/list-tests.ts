/* Set and list tests as loops: scoring runs for every candidate of every question, so it makes no closures. */

export function anyIn(set: ReadonlySet<string>, other: ReadonlySet<string>): boolean {
  for (const t of set) if (other.has(t)) return true;
  return false;
}

export function allIn(set: ReadonlySet<string>, other: ReadonlySet<string>): boolean {
  for (const t of set) if (!other.has(t)) return false;
  return true;
}

/** Some term of the list is in the set. */
export function anyOf(list: readonly string[], set: ReadonlySet<string>): boolean {
  for (let i = 0; i < list.length; i++) if (set.has(list[i] as string)) return true;
  return false;
}

export function anyStartsWith(list: readonly string[], prefix: string): boolean {
  for (const t of list) if (t.startsWith(prefix)) return true;
  return false;
}

export function anyEndsWith(list: readonly string[], suffix: string): boolean {
  for (const t of list) if (t.endsWith(suffix)) return true;
  return false;
}
