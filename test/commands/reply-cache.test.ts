import { describe, expect, it } from 'vitest';
import { ReplyCache } from '../../src/commands/reply-cache.js';
import type { Reply } from '../../src/commands/reply.js';
import { core } from '../support/core.js';

const reply = (title: string): Reply => ({ tone: 'info', title, fields: [{ label: 'a', value: 'b' }] });

describe('reply cache', () => {
  it('evicts the least recently used entry beyond capacity', () => {
    const cache = new ReplyCache(2);
    cache.set('a', reply('A'));
    cache.set('b', reply('B'));
    cache.get('a');
    cache.set('c', reply('C'));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.title).toBe('A');
    expect(cache.size).toBe(2);
  });

  it('freezes what it stores, so no caller can change the next answer', () => {
    const cache = new ReplyCache();
    cache.set('x', reply('X'));
    const hit = cache.get('x')!;
    expect(() => ((hit.fields as { value: string }[])[0]!.value = 'changed')).toThrow();
  });

  it('skips very long keys (junk input does not fill the cache)', () => {
    const cache = new ReplyCache();
    cache.set('y'.repeat(500), reply('Y'));
    expect(cache.size).toBe(0);
  });

  it('the core serves a repeated line from the cache with the same answer as computing it', async () => {
    const first = await core().ask('/province Henan');
    const second = await core().ask('/province Henan');
    expect(second).toBe(first);
    expect(await core().answer('/province Henan')).toEqual(first);
  });
});
