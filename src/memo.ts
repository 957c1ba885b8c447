/**
 * The two caches the code keeps: a value computed once per object and key (the objects never change,
 * so it is a memo that cannot go stale, and it goes with its object), and a bounded map that drops
 * the least recently used entry.
 */

/** `make()` once per `owner` and `key`, kept as long as `owner` lives. */
export function memoOn<O extends object, K, V>(store: WeakMap<O, Map<K, V>>, owner: O, key: K, make: () => V): V {
  let byKey = store.get(owner);
  if (!byKey) {
    byKey = new Map();
    store.set(owner, byKey);
  }
  if (byKey.has(key)) return byKey.get(key) as V;
  const value = make();
  byKey.set(key, value);
  return value;
}

/**
 * At most `capacity` entries; the least recently used goes first. A read moves its entry to the
 * newest end only once it has drifted into the older half (more than `capacity / 2` writes and moves
 * since it was last placed): a hot entry read again and again costs one lookup, not a delete and an
 * insert each time, and an entry read within the newer half is never the next one out.
 */
export class Lru<K, V> {
  private readonly entries = new Map<K, { value: V; placed: number }>();
  /** Counts writes and moves: an entry's `placed` is its position in time. */
  private clock = 0;
  constructor(private readonly capacity: number) {}

  /** The value, kept from going out next. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (this.clock - entry.placed > this.capacity / 2) {
      this.entries.delete(key);
      entry.placed = ++this.clock;
      this.entries.set(key, entry);
    }
    return entry.value;
  }

  set(key: K, value: V): void {
    if (this.capacity <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, { value, placed: ++this.clock });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
