/**
 * `npm run slack:manifest` prints the Slack app manifest (Socket Mode); `-- --http-url https://host`
 * prints the HTTP-mode one, and `--oauth` adds the redirect URL and uninstall events for distribution.
 * slack/manifest.json is the plain output, checked by a test.
 */
import { parseArgs } from 'node:util';
import { commands } from '../../../commands/index.js';
import { slackManifest } from './manifest.js';
import { parseCli, quietOnClosedPipe } from '../../cli/failure.js';

export const MANIFEST_USAGE = 'usage: npm run slack:manifest [-- --http-url https://bot.example.com [--oauth]]';

export async function manifest(argv: string[]): Promise<void> {
  quietOnClosedPipe();
  const { values } = await parseCli(
    () => parseArgs({ args: argv, options: { 'http-url': { type: 'string' }, oauth: { type: 'boolean', default: false } }, strict: true }),
    MANIFEST_USAGE,
  );
  const httpUrl = values['http-url'];
  if (values.oauth && !httpUrl) {
    console.error(`--oauth needs --http-url (Slack redirects to your server)\n${MANIFEST_USAGE}`);
    process.exit(2);
  }
  if (httpUrl !== undefined && !/^https?:\/\/\S+$/.test(httpUrl)) {
    console.error(`--http-url must be an http(s) URL\n${MANIFEST_USAGE}`);
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(slackManifest(commands, { ...(httpUrl ? { httpUrl } : {}), oauth: values.oauth }), null, 2)}\n`);
}
