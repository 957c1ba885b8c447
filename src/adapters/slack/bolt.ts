/**
 * The parts of Bolt the bot uses, required from their own files. Bolt's index also loads Express and
 * the AWS Lambda receiver, about 60 ms of every start, which a bot with its own HTTP server never uses.
 * Bolt is pinned to an exact version, and every Slack test goes through these same bindings.
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
