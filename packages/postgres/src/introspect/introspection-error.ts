/** A catalog query failed; `step` says which, `cause` keeps the driver's error. */
export class IntrospectionError extends Error {
  override readonly name = 'IntrospectionError';
  constructor(
    readonly step: string,
    options: { cause: unknown },
  ) {
    super(`${step}: ${options.cause instanceof Error ? options.cause.message : String(options.cause)}`, options);
  }
}
