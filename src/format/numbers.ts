/**
 * Number formatting for phone-sized replies, the same in every language: decimals as the paper
 * printed them, a comma between thousands, and the typographic minus (−) so text and chart ticks
 * match and columns line up.
 */
export function formatNumber(value: number, decimals: number, signed = false): string {
  // toFixed and a regex, not toLocaleString: Intl costs ~100 µs a call, most of a reply's budget.
  const [whole, fraction] = Math.abs(value).toFixed(decimals).split('.');
  const fixed = `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
  const negative = value < 0 && /[1-9]/.test(fixed);
  const sign = negative ? MINUS : signed && value > 0 && /[1-9]/.test(fixed) ? '+' : '';
  return `${sign}${fixed}`;
}

export const MINUS = '−';
