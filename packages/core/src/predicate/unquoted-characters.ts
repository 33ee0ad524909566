/** A character of SQL text outside quotes, with the depth of parentheses it stands at. */
export interface UnquotedCharacter {
  readonly index: number;
  readonly char: string;
  /** Parentheses open around it: an opening one counts those before it, a closing one those still open after it. */
  readonly depth: number;
}

/**
 * Each character of SQL text from `from` on that stands outside a quoted literal or identifier ('…' and "…"; a
 * doubled quote inside closes and reopens, which skips the same characters), with its parenthesis depth: the
 * one walk the text parsers of predicates and EXCLUDE definitions share.
 */
export function* unquotedCharacters(text: string, from = 0): Generator<UnquotedCharacter> {
  let depth = 0;
  let quote: string | null = null;
  for (let index = from; index < text.length; index++) {
    const char = text[index]!;
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '(') yield { index, char, depth: depth++ };
    else if (char === ')') yield { index, char, depth: --depth };
    else yield { index, char, depth };
  }
}
