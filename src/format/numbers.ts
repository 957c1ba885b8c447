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

/**
 * Moves the decimal point of a printed number, digit for digit: "1.70" → "170", "0.775" → "77.5",
 * "2,165.8" → "216.58" (places −1). No arithmetic, so the printed precision is kept exactly and no
 * float error creeps in. Sign and a leading qualifier ("≈", ">") stay; grouping commas are dropped.
 */
export function shiftPoint(text: string, places: number): string {
  const m = /^([^\d]*?)([\d,]+(?:\.\d+)?)(.*)$/.exec(text);
  if (!m) return text;
  const [, prefix = '', number = '', suffix = ''] = m;
  const [int = '', frac = ''] = number.replace(/,/g, '').split('.');
  let digits = int + frac;
  let point = int.length + places;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  digits = digits.padEnd(point, '0');
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(point);
  return `${prefix}${rest ? `${whole}.${rest}` : whole}${suffix}`;
}
