import { ormdriftMatchers } from './matchers.ts';

export type {} from './index.ts';

/**
 * `import '@ormdrift/vitest/setup'` (vitest `setupFiles`, jest `setupFilesAfterEnv`): registers the matchers on
 * the runner's `expect`. Vitest keeps it under a global symbol even without `globals: true`; jest injects a global.
 */
const expect = ((globalThis as { expect?: unknown }).expect ?? (globalThis as Record<symbol, unknown>)[Symbol.for('expect-global')]) as
  | { extend(matchers: object): void }
  | undefined;
if (!expect) {
  throw new Error(
    "@ormdrift/vitest/setup found no expect: load it from vitest's setupFiles or jest's setupFilesAfterEnv, or call expect.extend(ormdriftMatchers) yourself",
  );
}
expect.extend(ormdriftMatchers);
