/**
 * The parts of Bolt the bot uses, required from their own files: the one place the bot reaches past
 * Bolt's public entry. Its index also loads Express and the AWS Lambda receiver, which a bot with its own
 * HTTP server never uses (npm run bench, one run each: spawn → listening 1.55× bare Bolt through the
 * index, 1.43× this way). Bolt is pinned to an exact version, and
 * test/adapters/slack-bolt-surface.test.ts fails if these files stop being the classes the public entry
 * exports, so an upgrade that moves them is caught before it ships.
 */
import { createRequire } from 'node:module';
import type * as Bolt from '@slack/bolt';

const require = createRequire(import.meta.url);

export const App: typeof Bolt.App = require('@slack/bolt/dist/App.js').default;
export const SocketModeReceiver: typeof Bolt.SocketModeReceiver = require('@slack/bolt/dist/receivers/SocketModeReceiver.js').default;
export const HTTPModuleFunctions: typeof Bolt.HTTPModuleFunctions = require('@slack/bolt/dist/receivers/HTTPModuleFunctions.js');
export const HTTPResponseAck: typeof Bolt.HTTPResponseAck = require('@slack/bolt/dist/receivers/HTTPResponseAck.js').HTTPResponseAck;
// Bolt's LogLevel is @slack/logger's, which @slack/web-api re-exports.
export const LogLevel: typeof Bolt.LogLevel = require('@slack/web-api').LogLevel;
export type LogLevel = Bolt.LogLevel;
