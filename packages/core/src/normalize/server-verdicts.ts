/** One thing to ask the server about: the object the answer is for, the pair sent, and the model's spelling to adopt when they are alike. */
export interface Candidate<O, P> {
  readonly object: O;
  readonly pair: P;
  readonly spelling: string;
}

/** A batch comparison on the server: one verdict per pair, `true` where both sides are one value. */
export type CompareOnServer<P> = (pairs: readonly P[], options: { readonly signal?: AbortSignal }) => Promise<readonly (boolean | undefined)[]>;

/**
 * Sends every candidate's pair to `compare` in one batch and returns, for each object the server
 * found alike, the model's spelling it takes (the first such candidate's, when an object was sent
 * twice). A failed comparison settles nothing: the text comparison's verdict stands.
 */
export async function settledByServer<O, P>(
  candidates: readonly Candidate<O, P>[],
  compare: CompareOnServer<P>,
  options: { readonly signal?: AbortSignal },
): Promise<ReadonlyMap<O, string>> {
  const settled = new Map<O, string>();
  if (candidates.length === 0) return settled;
  let verdicts: readonly (boolean | undefined)[];
  try {
    verdicts = await compare(
      candidates.map((candidate) => candidate.pair),
      options,
    );
  } catch {
    return settled;
  }
  candidates.forEach((candidate, index) => {
    if (verdicts[index] === true && !settled.has(candidate.object)) settled.set(candidate.object, candidate.spelling);
  });
  return settled;
}
