import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtFile } from '../built-file.js';
import { listEditions } from './edition-folders.js';
import type { Dataset } from './types.js';

/**
 * The editions as the build validated them, next to the compiled code (dist/validated-dataset.json).
 * Parsing and validating the CSV files is a third of what `npm run ask` spends after Node itself has
 * started, so the build does it once and start-up reads the result, but only when every file of the
 * data folder is byte for byte the one the build read: any edit, added or removed file, or another
 * DATA_DIR misses and goes through `loadEditions`, so a bad file is always named by row and field.
 * The build writes the file with the loader it has just compiled, so the two never disagree.
 */
const built = builtFile('validated-dataset.json');
const FILE = built === undefined ? undefined : pathToFileURL(built);

/** What start-up compares: the folder as named, and each file it reads with its bytes (one char per byte). */
interface DataFiles {
  dataDir: string;
  files: [name: string, bytes: string][];
}

interface Prevalidated extends DataFiles {
  editions: Dataset[];
}

/** How the editions were validated: by the build (the files were unchanged) or now, in full. */
export type Validation = 'build' | 'now';

/**
 * Everything `loadEditions` reads (names.csv and each edition folder's files), in a fixed order. The
 * folder's name is part of it, since the loaded datasets carry their file paths. An unreadable or
 * missing folder gives undefined: `loadEditions` then says what is wrong. Bytes are compared rather
 * than hashed, which keeps node:crypto off the start-up path and leaves no collision to argue about.
 */
export function dataFilesOf(dataDir: string): DataFiles | undefined {
  try {
    const files: [string, string][] = [];
    const add = (name: string, file: string) => files.push([name, readFileSync(file, 'latin1')]);
    const names = join(dataDir, 'names.csv');
    if (existsSync(names)) add('names.csv', names);
    for (const year of listEditions(dataDir)) {
      const dir = join(dataDir, String(year));
      for (const name of readdirSync(dir).sort()) {
        // A link is followed, as the loader follows it; anything but a file is listed too, so adding one is a change.
        const path = join(dir, name);
        if (statSync(path).isFile()) add(`${year}/${name}`, path);
        else files.push([`${year}/${name}`, '(not a file)']);
      }
    }
    return { dataDir, files };
  } catch {
    return undefined;
  }
}

const same = (a: DataFiles, b: DataFiles): boolean =>
  a.dataDir === b.dataDir && a.files.length === b.files.length && a.files.every(([name, bytes], i) => b.files[i]?.[0] === name && b.files[i]?.[1] === bytes);

/**
 * The editions of `dataDir`: as the build validated them when its files are unchanged, else validated
 * now. The CSV parser and the row schemas are loaded only then.
 */
export async function loadEditionsFast(dataDir: string, file: URL | undefined = FILE): Promise<{ editions: Dataset[]; validated: Validation }> {
  const now = file && dataFilesOf(dataDir);
  if (file && now !== undefined) {
    const kept = readPrevalidated(file);
    if (kept && same(kept, now)) return { editions: kept.editions, validated: 'build' };
  }
  const { loadEditions } = await import('./load.js');
  return { editions: loadEditions(dataDir), validated: 'now' };
}

function readPrevalidated(file: URL): Prevalidated | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Prevalidated>;
    return typeof parsed.dataDir === 'string' && Array.isArray(parsed.files) && Array.isArray(parsed.editions) ? (parsed as Prevalidated) : undefined;
  } catch {
    return undefined; // none yet (a build without data, or the TypeScript sources run directly)
  }
}

/**
 * Validates `dataDir` in full and writes what was loaded. The files are read before loading and
 * compared again after, so a file edited while the build read it is never recorded as validated.
 */
export async function writePrevalidated(dataDir: string, file: URL | undefined = FILE): Promise<void> {
  if (!file) throw new Error('only a build (dist/) keeps a prevalidated dataset');
  const { loadEditions } = await import('./load.js');
  const before = dataFilesOf(dataDir);
  const editions = loadEditions(dataDir);
  const after = dataFilesOf(dataDir);
  if (before === undefined || after === undefined || !same(before, after)) throw new Error(`${dataDir} changed while it was being validated`);
  const data: Prevalidated = { ...before, editions };
  const temp = new URL(`${file.href}.${process.pid}.tmp`);
  writeFileSync(temp, JSON.stringify(data));
  renameSync(temp, file);
}
