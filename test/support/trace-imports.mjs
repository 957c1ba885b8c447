// Loaded with `node --import`: records every module the program loads, one URL or path a line, in
// the file named by ANODE_TRACE_IMPORTS. Lets a test prove what a process did not load. ES modules
// are seen as they resolve; CommonJS (the compiled dist/ and most SDKs) from require.cache at exit.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const file = process.env.ANODE_TRACE_IMPORTS;
register(new URL('./trace-imports-hooks.mjs', import.meta.url), { data: { file } });
const cache = createRequire(import.meta.url).cache;
if (file)
  process.on('exit', () =>
    appendFileSync(
      file,
      Object.keys(cache)
        .map((p) => `${p}\n`)
        .join(''),
    ),
  );
