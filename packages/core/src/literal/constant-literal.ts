/**
 * The text of a default that is one constant and nothing else — `'x'`, `'x'::type`, `TYPE 'x'`,
 * `-1`, `1e-7`, `B'101'`, in parentheses or not — or undefined for any other expression. Only such
 * defaults may be handed to the server to compare: a constant's input function runs, never a
 * function of the user's.
 */
export function constantLiteral(expression: string | null): string | undefined {
  if (expression === null) return undefined;
  let text = expression.trim();
  for (;;) {
    const unwrapped = /^\((.*)\)$/s.exec(text)?.[1];
    const cast =
      /^(.*?)\s*::\s*(?:"[^"]*"|[a-z_][\w$]*)(?:\s*\.\s*(?:"[^"]*"|[a-z_][\w$]*))?(?:\s+(?:varying|precision))?(?:\s*\([\d\s,]*\))?(?:\s+with(?:out)?\s+time\s+zone)?(?:\s*\[\d*\])*$/is.exec(
        text,
      )?.[1];
    if (unwrapped !== undefined && balanced(unwrapped)) text = unwrapped.trim();
    else if (cast !== undefined && cast !== '' && balanced(cast)) text = cast.trim();
    else break;
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return text;
  const quoted = /^(?:[a-z_][\w ]*?\s*(?:\(\s*\d+\s*\))?(?:\s+with(?:out)?\s+time\s+zone)?\s*)?'((?:[^']|'')*)'$/is.exec(text);
  if (quoted?.[1] === undefined) return undefined;
  const prefix = text.slice(0, text.indexOf("'")).trim().toLowerCase();
  if (prefix === 'b') return quoted[1];
  if (prefix === 'x') return [...quoted[1]].map((digit) => Number.parseInt(digit, 16).toString(2).padStart(4, '0')).join('');
  if (prefix === 'e') return undefined; // escape strings: left to the text comparison
  return quoted[1].replace(/''/g, "'");
}

function balanced(text: string): boolean {
  let depth = 0;
  let quoted = false;
  for (const char of text) {
    if (char === "'") quoted = !quoted;
    if (quoted) continue;
    if (char === '(') depth++;
    if (char === ')' && --depth < 0) return false;
  }
  return depth === 0 && !quoted;
}
