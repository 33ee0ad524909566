/**
 * A number literal of a numeric column in one spelling: `1e-7`, `0.0000001` and `'1e-07'` are one
 * `numeric`; in a `real` or `double precision` column every spelling of the same binary value is one
 * (`'1e-07'::double precision` is how PostgreSQL prints `0.0000001`); in a `money` column the
 * currency symbol and digit grouping of `'$1,000.00'` are output format, not value.
 * Returns undefined when the text is no number of that type.
 */
export function canonicalNumeric(text: string, typeName: string): string | undefined {
  let value = text.trim();
  if (typeName === 'money') {
    // money_out writes `$1,000.00` or `-$1.00` (lc_monetary decides the symbol); drop all but sign, digits and point
    const negative = /^-|^\(.*\)$/.test(value);
    value = value.replace(/[^\d.]/g, '');
    if (value === '') return undefined;
    if (negative) value = `-${value}`;
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value)) return undefined;
  if (typeName === 'real' || typeName === 'double precision') return String(Number(value));
  return exactDecimal(value);
}

/** Plain decimal text without exponent, leading or trailing zeros: `-1.50e2` → `-150`. Exact, no binary rounding. */
function exactDecimal(text: string): string {
  const match = /^([+-])?(\d*)\.?(\d*)(?:e([+-]?\d+))?$/i.exec(text)!;
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  let digits = `${whole}${fraction}`;
  let point = whole.length + Number(exponent);
  if (point < 0) {
    digits = `${'0'.repeat(-point)}${digits}`;
    point = 0;
  }
  if (point > digits.length) digits = digits.padEnd(point, '0');
  const integer = digits.slice(0, point).replace(/^0+/, '') || '0';
  const decimals = digits.slice(point).replace(/0+$/, '');
  const body = decimals === '' ? integer : `${integer}.${decimals}`;
  return sign === '-' && body !== '0' ? `-${body}` : body;
}
