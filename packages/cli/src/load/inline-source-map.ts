import type { TranspileOutput } from './transpile-typescript.ts';

/** Code with its source map inlined, so that stack traces under `--enable-source-maps` point at the `.ts` lines. */
export function inlineSourceMap(output: TranspileOutput): string {
  if (!output.map) return output.code;
  return `${output.code}\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(output.map).toString('base64')}\n`;
}
