// Loaded with `node --import`: records every module the program resolves, one URL a line, in the
// file named by ANODE_TRACE_IMPORTS. Lets a test prove what a process did not load.
import { register } from 'node:module';

register(new URL('./trace-imports-hooks.mjs', import.meta.url), { data: { file: process.env.ANODE_TRACE_IMPORTS } });
