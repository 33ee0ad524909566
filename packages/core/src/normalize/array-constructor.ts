/**
 * An `ARRAY[...]` constructor of constants as the equivalent array literal text (`{7,13}`),
 * or undefined when it holds anything but constants. Sequelize sends `ARRAY[7,13]::INTEGER[]`
 * and `pg_get_expr()` prints it back as `ARRAY[7, 13]`, with a cast on every string element
 * and a negative number as `('-2'::integer)::numeric`; a migration may write `'{7,13}'`.
 * All of them are one value. Takes text already lower-cased outside quotes and without casts.
 */
export function arrayConstructorLiteral(text: string): string | undefined {
  const match = /^array\s*\[(.*)\]$/s.exec(text);
  if (match?.[1] === undefined) return undefined;
  const elements: string[] = [];
  for (const raw of splitTopLevel(match[1])) {
    const element = constant(raw);
    if (element === undefined) return undefined;
    elements.push(element);
  }
  return `{${elements.join(',')}}`;
}

/** One constant as an array-literal element: a quoted string, a number, a boolean or NULL. */
function constant(raw: string): string | undefined {
  let text = raw.trim();
  while (text.startsWith('(') && text.endsWith(')')) text = text.slice(1, -1).trim();
  const quoted = /^'((?:[^']|'')*)'$/.exec(text);
  if (quoted?.[1] !== undefined) return `"${quoted[1].replace(/''/g, "'").replace(/(["\\])/g, '\\$1')}"`;
  if (/^-?\d+(?:\.\d+)?$/.test(text) || text === 'true' || text === 'false') return text;
  if (text === 'null') return 'NULL';
  return undefined;
}

/** Splits on commas outside quotes, parentheses and brackets. */
function splitTopLevel(text: string): string[] {
  if (text.trim() === '') return [];
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === "'") quoted = !quoted; // a doubled '' toggles twice
    if (quoted) continue;
    if (char === '(' || char === '[') depth++;
    else if (char === ')' || char === ']') depth--;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
