/** Median and tail of a list of timings, in milliseconds. */
export function summarize(samples: number[]): { n: number; median: number; p99: number; min: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { n: sorted.length, median: at(0.5), p99: at(0.99), min: sorted[0]! };
}

export function fmt(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : ms < 1000 ? `${ms.toFixed(2)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/** Open-loop load at a fixed rate: latencies as a user would see them at that rate. */
export async function atRate(once: () => Promise<number>, rps: number, seconds: number): Promise<number[]> {
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < rps * seconds; i++) {
    const wait = start + (i * 1000) / rps - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(once().then((ms) => void latencies.push(ms)));
  }
  await Promise.all(pending);
  return latencies;
}

/** Closed-loop load with a few requests in flight: the most requests per second a server gives. */
export async function throughput(once: () => Promise<number>, seconds: number, concurrency = 8): Promise<number> {
  let done = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await once();
        done++;
      }
    }),
  );
  return done / seconds;
}

/**
 * Several measurements taken in alternating rounds, the median of each: on a shared machine a
 * neighbour's burst then falls on every server alike instead of on whichever ran at the time.
 */
export async function interleaved(measures: readonly (() => Promise<number>)[], rounds = 5): Promise<number[]> {
  const samples: number[][] = measures.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (const [i, measure] of measures.entries()) samples[i]!.push(await measure());
  }
  return samples.map((xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);
}

/** Throughput of several servers measured in alternating rounds (see interleaved), the median of each. */
export function interleavedThroughput(servers: readonly (() => Promise<number>)[], rounds = 5, seconds = 2): Promise<number[]> {
  return interleaved(
    servers.map((once) => () => throughput(once, seconds)),
    rounds,
  );
}
