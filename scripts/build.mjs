// Builds dist/ with esbuild: the bot and every CLI as ES modules, code split so each process loads
// only what it runs (a platform's SDK is imported when that platform is switched on). Our code and
// the small pure-JS libraries are bundled: zod alone is 229 files, and resolving them was most of a
// CLI's start-up. SDKs and native modules stay in node_modules, loaded as they are.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const BUNDLED = ['zod', 'csv-parse', 'fuse.js', 'quickchart-js'];
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies)
  .filter((d) => !BUNDLED.includes(d))
  .flatMap((d) => [d, `${d}/*`]);

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/main.ts', 'src/bin/*.ts', 'src/dataset/prevalidate-build.ts'],
  outbase: 'src',
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  logLevel: 'warning',
  chunkNames: 'chunks/[name]-[hash]',
  alias: { 'cross-fetch': './scripts/fetch-shim.mjs' },
});

// With the loader just built: validate the data once so start-up can skip it (src/dataset/prevalidated.ts).
const { prevalidateForBuild } = await import('../dist/dataset/prevalidate-build.js');
await prevalidateForBuild();
