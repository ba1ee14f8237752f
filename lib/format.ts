/** Display formatting shared by pages, exports and reports. */
export const formatNumber = (n: number | null | undefined, digits = 0) =>
  n == null || Number.isNaN(n) ? '—' : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

export const formatUsd = (n: number | string | null | undefined, digits = 2) => {
  if (n == null || n === '') return '—';
  const v = Number(n);
  return `$${v.toLocaleString('en-US', { minimumFractionDigits: v < 1 && v > 0 ? Math.max(digits, 3) : digits, maximumFractionDigits: v < 1 && v > 0 ? 4 : digits })}`;
};

export const formatMoneyCents = (cents: number | null | undefined, currency = 'USD') =>
  cents == null ? '—' : (cents / 100).toLocaleString('en-US', { style: 'currency', currency, maximumFractionDigits: 0 });

export const formatFlop = (flop: number | null | undefined) => {
  if (flop == null) return '—';
  const exp = Math.floor(Math.log10(flop));
  const mantissa = flop / 10 ** exp;
  return `${mantissa.toFixed(1)}×10^${exp}`;
};

export const formatDate = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '—');
