/** Zero-config detection and workspace packages: what ormdrift finds in a project with no ormdrift config. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectProject } from '../src/config/detect-project.ts';
import { findWorkspacePackages, findWorkspaceRoot } from '../src/workspace/find-packages.ts';

const root = mkdtempSync(join(tmpdir(), 'ormdrift-detect-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function project(name: string, files: Record<string, string>): string {
  const directory = join(root, name);
  mkdirSync(directory, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(directory, file, '..'), { recursive: true });
    writeFileSync(join(directory, file), content);
  }
  return directory;
}

describe('zero-config detection', () => {
  it('a TypeORM data source in the usual place', async () => {
    const directory = project('typeorm', { 'src/data-source.ts': 'export {};', 'src/entity/user.ts': '' });
    expect(await detectProject(directory)).toEqual({ used: ['src/data-source.ts (a TypeORM data source)'], sources: ['src/data-source.ts'] });
  });

  it("sequelize-cli's .sequelizerc: its models-path", async () => {
    const directory = project('sequelize', {
      '.sequelizerc':
        "const path = require('node:path');\nmodule.exports = { 'models-path': path.resolve(__dirname, 'db', 'models'), config: 'config.json' };\n",
      'db/models/index.js': '',
    });
    expect(await detectProject(directory)).toEqual({ used: ['.sequelizerc (models-path db/models)'], sources: ['db/models'] });
  });

  it('a .sequelizerc whose models-path does not exist is an error naming it', async () => {
    const directory = project('sequelize-missing', { '.sequelizerc': "module.exports = { 'models-path': 'src/models' };\n" });
    await expect(detectProject(directory)).rejects.toThrow('.sequelizerc: its models-path src/models does not exist');
  });

  it('nothing: undefined', async () => {
    expect(await detectProject(project('empty', { 'src/index.ts': '' }))).toBeUndefined();
  });
});

describe('workspace packages', () => {
  it('from pnpm-workspace.yaml, with negations; only packages with an ormdrift or ORM config', async () => {
    const workspace = project('pnpm', {
      'pnpm-workspace.yaml': "packages:\n  - 'services/*'\n  - 'apps/*'\n  - '!apps/legacy'\n",
      'package.json': '{}',
      'services/auth/package.json': '{"name":"auth"}',
      'services/auth/ormdrift.config.json': '{}',
      'services/backend/package.json': '{"name":"backend"}',
      'services/backend/drizzle.config.ts': 'export default {};',
      'services/docs/package.json': '{"name":"docs"}',
      'apps/web/package.json': '{"name":"web"}',
      'apps/web/src/data-source.ts': '',
      'apps/legacy/package.json': '{"name":"legacy"}',
      'apps/legacy/.sequelizerc': '',
    });
    expect(findWorkspaceRoot(join(workspace, 'services/auth'))).toBe(workspace);
    expect((await findWorkspacePackages(workspace)).map((pkg) => pkg.path)).toEqual(['apps/web', 'services/auth', 'services/backend']);
  });

  it("from package.json workspaces (npm, Yarn's { packages })", async () => {
    const npm = project('npm', {
      'package.json': '{"workspaces":["packages/*"]}',
      'packages/api/package.json': '{}',
      'packages/api/ormdrift.config.json': '{}',
    });
    expect((await findWorkspacePackages(npm)).map((pkg) => pkg.path)).toEqual(['packages/api']);
    const yarn = project('yarn', { 'package.json': '{"workspaces":{"packages":["apps/*"]}}', 'apps/api/package.json': '{}', 'apps/api/.sequelizerc': '' });
    expect((await findWorkspacePackages(yarn)).map((pkg) => pkg.path)).toEqual(['apps/api']);
  });

  it('no package to check, or no workspace, is said in one sentence', async () => {
    const bare = project('bare', { 'package.json': '{"workspaces":["packages/*"]}', 'packages/ui/package.json': '{}' });
    await expect(findWorkspacePackages(bare)).rejects.toThrow(/no package of the workspace at .* has an ormdrift\.config or an ORM config/);
    const single = project('single/.git', {});
    expect(() => findWorkspaceRoot(join(single, '..'))).toThrow(
      /no workspace in .* or above: --workspace reads the packages of pnpm-workspace\.yaml or of package\.json "workspaces"/,
    );
  });
});
