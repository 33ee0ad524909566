import { ownPackage } from '../own-package.ts';
import { inlineSourceMap } from './inline-source-map.ts';
import { emitWithProgram, typescriptVersion } from './program-emit.ts';
import { projectConfig } from './project-config.ts';
import { swcTransform, swcVersion } from './swc-transform.ts';
import { cachedTransform, contentHash } from './transform-cache.ts';

/**
 * A line that starts with a decorator (`@Entity()`, `  @Column()`), which JSDoc tags (` * @param`)
 * never do. A false match only sends a file down the exact, slower path.
 */
const decoratorLine = /^[ \t]*(export[ \t]+)?@[A-Za-z_$][\w$.]*/m;

/** Bumped when what ormdrift asks of the transforms changes, so that old cache entries are never used. */
const transformRevision = 1;

let versions: string | undefined;
function transformVersions(): string {
  versions ??= `ormdrift ${ownPackage().version} r${transformRevision}, swc ${swcVersion()}, typescript ${typescriptVersion()}`;
  return versions;
}

/**
 * A TypeScript or JSX file as JavaScript Node can run, in the given module format, with its
 * source map inlined. Files that declare decorators go through a TypeScript program (exact
 * `design:type` metadata, types read across files); every other file through swc. Both read
 * the project's tsconfig.json. Outputs are cached on disk by content hash. Throws the
 * transform's syntax error.
 */
export function transformFile(source: string, file: string, format: 'esm' | 'cjs'): string {
  const project = projectConfig(file);
  const decorated = decoratorLine.test(source);
  const key = contentHash(JSON.stringify([transformVersions(), decorated ? 'program' : 'swc', format, file, project, source]));
  const output = cachedTransform(file, key, () => (decorated ? emitWithProgram(file, format, project) : swcTransform(source, file, format, project)));
  return inlineSourceMap(output);
}
