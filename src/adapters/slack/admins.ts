import type { WebClient } from '@slack/web-api';

/**
 * Whether BRIEFING_ADMINS lists this user for this workspace: "T123:U456" names a user of one
 * workspace; a bare "U456" any workspace's user of that id, which only makes sense with one workspace,
 * so with OAuth installs (many workspaces) bare ids are ignored.
 */
export function listedAdmin(admins: readonly string[], userId: string, teamId: string, manyWorkspaces: boolean): boolean {
  return admins.some((a) => a === `${teamId}:${userId}` || (!manyWorkspaces && a === userId));
}

/**
 * Who may change a channel's settings in Slack: users listed in BRIEFING_ADMINS, and workspace admins
 * and owners (users.info). Answers are remembered for ten minutes to spare the API.
 */
export function slackCanManage(admins: readonly string[], manyWorkspaces = false): (userId: string, teamId: string, client: WebClient) => Promise<boolean> {
  const known = new Map<string, { allowed: boolean; until: number }>();
  return async (userId, teamId, client) => {
    if (listedAdmin(admins, userId, teamId, manyWorkspaces)) return true;
    const key = `${teamId}:${userId}`;
    const hit = known.get(key);
    if (hit && hit.until > Date.now()) return hit.allowed;
    try {
      const info = await client.users.info({ user: userId });
      const allowed = Boolean(info.user?.is_admin || info.user?.is_owner || info.user?.is_primary_owner);
      known.set(key, { allowed, until: Date.now() + 10 * 60_000 });
      return allowed;
    } catch {
      return false;
    }
  };
}

/** A user's Slack locale (users.info include_locale), remembered for an hour: for channels set to auto. */
export function slackLocales(): (userId: string, teamId: string, client: WebClient) => Promise<string | undefined> {
  const known = new Map<string, { locale: string | undefined; until: number }>();
  return async (userId, teamId, client) => {
    const key = `${teamId}:${userId}`;
    const hit = known.get(key);
    if (hit && hit.until > Date.now()) return hit.locale;
    try {
      const info = await client.users.info({ user: userId, include_locale: true });
      const locale = (info.user as { locale?: string } | undefined)?.locale;
      known.set(key, { locale, until: Date.now() + 60 * 60_000 });
      return locale;
    } catch {
      return undefined;
    }
  };
}
