import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallbackOptions, InstallProvider } from '@slack/oauth';
import type { HttpServer } from '../../http/server.js';
import type { Logger } from '../../log.js';
import { BOT_SCOPES } from './manifest.js';

/**
 * GET /slack/install and /slack/oauth_redirect on the bot's one HTTP server: Slack's OAuth flow through
 * @slack/oauth, with a page that says what happened and a log line that carries no code, state or token.
 */
export function addInstallRoutes(http: HttpServer, installer: InstallProvider, o: { redirectUri: string | undefined; log: Logger }): void {
  const installOptions = { scopes: BOT_SCOPES, ...(o.redirectUri ? { redirectUri: o.redirectUri } : {}) };
  const callback: CallbackOptions = {
    success: (installation, _options, _req, res) => {
      o.log.info({ team: installation.team?.id, enterprise: installation.enterprise?.id }, 'Slack: installed');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        '<!doctype html><meta charset="utf-8"><title>anode-bot installed</title><p>anode-bot is installed. Try <code>/anode help</code> in any channel.</p>',
      );
    },
    failure: (error, _options, _req, res) => {
      const code = (error as { code?: string }).code ?? 'unknown';
      const status =
        code === 'slack_oauth_invalid_state' || code === 'slack_oauth_missing_state' ? 400 : code === 'slack_oauth_installer_authorization_error' ? 400 : 502;
      // The code and status only: the request's code, state and tokens never reach the log.
      o.log.warn({ code, status }, 'Slack: installation refused');
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(
        status === 400
          ? 'This installation link is not valid (expired or altered). Start again from /slack/install.'
          : 'Slack did not confirm the installation. Start again from /slack/install.',
      );
    },
  };
  http.add({
    method: 'GET',
    path: '/slack/install',
    handle: (req: IncomingMessage, res: ServerResponse) => installer.handleInstallPath(req, res, {}, installOptions),
  });
  http.add({
    method: 'GET',
    path: '/slack/oauth_redirect',
    handle: (req: IncomingMessage, res: ServerResponse) => installer.handleCallback(req, res, callback, installOptions),
  });
}
