/**
 * The password of a connection string as it may appear in a message: as written, and percent-decoded when it
 * decodes. Read from the raw text, not through a URL parser, so that a URL no parser accepts still yields it:
 * the userinfo ends at the last "@" (an unencoded "@" in the password still hides behind it), the password starts
 * after its first ":". Empty when the string holds no password.
 */
export function passwordsOf(url: string): string[] {
  const rest = url.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\//, '');
  const at = rest.lastIndexOf('@');
  if (at < 0) return [];
  const userinfo = rest.slice(0, at);
  const colon = userinfo.indexOf(':');
  if (colon < 0) return [];
  const raw = userinfo.slice(colon + 1);
  if (raw === '') return [];
  const found = new Set([raw]);
  // a password cut short by an unencoded "/", "?" or "#" may be quoted in part: its first piece too
  const piece = raw.split(/[/?#]/)[0];
  if (piece) found.add(piece);
  try {
    found.add(decodeURIComponent(raw));
  } catch {
    // not decodable: only the raw form can appear
  }
  return [...found].sort((a, b) => b.length - a.length);
}

/**
 * `text` with `url`'s password (as written or decoded) replaced by `***` wherever it stands where a connection
 * string's userinfo holds its password, between the `:` after the user and the `@`: `postgres://app:***@host`. The
 * last line of defence for messages that quote a piece of a connection string. Only there: a password is often a
 * plain word (`postgres`) that a message also uses as a user (`postgres://postgres@host`, the form a redacted URL
 * prints), a database or a URL scheme, and those must read as they are.
 */
export function redactPassword(text: string, url: string | undefined): string {
  if (!url) return text;
  let redacted = text;
  for (const password of passwordsOf(url)) redacted = redacted.split(`:${password}@`).join(':***@');
  return redacted;
}
