/**
 * Run by the build (scripts/build.mjs) once dist/ is compiled: validates the configured data folder
 * with the loader just built and writes dist/validated-dataset.json for start-up to use. Data that
 * does not validate is not a build error: start-up validates it in full and names the row and field.
 */
import { readBaseConfig } from '../config/config.js';
import { loadDotEnv, withoutEmpty } from '../config/env.js';
import { writePrevalidated } from './prevalidated.js';

export async function prevalidateForBuild(): Promise<void> {
  try {
    loadDotEnv();
    await writePrevalidated(readBaseConfig(withoutEmpty(process.env)).DATA_DIR);
  } catch (err) {
    console.warn(`build: the data folder was not prevalidated, so start-up will validate it in full: ${(err as Error).message}`);
  }
}
