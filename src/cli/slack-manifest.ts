/**
 * `npm run slack:manifest` prints the Slack app manifest (Socket Mode); `-- --http-url https://host`
 * prints the HTTP-mode one. slack/manifest.json is this output, checked by a test.
 */
import { parseArgs } from 'node:util';
import { commands } from '../../commands/index.js';
import { slackManifest } from '../adapters/slack/manifest.js';

const { values } = parseArgs({ options: { 'http-url': { type: 'string' } } });
const httpUrl = values['http-url'];
console.log(JSON.stringify(slackManifest(commands, httpUrl ? { httpUrl } : {}), null, 2));
