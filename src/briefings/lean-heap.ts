import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { operatorFlags } from '../v8-flags.js';

/**
 * V8's heap, kept near its idle size while a large slot fans out. A slot of 10,000 channels is
 * paced by the platforms (posts wait on the network), not by the CPU, but by default V8 lets the
 * young generation double to 16 MB per semi-space and the old one grow by up to four times between
 * full collections: a 10,000-channel slot peaked at 1.7–2.0× idle. While a large slot is delivered,
 * the young generation keeps the size it has and the old one grows by 20 % per collection: the same
 * slot peaked at 1.19–1.28× idle in the same 71 s, for up to 15 % more CPU (more, smaller collections).
 * Outside a slot, V8's defaults: with these flags from start-up, signed Slack commands ran a tenth
 * slower (3,054 → 2,746 req/s).
 *
 * Both flags are read by V8 each time it sizes a space, so they take effect when set at run time;
 * a flag the operator gave (command line or NODE_OPTIONS) is theirs and is left alone. The old generation's
 * limit, though, is set at each full collection: until the next one, the limit V8 set at its last
 * (with up to four times the room) still holds, and two replicas peaked at 1.42–1.51× idle in the
 * slot's first seconds. So holding the lean heap starts with one full collection.
 */
const LEAN: Record<string, string> = { 'heap-growing-percent': '20', 'semi-space-growth-factor': '1' };
const V8_DEFAULT: Record<string, string> = { 'heap-growing-percent': '0', 'semi-space-growth-factor': '2' };

/**
 * A full collection. V8 gives `gc` only to contexts made after --expose-gc is set, so a new context
 * hands it over; a process started with --expose-gc already has it.
 */
function collectNow(): void {
  let gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

/** Holds the lean heap while any holder has not released it; returns the release (idempotent). */
export function leanHeap(
  setFlags: (flags: string) => void = setFlagsFromString,
  execArgv: readonly string[] = operatorFlags(),
  collect: () => void = collectNow,
): () => () => void {
  const given = (name: string) => execArgv.some((a) => a.replace(/_/g, '-').startsWith(`--${name}`));
  const names = Object.keys(LEAN).filter((n) => !given(n));
  const apply = (values: Record<string, string>) => {
    if (names.length > 0) setFlags(names.map((n) => `--${n}=${values[n]}`).join(' '));
  };
  let holders = 0;
  return () => {
    if (holders++ === 0) {
      apply(LEAN);
      collect();
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--holders === 0) apply(V8_DEFAULT);
    };
  };
}

/** The process's one lean-heap hold: V8's flags are process-wide. */
export const holdLeanHeap = leanHeap();
