import { existsSync } from 'node:fs';
import * as z from 'zod';
import { ConfigError } from './errors.js';

/**
 * Loads `.env` from the working directory when there is one. Variables already in the environment
 * win over the file, as every dotenv does.
 */
export function loadDotEnv(file = '.env'): void {
  if (!existsSync(file)) return;
  try {
    process.loadEnvFile(file);
  } catch (err) {
    throw new ConfigError(`${file}: cannot be read as a .env file (${(err as Error).message})`);
  }
}

/** An empty value means unset, everywhere: `PORT=` in .env takes the default, not a random port. */
export function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v.trim() !== '') out[k] = v.trim();
  return out;
}

/** Parses one section of the environment; a bad value stops start-up naming the variable, never its value. */
export function parseEnv<S extends z.ZodObject>(schema: S, env: Record<string, string>): z.output<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(`environment variable ${String(issue.path[0])}: ${issue.message}`);
  }
  return result.data;
}

/** A value built on first use, then kept: for schemas that most processes never parse. */
export function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= build();
    return value;
  };
}

export const httpUrl = (name: string) => z.string().refine((s) => /^https?:\/\/\S+$/.test(s), `${name} must be an http(s) URL`);
export const port = z.coerce
  .number({ error: 'expected a port number' })
  .int('expected a port number')
  .min(0, 'expected a port from 0 to 65535')
  .max(65535, 'expected a port from 0 to 65535');
