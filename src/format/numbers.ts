/**
 * Number formatting for phone-sized replies, the same in every language: decimals as the paper
 * printed them, a comma between thousands, and the typographic minus (−) so text and chart ticks
 * match and columns line up.
 */
export function formatNumber(value: number, decimals: number, signed = false): string {
  // toFixed, not toLocaleString: Intl costs ~100 µs a call, most of a reply's budget. This runs a few
  // hundred times a reply, so it avoids regexes and arrays where most figures need neither.
  const digits = Math.abs(value).toFixed(decimals);
  const dot = digits.indexOf('.');
  const whole = dot < 0 ? digits : digits.slice(0, dot);
  const fixed = whole.length > 3 ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (dot < 0 ? '' : digits.slice(dot)) : digits;
  // Rounded to nothing ("0.00"): no sign, whatever the value's.
  if (Number(digits) === 0) return fixed;
  return value < 0 ? `${MINUS}${fixed}` : signed && value > 0 ? `+${fixed}` : fixed;
}

export const MINUS = '−';
