/**
 * Number formatting for phone-sized replies. Mt with two decimals (three when the paper prints three:
 * rounding −0.026 Mt to −0.03 would hide what the source says), kt with one, percentages as printed
 * (whole, or up to two decimals). Minus is the typographic minus so columns line up.
 */
export function formatNumber(value: number, decimals: number, signed = false): string {
  // toFixed and a regex, not toLocaleString: Intl costs ~100 µs a call, most of a reply's budget.
  const [whole, fraction] = Math.abs(value).toFixed(decimals).split('.');
  const fixed = `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
  const negative = value < 0 && /[1-9]/.test(fixed);
  const sign = negative ? '−' : signed && value > 0 ? '+' : '';
  return `${sign}${fixed}`;
}

/** Decimal places needed to show `value` as printed, between `min` and `max`. */
function decimalsFor(value: number, min: number, max: number): number {
  for (let d = min; d < max; d++) {
    if (Math.abs(Math.round(value * 10 ** d) - value * 10 ** d) < 1e-6) return d;
  }
  return max;
}

export function formatMt(value: number, signed = false): string {
  return `${formatNumber(value, decimalsFor(value, 2, 3), signed)} Mt`;
}

export function formatKt(value: number, signed = false): string {
  return `${formatNumber(value, 1, signed)} kt`;
}

export function formatPct(value: number, signed = false): string {
  return `${formatNumber(value, decimalsFor(value, 0, 2), signed)} %`;
}

export function formatPp(value: number): string {
  return `${formatNumber(value, decimalsFor(value, 0, 1), true)} pp`;
}
