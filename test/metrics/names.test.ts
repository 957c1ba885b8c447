import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/dataset/load.js';
import { bilingualName, NameIndex } from '../../src/metrics/names.js';

const names = new NameIndex(loadDataset('data'));

describe('name resolution', () => {
  it.each([
    ['Yunnan', 'Yunnan'],
    ['yunnan', 'Yunnan'],
    ['  YUNNAN ', 'Yunnan'],
    ['云南', 'Yunnan'],
    ['山东', 'Shandong'],
    ['内蒙古', 'Inner Mongolia'],
    ['Nei Mongol', 'Inner Mongolia'],
    ['IMAR', 'Inner Mongolia'],
    ['inner-mongolia', 'Inner Mongolia'],
  ])('%s is %s', (typed, name) => {
    expect(names.resolve('province', typed)).toEqual({ ok: true, name });
  });

  it('resolves countries by alias', () => {
    expect(names.resolve('country', 'UAE')).toEqual({ ok: true, name: 'United Arab Emirates' });
    expect(names.resolve('country', '马来西亚')).toEqual({ ok: true, name: 'Malaysia' });
    expect(names.resolve('country', 'korea')).toEqual({ ok: true, name: 'South Korea' });
  });

  it('suggests the right name for typos', () => {
    const r = names.resolve('province', 'Yunan');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.suggestions[0]).toBe('Yunnan');
    const s = names.resolve('province', 'Shangdong');
    expect(!s.ok && s.suggestions[0]).toBe('Shandong');
    const c = names.resolve('country', 'Malasia');
    expect(!c.ok && c.suggestions[0]).toBe('Malaysia');
  });

  it('marks aggregates instead of guessing', () => {
    const r = names.resolve('province', 'Others');
    expect(r).toMatchObject({ ok: false, aggregate: 'Others' });
  });

  it('autocompletes by prefix, Chinese included, at most the limit', () => {
    expect(names.suggest('province', 'in', 25)[0]).toBe('Inner Mongolia');
    expect(names.suggest('province', '内', 25)).toContain('Inner Mongolia');
    expect(names.suggest('province', '', 5)).toHaveLength(5);
    expect(names.suggest('province', '', 99)).toHaveLength(11);
  });

  it('labels charts with the Chinese name', () => {
    expect(bilingualName(names, 'province', 'Yunnan')).toBe('Yunnan 云南');
  });
});
