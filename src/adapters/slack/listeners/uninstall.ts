import type { App } from '@slack/bolt';
import type { InstallProvider } from '@slack/oauth';
import type { SubscriptionStore } from '../../../briefings/subscriptions.js';
import type { Logger } from '../../../log.js';

/** App removed or its bot token revoked: the installation is forgotten and the workspace's briefings paused. */
export function register(app: App, deps: { installer: InstallProvider; subscriptions: SubscriptionStore; log: Logger }): void {
  const forget = async (teamId: string | undefined, enterpriseId: string | undefined, isEnterpriseInstall: boolean, why: string) => {
    if (!teamId && !enterpriseId) return;
    await deps.installer.installationStore.deleteInstallation?.({ teamId, enterpriseId, isEnterpriseInstall } as never);
    const paused = teamId ? await deps.subscriptions.pauseWorkspace('slack', teamId, why) : 0;
    deps.log.info({ team: teamId, enterprise: enterpriseId, paused }, `Slack: ${why}; installation removed, briefings paused`);
  };
  app.event('app_uninstalled', async ({ context }) => forget(context.teamId, context.enterpriseId, Boolean(context.isEnterpriseInstall), 'app uninstalled'));
  app.event('tokens_revoked', async ({ event, context }) => {
    if (((event as { tokens?: { bot?: string[] } }).tokens?.bot ?? []).length > 0)
      await forget(context.teamId, context.enterpriseId, Boolean(context.isEnterpriseInstall), 'bot token revoked');
  });
}
