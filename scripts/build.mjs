// Builds dist/ with esbuild: the bot and every CLI, each one file of CommonJS (dist/package.json says
// so; the sources stay ES modules). A platform's SDK is still required only when that platform is
// switched on: esbuild turns our dynamic imports into functions run on first use. Our code and the
// small pure-JS libraries are bundled (zod alone is 229 files, pino 29; pino's transports would not
// find their worker files bundled, and the bot uses none); SDKs and native modules stay in
// node_modules, loaded as they are. Why CommonJS: Node 20 loads one CommonJS file faster than the same
// code as ES module chunks through its module loader; `npm run ask` measured 133 ms against 119 ms,
// with `node -e 0` at 62 ms (docs/benchmarks.md).
import { chmodSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { recordCodeCaches } from './record-code-caches.mjs';

const BUNDLED = ['zod', 'csv-parse', 'fuse.js', 'quickchart-js', 'pino'];
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies)
  .filter((d) => !BUNDLED.includes(d))
  .flatMap((d) => [d, `${d}/*`]);

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
mkdirSync(new URL('../dist', import.meta.url));
writeFileSync(new URL('../dist/package.json', import.meta.url), '{ "type": "commonjs" }\n');
const { metafile } = await build({
  entryPoints: ['src/main.ts', 'src/bin/*.ts', 'src/dataset/prevalidate-build.ts', 'src/code-cache.ts'],
  outbase: 'src',
  outdir: 'dist',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external,
  logLevel: 'warning',
  // The sources' import.meta.url becomes the URL of the file it was bundled into.
  define: { 'import.meta.url': '__bundle_url' },
  banner: { js: 'const __bundle_url = require("node:url").pathToFileURL(__filename).href;' },
  alias: { 'cross-fetch': './scripts/fetch-shim.mjs' },
  metafile: true,
});
// A bundle runs from its code cache, and Node 20 gives such a script no import() (src/code-cache.ts):
// a package is loaded with createRequire instead, which works from either.
for (const [file, output] of Object.entries(metafile.outputs)) {
  const dynamic = output.imports.filter((i) => i.kind === 'dynamic-import' && i.external).map((i) => i.path);
  if (dynamic.length > 0) throw new Error(`${file}: import() of ${dynamic.join(', ')}; load it with createRequire (src/code-cache.ts says why)`);
}

// The parts of Chart.js the charts use, on their own (src/charts/chartjs-parts.ts): tree-shaken and
// minified, so drawing a PNG loads 160 KB instead of Chart.js's 520 KB.
await build({
  entryPoints: ['src/charts/chartjs-parts.ts'],
  outfile: 'dist/vendor/chartjs-parts.js',
  bundle: true,
  minify: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});

// With the loader just built: validate the data once so start-up can skip it (src/dataset/prevalidated.ts).
const { prevalidateForBuild } = await import('../dist/dataset/prevalidate-build.js');
await prevalidateForBuild();

// Each entry becomes a bundle and a two-line launcher under the entry's own name, which runs the
// bundle with V8's code cache (src/code-cache.ts). The names users and scripts run stay the same.
const entries = ['dist/main.js', ...readdirSync('dist/bin').map((f) => `dist/bin/${f}`)];
for (const entry of entries) {
  const bundle = entry.replace(/\.js$/, '.bundle.js');
  renameSync(entry, bundle);
  const shebang = readFileSync(bundle, 'utf8').startsWith('#!') ? '#!/usr/bin/env node\n' : '';
  const loader = entry === 'dist/main.js' ? './code-cache.js' : '../code-cache.js';
  writeFileSync(
    entry,
    `${shebang}// Runs ${bundle.slice('dist/'.length)} with its code cache (src/code-cache.ts).\nrequire(${JSON.stringify(loader)}).runBundle(require('node:path').join(__dirname, ${JSON.stringify(bundle.split('/').pop())}));\n`,
  );
  if (shebang) chmodSync(entry, 0o755);
}
await recordCodeCaches();
