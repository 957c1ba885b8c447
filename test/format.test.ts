import { describe, expect, it } from 'vitest';
import { formatKt, formatMt, formatNumber, formatPct } from '../src/format/numbers.js';

describe('number formatting', () => {
  it('Mt with two decimals, three when the paper prints three', () => {
    expect(formatMt(9.15)).toBe('9.15 Mt');
    expect(formatMt(1.7)).toBe('1.70 Mt');
    expect(formatMt(-0.026)).toBe('−0.026 Mt');
    expect(formatMt(4.2, true)).toBe('+4.20 Mt');
    expect(formatMt(0)).toBe('0.00 Mt');
  });

  it('kt with thousands separators, % as printed', () => {
    expect(formatKt(2165.8)).toBe('2,165.8 kt');
    expect(formatKt(1234567.25)).toBe('1,234,567.3 kt');
    expect(formatPct(76.08)).toBe('76.08 %');
    expect(formatPct(44)).toBe('44 %');
    expect(formatPct(19.315, true)).toBe('+19.32 %');
  });

  it('never prints a negative zero', () => {
    expect(formatNumber(-0.0001, 2)).toBe('0.00');
    expect(formatNumber(-1.5, 1)).toBe('−1.5');
  });
});
