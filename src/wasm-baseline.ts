import { setFlagsFromString } from 'node:v8';
import { operatorFlags } from './v8-flags.js';

/**
 * WebAssembly kept on V8's baseline compiler (Liftoff), in a process that serves chat platforms. The
 * only WebAssembly such a process runs is llhttp, the HTTP parser of `fetch` (Node's undici: @slack/web-api
 * 8 posts through it) and of the undici that discord.js's REST client uses. On its first responses V8
 * tiers llhttp's one large state-machine function up to TurboFan in the background: 30–40 MB of
 * compiler memory for a moment, which glibc keeps in a thread's arena about half the time, so the idle
 * bot sat at 100 MB instead of 90 MB. Liftoff alone parses replies of this size as fast (about 715 µs
 * of CPU per `fetch` either way, 3,000 posts to a local server), and V8's compiler memory stays under
 * 6 MB.
 *
 * Set at run time, once the bundle is compiled (main.ts, through startBot's beforeNetwork), not on
 * the command line: any V8 flag changes what V8 checks before it takes a code cache, and Node's own
 * modules and the build's caches were made without it. Set from the start, it cost every entry about
 * 10 ms (the console's prompt 127 → 138 ms). Set here, it costs only what is compiled later: Node's
 * modules first loaded after it, and Chart.js's parts for the first chart. The console and the
 * one-shot commands, which post nothing, never set it.
 *
 * A WebAssembly flag the operator gave (command line or NODE_OPTIONS) is theirs. Returns whether it
 * was set.
 */
export function keepWasmOnBaseline(execArgv: readonly string[] = operatorFlags(), setFlags: (flags: string) => void = setFlagsFromString): boolean {
  if (execArgv.some((a) => /^--(no-)?(liftoff|wasm)/.test(a.replace(/_/g, '-')))) return false;
  setFlags('--liftoff-only');
  return true;
}
