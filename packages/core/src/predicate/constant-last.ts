import { unquotedCharacters } from './unquoted-characters.ts';

/** Each comparison operator and the one that reads the same with its operands swapped (its commutator). */
const flipped: Readonly<Record<string, string>> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=', '=': '=', '<>': '<>', '!=': '!=' };

/** A number or a quoted string, with or without a sign and casts: `0`, `-1.5`, `'-1'::integer`, `'a'::character varying`. */
const constant =
  /^(?:[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|'(?:[^']|'')*')(?:\s*::\s*[a-z_][\w$]*(?:\s+[a-z_][\w$]*)*(?:\s*\(\s*\d+(?:\s*,\s*\d+)*\s*\))?(?:\[\])*)*$/i;

/**
 * A comparison written constant-first turned constant-last, the way most models and PostgreSQL's own
 * examples write it: `0 < qty` is `qty > 0`, `'a'::text = name` is `name = 'a'::text`. PostgreSQL keeps the
 * order a predicate was written in (its deparse does not commute), so a CHECK or a partial-index predicate
 * re-created as `(0 < qty)` would otherwise read as another rule than the declared `qty > 0`, although the
 * server treats them as one (the planner proves either from the other).
 *
 * The text is read conservatively, without a full SQL parser: each top-level AND conjunct, and every
 * parenthesized group at any depth (PostgreSQL's deparse parenthesizes each comparison), is turned when it is
 * exactly `constant op operand` with one of `<`, `>`, `<=`, `>=`, `=`, `<>` / `!=`, the constant a number or a
 * quoted string with or without casts, and the operand not a constant. Anything else is left as written. The
 * flip assumes the operator's commutator is the mirrored one, as it is for every built-in comparison; an
 * operator PostgreSQL prints qualified (`OPERATOR(s.<)`, one off the search path) is not touched.
 * Quotes are respected; the result is the text with only those comparisons rewritten.
 */
export function constantLast(text: string): string {
  // groups first, innermost before outermost, so that a group sees its parts already turned
  let rebuilt = '';
  let from = 0;
  let open = -1;
  for (const { index, char, depth } of unquotedCharacters(text)) {
    if (char === '(' && depth === 0) open = index;
    else if (char === ')' && depth === 0 && open >= 0) {
      rebuilt += `${text.slice(from, open + 1)}${constantLast(text.slice(open + 1, index))})`;
      from = index + 1;
      open = -1;
    }
  }
  // an unbalanced text is left as written
  if (open >= 0) return text;
  rebuilt += text.slice(from);
  return turnConjuncts(rebuilt);
}

/** Each top-level AND conjunct of the text turned when it is a constant-first comparison. */
function turnConjuncts(text: string): string {
  const parts: string[] = [];
  let start = 0;
  for (const { index, depth } of unquotedCharacters(text)) {
    if (depth !== 0 || !/^and$/i.test(text.slice(index, index + 3)) || !boundary(text, index - 1) || !boundary(text, index + 3)) continue;
    parts.push(text.slice(start, index));
    parts.push(text.slice(index, index + 3));
    start = index + 3;
  }
  parts.push(text.slice(start));
  return parts.map((part, i) => (i % 2 === 0 ? turnComparison(part) : part)).join('');
}

function boundary(text: string, index: number): boolean {
  return index < 0 || index >= text.length || /[\s()]/.test(text[index]!);
}

/** `constant op operand` as `operand op' constant`, the surrounding whitespace kept; anything else unchanged. */
function turnComparison(text: string): string {
  const operators: { index: number; operator: string }[] = [];
  const chars = [...unquotedCharacters(text)].filter(({ depth, char }) => depth === 0 && char !== '(' && char !== ')');
  for (let i = 0; i < chars.length; i++) {
    const { index, char } = chars[i]!;
    if (!'<>=!'.includes(char)) continue;
    // the run of operator characters at this place (`<=`, `<>`, `!=`), read once
    let end = index + 1;
    while (end < text.length && '<>=!~*+-/%^&|#@?'.includes(text[end]!)) end++;
    const before = text[index - 1];
    if (before !== undefined && '<>=!~*+-/%^&|#@?:'.includes(before)) continue;
    operators.push({ index, operator: text.slice(index, end) });
    i += end - index - 1;
  }
  if (operators.length !== 1) return text;
  const { index, operator } = operators[0]!;
  const mirror = flipped[operator];
  if (mirror === undefined) return text;
  const left = text.slice(0, index);
  const right = text.slice(index + operator.length);
  const leftText = left.trim();
  const rightText = right.trim();
  if (!constant.test(leftText) || constant.test(rightText) || !operand(rightText)) return text;
  const lead = /^\s*/.exec(text)![0];
  const trail = /\s*$/.exec(text)![0];
  return `${lead}${rightText} ${mirror} ${leftText}${trail}`;
}

/**
 * One operand PostgreSQL would read as a whole on that side of a comparison: a name (qualified or quoted), a
 * function call or a parenthesized group, with or without casts. Arithmetic (`qty + 1`) is left alone: the
 * flip would stay right, but a text this small reader cannot vouch for is not rewritten.
 */
function operand(text: string): boolean {
  const name = String.raw`(?:"(?:[^"]|"")+"|[a-z_][\w$]*)`;
  const cast = String.raw`(?:\s*::\s*[a-z_][\w$]*(?:\s+[a-z_][\w$]*)*(?:\s*\(\s*\d+(?:\s*,\s*\d+)*\s*\))?(?:\[\])*)*`;
  const head = new RegExp(String.raw`^(?:${name}(?:\s*\.\s*${name})*)?\s*`, 'i').exec(text)![0];
  // `0 = ANY (array)` is no comparison of two operands
  if (/^(?:any|all|some|array|not|exists)\s*$/i.test(head)) return false;
  let rest = text.slice(head.length);
  if (rest.startsWith('(')) {
    let close = -1;
    for (const { index, char, depth } of unquotedCharacters(rest)) {
      if (char === ')' && depth === 0) {
        close = index;
        break;
      }
    }
    if (close < 0) return false;
    rest = rest.slice(close + 1);
  } else if (head.trim() === '') return false;
  return new RegExp(`^${cast}$`, 'i').test(rest.trim());
}
