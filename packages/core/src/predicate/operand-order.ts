import { unquotedCharacters } from './unquoted-characters.ts';

/**
 * A predicate with the operands whose order carries no meaning put in one order: the terms of a chain of only ORs or
 * only ANDs (`b > 0 OR a > 0` is `a > 0 OR b > 0`; SQL's three-valued AND and OR are commutative and promise no
 * evaluation order), and the elements of the list an `IN (...)` becomes (`= ANY (ARRAY[...])`, `= ANY ('{y,x}'::text[])`,
 * and `<> ALL` for `NOT IN`; an `IN (...)` list as written). PostgreSQL keeps the order a predicate was written in, so a CHECK re-created with its
 * IN list or its OR terms reordered would otherwise read as another rule.
 *
 * Read conservatively, as `constantLast` reads: every parenthesized group at any depth, quotes respected; a chain that
 * mixes AND and OR at one level, an array literal with quoted or nested elements, and unbalanced text are left as
 * written. `key` is what terms are ordered by (the caller's normalized spelling, so that two spellings of one predicate
 * order alike); by default the text itself.
 */
export function orderedOperands(text: string, key: (term: string) => string = (term) => term): string {
  let rebuilt = '';
  let from = 0;
  let open = -1;
  for (const { index, char, depth } of unquotedCharacters(text)) {
    if (char === '(' && depth === 0) open = index;
    else if (char === ')' && depth === 0 && open >= 0) {
      const inner = orderedOperands(text.slice(open + 1, index), key);
      // the list of `IN (...)`: only right after `= ANY` or `<> ALL`, where element order means nothing
      const before = text.slice(0, open);
      const list = /(?:=\s*ANY|<>\s*ALL)\s*$/i.test(before) ? orderedList(inner) : /\bIN\s*$/i.test(before) ? orderedElements(inner) : inner;
      rebuilt += `${text.slice(from, open + 1)}${list})`;
      from = index + 1;
      open = -1;
    }
  }
  if (open >= 0) return text;
  rebuilt += text.slice(from);
  return orderedChain(rebuilt, key);
}

/** The terms of a top-level chain of only ANDs or only ORs, ordered by `key`; anything else unchanged. */
function orderedChain(text: string, key: (term: string) => string): string {
  const terms: string[] = [];
  const operators = new Set<string>();
  let start = 0;
  for (const { index, depth } of unquotedCharacters(text)) {
    if (depth !== 0) continue;
    const word = /^(and|or)\b/i.exec(text.slice(index, index + 4))?.[1];
    if (word === undefined || (index > 0 && !/[\s)]/.test(text[index - 1]!)) || !/[\s(]/.test(text[index + word.length] ?? '')) continue;
    terms.push(text.slice(start, index).trim());
    operators.add(word.toUpperCase());
    start = index + word.length;
  }
  if (operators.size !== 1) return text;
  terms.push(text.slice(start).trim());
  const [operator] = operators;
  const lead = /^\s*/.exec(text)![0];
  const trail = /\s*$/.exec(text)![0];
  return `${lead}${terms.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).join(` ${operator} `)}${trail}`;
}

/** The elements of `ARRAY[...]` or of a `'{...}'` array literal, the whole text inside `= ANY (...)` / `<> ALL (...)`, sorted. */
function orderedList(text: string): string {
  return text
    .replace(/^(\s*ARRAY\[)([^[\]]*)(\](?:::[\w\s[\]]+)?\s*)$/i, (whole, head: string, body: string, tail: string) => {
      const ordered = orderedElements(body);
      return ordered === body ? whole : `${head}${ordered}${tail}`;
    })
    .replace(
      /^(\s*'\{)([^'"{}\\]*)(\}'::[\w\s]+\[\]\s*)$/,
      (_whole, head: string, body: string, tail: string) => `${head}${body.split(',').sort().join(',')}${tail}`,
    );
}

/** A comma-separated list (outside quotes and parentheses) sorted, joined by ', '; unchanged when an element is empty. */
function orderedElements(text: string): string {
  const parts: string[] = [];
  let start = 0;
  for (const { index, char, depth } of unquotedCharacters(text)) {
    if (char !== ',' || depth !== 0) continue;
    parts.push(text.slice(start, index).trim());
    start = index + 1;
  }
  parts.push(text.slice(start).trim());
  return parts.every((part) => part !== '') ? parts.sort().join(', ') : text;
}
