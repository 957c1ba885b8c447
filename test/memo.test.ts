import { describe, expect, it } from 'vitest';
import { Lru } from '../src/memo.js';

describe('the bounded cache (Lru)', () => {
  it('keeps at most its capacity, the least recently used out first; a read keeps an entry from going out next', () => {
    const lru = new Lru<string, number>(4);
    for (const [i, k] of ['a', 'b', 'c', 'd'].entries()) lru.set(k, i);
    // "a" was placed 4 writes ago, more than half the capacity: the read moves it to the newest end.
    expect(lru.get('a')).toBe(0);
    lru.set('e', 4);
    expect(lru.get('b')).toBeUndefined();
    expect([lru.get('a'), lru.get('c'), lru.get('d'), lru.get('e')]).toEqual([0, 2, 3, 4]);
  });

  it('keeps an entry read again and again, however many come and go around it', () => {
    const lru = new Lru<number, number>(10);
    for (let i = 0; i < 10; i++) lru.set(i, i);
    for (let n = 10; n < 1000; n++) {
      // 0 is read every round; it is moved only once it has drifted into the older half.
      expect(lru.get(0)).toBe(0);
      lru.set(n, n);
    }
    expect(lru.get(999)).toBe(999);
    // The ones never read went out in the order they came.
    expect(lru.get(989)).toBeUndefined();
    expect(lru.get(5)).toBeUndefined();
  });

  it('keeps nothing at capacity 0, and reads an undefined value as one', () => {
    const none = new Lru<string, number>(0);
    none.set('a', 1);
    expect(none.get('a')).toBeUndefined();
    const lru = new Lru<string, number | undefined>(2);
    lru.set('a', undefined);
    lru.set('b', 2);
    expect(lru.get('b')).toBe(2);
  });
});
