/**
 * The parts of Bolt the bot uses, from Bolt's public entry. Its index also loads Express and the AWS
 * Lambda receiver (about 60 ms), but this module is itself loaded only when Slack is switched on, and
 * bare Bolt pays the same: a private dist path would break silently on Bolt's next release.
 */
export { App, HTTPModuleFunctions, HTTPResponseAck, LogLevel, SocketModeReceiver } from '@slack/bolt';
