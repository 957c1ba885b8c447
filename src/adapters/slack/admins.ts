import type { WebClient } from '@slack/web-api';

/**
 * Who may change a channel's briefings in Slack: users listed in BRIEFING_ADMINS, and workspace admins
 * and owners (users.info). Answers are remembered for ten minutes to spare the API.
 */
export function slackCanManage(admins: readonly string[]): (userId: string, client: WebClient) => Promise<boolean> {
  const known = new Map<string, { allowed: boolean; until: number }>();
  return async (userId, client) => {
    if (admins.includes(userId)) return true;
    const hit = known.get(userId);
    if (hit && hit.until > Date.now()) return hit.allowed;
    try {
      const info = await client.users.info({ user: userId });
      const allowed = Boolean(info.user?.is_admin || info.user?.is_owner || info.user?.is_primary_owner);
      known.set(userId, { allowed, until: Date.now() + 10 * 60_000 });
      return allowed;
    } catch {
      return false;
    }
  };
}
