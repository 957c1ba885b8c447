import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A file the build writes into dist/ beside the compiled code (the prevalidated dataset, the Chart.js
 * parts), for the build this code runs from; undefined when the TypeScript sources run directly
 * (tests, `npm run dev`), which then do without it.
 */
export function builtFile(name: string, here: string = fileURLToPath(import.meta.url)): string | undefined {
  const dist = here.lastIndexOf(`${sep}dist${sep}`);
  return dist < 0 ? undefined : join(here.slice(0, dist), 'dist', name);
}
