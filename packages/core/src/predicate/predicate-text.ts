import { constantLast } from './constant-last.ts';
import { orderedOperands } from './operand-order.ts';
import { unquotedCharacters } from './unquoted-characters.ts';

/**
 * A partial-index predicate reduced to what text alone can say is insignificant: whitespace
 * runs, the parentheses PostgreSQL wraps around a whole predicate, and keyword case outside
 * quotes. `("deletedAt" IS NULL)` and `"deletedAt" is null` are one predicate; anything subtler
 * (casts the server adds, `<>` for `!=`, operator precedence) is left to the server's deparse.
 */
export function predicateText(predicate: string): string {
  let text = '';
  let quote: string | null = null;
  for (const char of predicate.trim()) {
    if (quote) {
      text += char;
      if (char === quote) quote = null;
    } else if (char === "'" || char === '"') {
      quote = char;
      text += char;
    } else if (/\s/.test(char)) {
      if (!text.endsWith(' ')) text += ' ';
    } else text += char.toLowerCase();
  }
  text = text.replace(/ ?([()]) ?/g, '$1');
  while (text.startsWith('(') && text.endsWith(')') && enclosesAll(text)) text = text.slice(1, -1).trim();
  return text;
}

/** Whether the first parenthesis closes at the last character (quotes skipped). */
function enclosesAll(text: string): boolean {
  for (const { index, char, depth } of unquotedCharacters(text)) if (char === ')' && depth === 0 && index < text.length - 1) return false;
  return true;
}

/**
 * Two predicates are one when their texts agree after `predicateText`, a comparison written constant-first read
 * as its constant-last mirror (`constantLast`: `0 < qty` is `qty > 0`), and the terms of an AND or OR chain and the
 * elements of an IN list in one order (`orderedOperands`); both absent is one too.
 */
export function samePredicate(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (predicateText(a) === predicateText(b)) return true;
  const canonical = (text: string) => predicateText(orderedOperands(constantLast(text), predicateText));
  return canonical(a) === canonical(b);
}
