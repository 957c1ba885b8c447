import { pino, type Logger } from 'pino';

/**
 * Structured logs on stderr (stdout belongs to the console bot and `npm run ask`). Tokens are redacted
 * by key wherever they appear, as a second wall behind never logging them at all.
 */
export function createLogger(level = 'info', destination: NodeJS.WritableStream = pino.destination(2) as unknown as NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { app: 'anode-bot' },
      redact: {
        paths: ['token', '*.token', '*.*.token', 'headers.authorization', '*.headers.authorization', 'config.SLACK_BOT_TOKEN', 'config.SLACK_SIGNING_SECRET', 'config.SLACK_APP_TOKEN', 'config.DISCORD_TOKEN'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

export type { Logger };
