/**
 * A connection string safe to print: scheme, user, host, port and database, never the password nor query parameters
 * (which may hold one too, e.g. `?password=` or `sslpassword=`). Only a `scheme://` URL whose authority a URL parser
 * reads as its author meant is shown, and of it only the parts that cannot be a password:
 * - no `scheme://` (`app:secret@db/shop`, `host=db password=secret`): a parser would take the user for a scheme and
 *   the password for a path, so nothing of it is shown;
 * - an `@` after the authority (a password's unencoded `/`, `?` or `#` ended it early, so that what reads as the
 *   host, port or database holds a piece of the password): nothing is shown;
 * - a user holding a blank, `=`, `:` or `@`, or a database holding a blank, `=` or `@` (a `password=` keyword, a
 *   second userinfo), shows as `…`.
 * Returns a placeholder in angle brackets when nothing can be shown.
 */
export function redactUrl(url: string): string {
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(url)?.[0];
  if (scheme === undefined) return unshown;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return unshown;
  }
  const afterScheme = url.slice(scheme.length);
  const authorityEnd = afterScheme.search(/[/?#]/);
  if (authorityEnd >= 0 && afterScheme.slice(authorityEnd).includes('@')) return unshown;
  // a keyword/value string behind the scheme (postgres://password=secret/db): its "host" is no host
  if (/[\s=@]/.test(decodeOrRaw(parsed.hostname))) return unshown;
  const user = decodeOrRaw(parsed.username);
  const userPart = user === '' ? '' : `${mayHoldPassword(user) ? '…' : user}@`;
  const database = decodeOrRaw(parsed.pathname);
  // a ":" is no sign in the database: a message quoting the URL may follow it with one (`…/app: no answer`)
  const databasePart = mayHoldPassword(database.slice(1).replaceAll(':', '')) ? '/…' : parsed.pathname;
  return `${parsed.protocol}//${userPart}${parsed.host}${databasePart}`;
}

/** What {@link redactUrl} prints for a connection string it can show nothing of. */
const unshown = '<unparsable connection string>';

/** A blank, `=` (`password=secret`), `:` (`user:secret`) or `@` (a second userinfo): no plain name. */
function mayHoldPassword(text: string): boolean {
  return /[\s=:@]/.test(text);
}

function decodeOrRaw(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
