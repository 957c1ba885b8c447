import { createRequire } from 'node:module';

/** What the bot counts, for /metrics; a no-op where nothing serves them (the console). */
export interface Metrics {
  command(name: string, platform: string, outcome: 'ok' | 'user_error' | 'failure', seconds: number): void;
  delivery(outcome: 'sent' | 'skipped' | 'retry' | 'failed'): void;
  recovered(n: number): void;
  dbError(): void;
  /** Prometheus text exposition. */
  exposition(): Promise<{ contentType: string; body: string }>;
}

export const noMetrics: Metrics = {
  command: () => {},
  delivery: () => {},
  recovered: () => {},
  dbError: () => {},
  exposition: async () => ({ contentType: 'text/plain', body: '' }),
};

/** prom-client counters and a latency histogram, in a registry of their own (loaded only when served). */
export async function createMetrics(): Promise<Metrics> {
  const prom = createRequire(import.meta.url)('prom-client') as typeof import('prom-client');
  const registry = new prom.Registry();
  prom.collectDefaultMetrics({ register: registry, prefix: 'anode_bot_' });
  // Commands are counted here and handed to prom-client when /metrics is read: its inc() checks and
  // hashes the labels on every call, a measurable part of a repeated answer's cost. Commands,
  // platforms and outcomes are few, so the map stays small.
  const counts = new Map<string, { labels: { command: string; platform: string; outcome: string }; n: number }>();
  new prom.Counter({
    name: 'anode_bot_commands_total',
    help: 'Commands answered, by command, platform and outcome',
    labelNames: ['command', 'platform', 'outcome'],
    registers: [registry],
    collect() {
      this.reset();
      for (const c of counts.values()) this.inc(c.labels, c.n);
    },
  });
  const latency = new prom.Histogram({
    name: 'anode_bot_reply_seconds',
    help: 'Time from a command arriving to its reply being ready',
    labelNames: ['platform'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const deliveries = new prom.Counter({
    name: 'anode_bot_briefing_deliveries_total',
    help: 'Briefing deliveries, by outcome',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const recovered = new prom.Counter({
    name: 'anode_bot_briefing_slots_recovered_total',
    help: 'Delivery slots taken over from a process that died or timed out',
    registers: [registry],
  });
  const dbErrors = new prom.Counter({ name: 'anode_bot_database_errors_total', help: 'Database operations that failed', registers: [registry] });
  // The latency series looked up once per platform (the labels are still checked on each observe).
  const timed = new Map<string, ReturnType<typeof latency.labels>>();
  return {
    command(name, platform, outcome, seconds) {
      const key = `${name}\n${platform}\n${outcome}`;
      const count = counts.get(key);
      if (count) count.n++;
      else counts.set(key, { labels: { command: name, platform, outcome }, n: 1 });
      let time = timed.get(platform);
      if (!time) {
        time = latency.labels({ platform });
        timed.set(platform, time);
      }
      time.observe(seconds);
    },
    delivery: (outcome) => deliveries.inc({ outcome }),
    recovered: (n) => recovered.inc(n),
    dbError: () => dbErrors.inc(),
    exposition: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}

/**
 * Metrics whose prom-client loads once the port is open (40 ms of start-up otherwise): what is
 * counted before that is queued and replayed, so nothing goes uncounted.
 */
export function deferredMetrics(): Metrics & { load(): Promise<void> } {
  let real: Metrics | undefined;
  let loading: Promise<Metrics> | undefined;
  const queue: ((m: Metrics) => void)[] = [];
  const load = () =>
    (loading ??= createMetrics().then((m) => {
      real = m;
      for (const f of queue.splice(0)) f(m);
      return m;
    }));
  const call = (f: (m: Metrics) => void) => (real ? f(real) : void queue.push(f));
  return {
    command: (name, platform, outcome, seconds) => call((m) => m.command(name, platform, outcome, seconds)),
    delivery: (outcome) => call((m) => m.delivery(outcome)),
    recovered: (n) => call((m) => m.recovered(n)),
    dbError: () => call((m) => m.dbError()),
    exposition: async () => (await load()).exposition(),
    load: async () => void (await load()),
  };
}
