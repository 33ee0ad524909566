/**
 * The password of a connection string as it may appear in a message: as written, and percent-decoded when it
 * decodes. Read from the raw text, not through a URL parser, so that a URL no parser accepts still yields it:
 * the userinfo ends at the last "@" (an unencoded "@" in the password still hides behind it), the password starts
 * after its first ":". A `password=` keyword (keyword/value connection string, query parameter) yields its value too.
 * Empty when the string holds no password.
 */
export function passwordsOf(url: string): string[] {
  const found = new Set<string>();
  // keyword/value (`host=db password=secret`) or query (`?password=secret`, `&sslpassword=secret`) spellings
  for (const match of url.matchAll(/password\s*=\s*('(?:[^'\\]|\\.)*'|[^\s&]*)/gi)) {
    const value = match[1]!.startsWith("'") ? match[1]!.slice(1, -1).replace(/\\(.)/g, '$1') : match[1]!;
    if (value !== '') found.add(value).add(decodeOrRaw(value));
  }
  const raw = userinfoPassword(url);
  if (raw) {
    found.add(raw).add(decodeOrRaw(raw));
    // a password cut short by an unencoded "/", "?" or "#" may be quoted in part: its first piece too
    const piece = raw.split(/[/?#]/)[0];
    if (piece) found.add(piece);
  }
  return [...found].sort((a, b) => b.length - a.length);
}

/** The password between the userinfo's first ":" and its last "@", as written; with or without a `scheme://`. */
function userinfoPassword(url: string): string | undefined {
  const rest = url.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\//, '');
  const at = rest.lastIndexOf('@');
  if (at < 0) return undefined;
  const userinfo = rest.slice(0, at);
  const colon = userinfo.indexOf(':');
  return colon < 0 ? undefined : userinfo.slice(colon + 1);
}

/** Percent-decoded, or as written when it does not decode: then only the raw form can appear. */
function decodeOrRaw(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * `text` with `url`'s password (as written or decoded) replaced by `***` wherever it stands where a connection
 * string's userinfo holds its password, between the `:` after the user and the `@` (`postgres://app:***@host`), or
 * as the value of a `password=` keyword (`host=db password=***`, `?sslpassword=***`). The
 * last line of defence for messages that quote a piece of a connection string. Only there: a password is often a
 * plain word (`postgres`) that a message also uses as a user (`postgres://postgres@host`, the form a redacted URL
 * prints), a database or a URL scheme, and those must read as they are.
 */
export function redactPassword(text: string, url: string | undefined): string {
  if (!url) return text;
  let redacted = text;
  for (const password of passwordsOf(url)) {
    redacted = redacted.split(`:${password}@`).join(':***@');
    // as a keyword's value: `password=secret`, `sslpassword='secret'`
    redacted = redacted.replace(new RegExp(`(password\\s*=\\s*'?)${escapeRegExp(password)}`, 'gi'), '$1***');
  }
  return redacted;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
