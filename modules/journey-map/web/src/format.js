// Number formatting for the overlay and the timeline (pure).

const UNITS = [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million'], [1e3, 'thousand']];

/** 1.234e12 → "1.23 trillion"; small numbers as they are, with up to 3 significant digits. */
export function humanNumber(x, locale = 'en') {
  if (!Number.isFinite(x)) return '—';
  for (const [size, word] of UNITS) {
    if (Math.abs(x) >= size) return `${new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 }).format(x / size)} ${word}`;
  }
  return new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 }).format(x);
}

/** FLOPs in scientific notation: 8.4e22 → "8.40 × 10²²". */
export function scientific(x) {
  if (!Number.isFinite(x) || x <= 0) return String(x);
  const e = Math.floor(Math.log10(x));
  const m = x / 10 ** e;
  const sup = String(e).split('').map((d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)] ?? '⁻').join('');
  return `${m.toFixed(2)} × 10${sup}`;
}

/** Days as "3.2 days", "5.1 months" or "2.4 years". */
export function humanDays(days) {
  if (!Number.isFinite(days)) return '—';
  if (days < 1) return `${(days * 24).toPrecision(3)} hours`;
  if (days < 60) return `${days.toPrecision(3)} days`;
  if (days < 730) return `${(days / 30.44).toPrecision(3)} months`;
  return `${(days / 365.25).toPrecision(3)} years`;
}

/** Markdown from the content service as plain paragraphs (the list and the preview show text, not HTML). */
export function plainParagraphs(markdown) {
  return String(markdown || '')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s?\[@[^\]]+\]/g, '').replace(/\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g, (_, a, b) => (b || a).replace(/-/g, ' '))
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1').replace(/[*_`#>]+/g, '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}
