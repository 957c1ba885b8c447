import type { Reply } from './reply.js';

/**
 * Replies to recent command lines. The dataset never changes while the bot runs, so the same line
 * always gets the same answer; a meeting asking "/province Yunnan" five times computes it once.
 * Bounded (least recently used out first) and only for commands that do not depend on who asks.
 */
export class ReplyCache {
  private readonly entries = new Map<string, Reply>();

  constructor(
    private readonly capacity = 1000,
    private readonly maxKeyLength = 200,
  ) {}

  get(key: string): Reply | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Map keeps insertion order: re-inserting marks the entry as most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, reply: Reply): void {
    if (key.length > this.maxKeyLength) return;
    this.entries.set(key, deepFreeze(reply));
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Cached replies are shared between requests: frozen, so no renderer can change one for the next user. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
