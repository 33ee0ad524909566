/**
 * A connection string safe to print: user, host, port and database, never the password
 * or query parameters (which may hold one too, e.g. `?password=` or `sslpassword=`).
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const user = parsed.username ? `${decodeOrRaw(parsed.username)}@` : '';
    return `${parsed.protocol}//${user}${parsed.host}${parsed.pathname}`;
  } catch {
    return '<unparsable connection string>';
  }
}

function decodeOrRaw(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
