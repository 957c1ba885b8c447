import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/**
 * Runs one of the build's CommonJS bundles with V8's code cache. Compiling is most of what a short
 * process spends on our code: V8 pre-parses the whole bundle, then compiles each function as it first
 * runs. The build runs each bundle once (scripts/record-code-caches.mjs) and saves what V8 compiled
 * by the end of that run, lazily compiled functions included; a later start takes the bytecode from
 * there. `npm run ask` as text went from 1.88× to 1.54–1.56× `node -e 0` (docs/benchmarks.md).
 *
 * This is what Node 22's module.enableCompileCache() does; Node 20 has no such API. V8 checks a cache
 * against its own version, its flags and the source's length, and the stamp below covers the rest;
 * on any mismatch the bundle is compiled afresh, so a stale or missing cache costs the time it would
 * have saved and nothing else.
 */

/** The bundle's saved compilation, beside it. */
export const cacheFileOf = (bundle: string): string => `${bundle}.code-cache`;

type CacheUse = 'used' | 'rejected' | 'stale' | 'none';
const loaded: { script: Script; bundle: string; cache: CacheUse }[] = [];

/**
 * How each bundle run so far was compiled: from its cache; afresh because V8 refused the cache, or
 * because the bundle changed since the cache was made; or with no cache.
 */
export function codeCaches(): { bundle: string; cache: CacheUse }[] {
  return loaded.map(({ bundle, cache }) => ({ bundle, cache }));
}

/**
 * V8 matches a cache to its source by length, not content, so an edited bundle of the same length
 * would run the old code. A cache therefore starts with the bundle's size and modification time as
 * they were when it was made, and is used only while both still hold.
 */
const HEADER = 16;
const stamp = (bundle: string): Buffer => {
  const { size, mtimeMs } = statSync(bundle);
  const header = Buffer.alloc(HEADER);
  header.writeDoubleLE(size, 0);
  header.writeDoubleLE(mtimeMs, 8);
  return header;
};

function readCache(bundle: string): { data: Buffer | undefined; use: CacheUse } {
  let file: Buffer;
  try {
    file = readFileSync(cacheFileOf(bundle));
  } catch {
    return { data: undefined, use: 'none' };
  }
  if (file.length <= HEADER || !file.subarray(0, HEADER).equals(stamp(bundle))) return { data: undefined, use: 'stale' };
  return { data: file.subarray(HEADER), use: 'used' };
}

/** Runs `bundle` as a CommonJS module with its code cache, if one fits; returns its exports. */
export function runBundle(bundle: string): unknown {
  const { data: cachedData, use } = readCache(bundle);
  // Node's own CommonJS wrapper, on the first line so that line numbers in stack traces still hold; a
  // #! line is valid only at the very start of a file, so it becomes a comment inside the wrapper.
  const text = readFileSync(bundle, 'utf8').replace(/^#!/, '//');
  const source = `(function (exports, require, module, __filename, __dirname) { ${text}\n})`;
  // No import() callback: Node 20 drops it from a script whose code came from the cache, so the build
  // refuses a bundle with a dynamic import() of its own (scripts/build.mjs); packages load by require.
  const script = new Script(source, { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  loaded.push({ script, bundle, cache: cachedData && script.cachedDataRejected ? 'rejected' : use });
  const module = { exports: {} as unknown, filename: bundle, id: bundle, loaded: false };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  module.loaded = true;
  return module.exports;
}

/** For the build: when the process exits, saves what V8 compiled for every bundle run by then. */
export function recordCodeCachesAtExit(): void {
  process.once('exit', () => {
    for (const { script, bundle } of loaded) writeFileSync(cacheFileOf(bundle), Buffer.concat([stamp(bundle), script.createCachedData()]));
  });
}
