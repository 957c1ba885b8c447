import type { Logger } from '../log.js';
import type { Metrics } from '../telemetry/metrics.js';
import { type HttpServer, sendJson, sendText } from './server.js';

/** How long /readyz waits for the database before it says "not ready" (a stalled connection answers nothing). */
const READY_DB_TIMEOUT_MS = 3000;

export interface HealthSources {
  /** Whether an edition is loaded. */
  dataset(): boolean;
  /** A round trip to the database. */
  ping(): Promise<unknown>;
  /** Each platform's own readiness, by id. */
  platforms(): Iterable<[string, { ready: boolean; detail?: string }]>;
  metrics: Metrics;
  log: Logger;
}

/**
 * /healthz (the process answers), /readyz (dataset, database within 3 s, every platform; 503 with the
 * reason otherwise) and /metrics (Prometheus). A database that stops or starts answering is logged once
 * per change, so an operator sees when it happened.
 */
export function addHealthRoutes(server: HttpServer, s: HealthSources): void {
  let databaseReady = true;
  server.add({ method: 'GET', path: '/healthz', handle: (_req, res) => sendText(res, 200, 'ok') });
  server.add({
    method: 'GET',
    path: '/readyz',
    handle: async (_req, res) => {
      const checks: Record<string, { ready: boolean; detail?: string }> = { dataset: { ready: s.dataset() } };
      let giveUp: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          s.ping(),
          new Promise((_, reject) => {
            giveUp = setTimeout(() => reject(new Error(`no answer within ${READY_DB_TIMEOUT_MS / 1000} s`)), READY_DB_TIMEOUT_MS);
          }),
        ]);
        checks.database = { ready: true };
      } catch (err) {
        checks.database = { ready: false, detail: (err as Error).message };
      } finally {
        clearTimeout(giveUp);
      }
      if (checks.database.ready !== databaseReady) {
        databaseReady = checks.database.ready;
        if (databaseReady) s.log.info('database answers again: ready');
        else s.log.error({ detail: checks.database.detail }, 'database not answering: /readyz reports not ready');
      }
      for (const [id, health] of s.platforms()) checks[id] = health;
      const ready = Object.values(checks).every((c) => c.ready);
      sendJson(res, ready ? 200 : 503, { ready, checks });
    },
  });
  server.add({
    method: 'GET',
    path: '/metrics',
    handle: async (_req, res) => {
      const m = await s.metrics.exposition();
      sendText(res, 200, m.body, { 'content-type': m.contentType });
    },
  });
}
