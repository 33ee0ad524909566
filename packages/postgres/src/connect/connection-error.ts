/** The database could not be reached or refused us; the message is safe to print and says what to do. */
export class ConnectionError extends Error {
  override readonly name = 'ConnectionError';
}
