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

/** At most `capacity` entries; a read or write makes an entry the most recent, the oldest goes first. */
export class Lru<K, V> {
  private readonly entries = new Map<K, V>();
  constructor(private readonly capacity: number) {}

  /** The value, made the most recent. (An entry set to undefined reads as absent.) */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    if (this.capacity <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
