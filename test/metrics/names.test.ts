import { describe, expect, it } from 'vitest';
import { loadEdition, loadNames } from '../../src/dataset/load.js';
import { NameIndex, normalizeName } from '../../src/metrics/names.js';
import { closestWords } from '../../src/framework/suggest.js';
import { PAPER_YEAR } from '../support/core.js';

const names = new NameIndex(loadEdition('data', PAPER_YEAR, loadNames('data')));

describe('name resolution', () => {
  it.each([
    ['Yunnan', 'Yunnan'],
    ['yunnan', 'Yunnan'],
    ['云南', 'Yunnan'],
    ['云南省', 'Yunnan'],
    ['inner-mongolia', 'Inner Mongolia'],
    ['Nei Mongol', 'Inner Mongolia'],
    ['IMAR', 'Inner Mongolia'],
    ['内蒙古', 'Inner Mongolia'],
  ])('%s → %s', (typed, name) => {
    expect(names.resolve('province', typed)).toEqual({ ok: true, name });
  });

  it('countries by English, Chinese or short name', () => {
    expect(names.resolve('country', 'UAE')).toEqual({ ok: true, name: 'United Arab Emirates' });
    expect(names.resolve('country', '阿联酋')).toEqual({ ok: true, name: 'United Arab Emirates' });
    expect(names.resolve('country', 'korea')).toEqual({ ok: true, name: 'South Korea' });
  });

  it('typos get the closest names; unrelated words get none (Beijing never suggests Inner Mongolia)', () => {
    expect(names.resolve('province', 'Yunan')).toMatchObject({ ok: false, suggestions: ['Yunnan'] });
    expect(names.resolve('province', 'xinjang')).toMatchObject({ ok: false, suggestions: ['Xinjiang'] });
    expect(names.resolve('province', 'Beijing')).toEqual({ ok: false, suggestions: [] });
    expect(names.resolve('province', 'Hubei')).toEqual({ ok: false, suggestions: [] });
    expect(names.resolve('country', 'Germany')).toEqual({ ok: false, suggestions: [] });
    expect(names.resolve('country', 'Malaysa')).toMatchObject({ suggestions: ['Malaysia'] });
  });

  it('aggregates are recognised as such', () => {
    expect(names.resolve('province', 'Others')).toMatchObject({ ok: false, aggregate: 'Others' });
    expect(names.resolve('province', 'China')).toMatchObject({ ok: false, aggregate: 'Total' });
    expect(names.resolve('province', '全国')).toMatchObject({ ok: false, aggregate: 'Total' });
  });

  it('autocomplete: prefix first, Chinese, at most the limit, every name when nothing is typed', () => {
    expect(names.suggest('province', 'Gu', 5)).toEqual(['Guangxi', 'Guizhou']);
    expect(names.suggest('province', '内', 5)).toEqual(['Inner Mongolia']);
    expect(names.suggest('province', '', 25)).toHaveLength(11);
    expect(names.chinese('province', 'Yunnan')).toBe('云南');
  });

  it('normalises case, spaces, hyphens and accents', () => {
    expect(normalizeName(' Inner–Mongolia ')).toBe(normalizeName('inner mongolia'));
    expect(normalizeName('Nei Mongol')).toBe('neimongol');
  });

  it('did-you-mean for short word lists: prefixes, then near misses, never unrelated words', () => {
    const metrics = ['capacity', 'output', 'utilization', 'demand', 'balance', 'domestic-balance', 'exports', 'high-share', 'shutdown-share'];
    expect(closestWords('cap', metrics)).toEqual(['capacity']);
    expect(closestWords('utilisation', metrics)).toEqual(['utilization']);
    expect(closestWords('dem', metrics)).toEqual(['demand']);
    expect(closestWords('size', metrics)).toEqual([]);
  });
});
