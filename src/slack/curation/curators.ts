import type { webApi } from "@slack/bolt";
import type { Logger } from "../../log/logger.ts";

/** How long a user group's member list is trusted before it is asked again. */
const GROUP_TTL_MS = 5 * 60 * 1000;

export type IsCurator = (userId: string, client: webApi.WebClient) => Promise<boolean>;

/**
 * Whether a user may decide for the desk: listed by id in TALLY_CURATORS, or a member of a user group listed
 * there (usergroups.users.list, cached a few minutes). A group Slack will not list counts as empty, and is
 * logged: refusing a curator is recoverable, letting anyone approve is not.
 */
export function createCuratorCheck(
  curators: { users: readonly string[]; groups: readonly string[] },
  now: () => Date,
  logger: Logger,
): IsCurator {
  const users = new Set(curators.users);
  const groups = new Map<string, { members: Set<string>; until: number }>();
  const membersOf = async (group: string, client: webApi.WebClient): Promise<Set<string>> => {
    const cached = groups.get(group);
    if (cached && cached.until > now().getTime()) return cached.members;
    try {
      const result = await client.usergroups.users.list({ usergroup: group });
      const members = new Set(result.users ?? []);
      groups.set(group, { members, until: now().getTime() + GROUP_TTL_MS });
      return members;
    } catch (error) {
      logger.warn("could not list a curators user group", { group, error });
      return cached?.members ?? new Set();
    }
  };
  return async (userId, client) => {
    if (users.has(userId)) return true;
    for (const group of curators.groups) {
      if ((await membersOf(group, client)).has(userId)) return true;
    }
    return false;
  };
}

/** Every curator a reminder should reach: the listed users and the groups' members. */
export async function listCurators(
  curators: { users: readonly string[]; groups: readonly string[] },
  client: webApi.WebClient,
  logger: Logger,
): Promise<string[]> {
  const all = new Set(curators.users);
  for (const group of curators.groups) {
    try {
      const result = await client.usergroups.users.list({ usergroup: group });
      for (const u of result.users ?? []) all.add(u);
    } catch (error) {
      logger.warn("could not list a curators user group", { group, error });
    }
  }
  return [...all];
}
