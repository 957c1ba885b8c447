import { pino, type Logger } from 'pino';

/**
 * Structured logs on stderr (stdout belongs to the console bot and `npm run ask`). Secrets are kept
 * out twice: by key wherever they appear, and by value (every platform names its secrets), so a
 * token quoted inside an error message is cut out too.
 */
export function createLogger(
  level = 'info',
  destination: NodeJS.WritableStream = pino.destination(2) as unknown as NodeJS.WritableStream,
  secrets: readonly string[] = [],
): Logger {
  const values = [...new Set(secrets.filter((s) => s.length >= 8))].sort((a, b) => b.length - a.length);
  const escaped = values.map((v) => JSON.stringify(v).slice(1, -1));
  return pino(
    {
      level,
      base: { app: 'anode-bot' },
      redact: {
        paths: ['token', '*.token', '*.*.token', 'headers.authorization', '*.headers.authorization', 'botToken', '*.botToken'],
        censor: '[redacted]',
      },
      hooks: {
        streamWrite: (line) => {
          let out = line;
          for (const v of escaped) if (out.includes(v)) out = out.split(v).join('[redacted]');
          return out;
        },
      },
    },
    destination,
  );
}

export type { Logger };
