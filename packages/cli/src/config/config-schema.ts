import { rules, tableGlobError } from '@ormdrift/core';
import { migrationsKinds } from '@ormdrift/postgres';
import { z } from 'zod';

const severity = z.enum(['off', 'warn', 'error']);
const ruleEntry = z.union([severity, z.tuple([severity]), z.tuple([severity, z.record(z.string(), z.unknown())])]);
const ruleCodes = Object.keys(rules) as [keyof typeof rules, ...(keyof typeof rules)[]];

/** A glob picomatch can parse (tinyglobby matches with picomatch too): an unbalanced bracket is refused here. */
const glob = z.string().superRefine((pattern, context) => {
  const error = tableGlobError(pattern);
  if (error) context.addIssue({ code: 'custom', message: `is a bad glob "${pattern}": ${error}` });
});

/**
 * The config file's shape, strict: an unknown key is an error, not silently ignored (a misspelt `ignore`
 * would otherwise report every table it was meant to hide).
 */
export const configSchema = z
  .strictObject({
    name: z.string().min(1),
    sources: z.union([glob, z.array(glob).min(1)]),
    database: z.string().min(1),
    schemas: z.array(z.string().min(1)),
    ignore: z.array(glob),
    owns: z.array(glob),
    rules: z.partialRecord(z.enum(ruleCodes), ruleEntry),
    migrations: z.union([z.string().min(1), z.strictObject({ path: z.string().min(1), kind: z.enum(migrationsKinds).optional() })]),
    baseline: z.string().min(1),
    drizzle: z.strictObject({ casing: z.enum(['snake_case', 'camelCase']).optional() }),
    workspace: z.strictObject({ owns: z.record(z.string().min(1), z.array(glob)).optional(), loadServices: z.boolean().optional() }),
  })
  .partial();

/** What each key holds, for "must be ..." messages. */
export const configKeyShapes: Readonly<Record<keyof z.infer<typeof configSchema>, string>> = {
  name: 'a non-empty string (the service name)',
  sources: "a module path, directory or glob, or a non-empty array of them (leave it out to let ormdrift find the ORM's own config)",
  database: 'a connection string (postgres://...)',
  schemas: 'an array of schema names',
  ignore: 'an array of table globs',
  owns: 'an array of table globs',
  rules: "an object of finding codes to 'off', 'warn', 'error' or [severity, options]",
  migrations: `a path, or { path, kind } with kind ${migrationsKinds.join(', ')}`,
  baseline: 'the path of a baseline file',
  drizzle: "{ casing: 'snake_case' | 'camelCase' }",
  workspace: '{ owns: { service: [table globs] }, loadServices: boolean }',
};

/**
 * The first problem of a config that fails the schema, as one sentence naming the key: an unknown key,
 * a value of the wrong type, a bad glob. Never quotes a value that is not a glob: a `database` string may
 * hold a password.
 */
export function describeConfigIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const path = issue.path.map(String);
  const key = issue.path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
  if (issue.code === 'unrecognized_keys') {
    const parent = path.join('.');
    if (parent === 'rules') return `unknown finding code "${issue.keys[0]}" in "rules": the codes are ${ruleCodes.join(', ')}`;
    const known =
      parent === '' ? Object.keys(configKeyShapes) : parent === 'drizzle' ? ['casing'] : parent === 'workspace' ? ['owns', 'loadServices'] : ['path', 'kind'];
    return `unknown key "${parent === '' ? '' : `${parent}.`}${issue.keys[0]}": the keys are ${known.join(', ')}`;
  }
  if (issue.code === 'custom') return `"${key}" ${issue.message}`;
  const top = path[0] as keyof typeof configKeyShapes | undefined;
  if (top === 'rules' && path.length === 2) return `"${key}" must be 'off', 'warn', 'error' or [severity, options]`;
  if (top === 'drizzle') return `"${key}" must be 'snake_case' or 'camelCase'`;
  if (top === 'workspace' && path.length > 1) return `"${key}" must be ${workspaceKeyShape(path)}`;
  if (top === 'migrations' && path[1] === 'kind') return `"${key}" must be one of ${migrationsKinds.join(', ')}`;
  return `"${key || '(the default export)'}" must be ${top ? configKeyShapes[top] : 'an object of ormdrift options'}`;
}

/** The shape of a key inside `workspace`, for the one line that names it. */
function workspaceKeyShape(path: readonly string[]): string {
  if (path[1] === 'loadServices') return 'true or false';
  if (path.length === 2) return "an object of service names to arrays of table globs, e.g. { auth: ['auth_*', 'sessions'] }";
  return path.length === 3 ? 'an array of table globs' : 'a table glob';
}
