// Small DOM helpers: every text goes in as textContent, never as markup.

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

export const byId = (id) => document.getElementById(id);

/** A number in the page's language (1,234 / 1,234), or "—" when there is none. */
export function num(value, lang, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

/** A rate 0…1 as a percentage. */
export function pct(value, lang) {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** Seconds as "42 秒" / "3.5 分" in zh, "42 s" / "3.5 min" in en. */
export function duration(seconds, t) {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 90) return t('unit.s', { n: Math.round(seconds) });
  if (seconds < 5400) return t('unit.min', { n: (seconds / 60).toFixed(1) });
  return t('unit.h', { n: (seconds / 3600).toFixed(1) });
}
