import { existsSync, readdirSync } from 'node:fs';
import { DatasetError } from './errors.js';

/** Edition folders are named by year (data/<year>/), so a new edition is a new folder and no code. */
export function listEditions(dataDir: string): number[] {
  if (!existsSync(dataDir)) throw new DatasetError(`${dataDir}: data folder not found`);
  return readdirSync(dataDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{4}$/.test(d.name))
    .map((d) => Number(d.name))
    .sort((a, b) => a - b);
}
