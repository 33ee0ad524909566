import type { z } from 'zod';
import { isRuleCode, type RuleCode, rules } from './index.ts';
import type { Rule, SeveritySetting } from './rule.ts';

/**
 * How configuration sets one rule, as ESLint does: a severity (`'off'`, `'warn'`, `'error'`), or a
 * tuple of a severity and the rule's options (`['warn', { ignore: ['legacy_*'] }]`).
 */
export type RuleSetting<O = Record<string, never>> = SeveritySetting | readonly [SeveritySetting] | readonly [SeveritySetting, O];

/** The options a rule takes (what its `meta.schema` accepts); `Record<string, never>` for a rule that takes none. */
export type RuleOptions<C extends RuleCode> = (typeof rules)[C] extends Rule<string, string, infer O> ? O : never;

/** Per-code settings, as in ESLint: `{ 'extra-column': 'off', 'orphan-table': ['warn', { ignore: ['legacy_*'] }] }`. */
export type RuleSettings = { [C in RuleCode]?: RuleSetting<RuleOptions<C>> };

/** A rule's setting after validation: the configured severity (absent: the rule's defaults) and its parsed options. */
export interface ResolvedRuleSetting {
  readonly severity?: SeveritySetting;
  readonly options: unknown;
}

/**
 * Rule settings that are not what the rules accept: an unknown code, a severity other than off, warn
 * or error, options for a rule that takes none, or an option its rule's schema rejects. The message
 * is one line naming where (`rules`), the rule and the option, and what would be right.
 */
export class RuleSettingsError extends Error {
  override readonly name = 'RuleSettingsError';
}

const severities: readonly SeveritySetting[] = ['off', 'warn', 'error'];

/**
 * Checks settings from configuration (any JSON-like value) against the registry and each rule's
 * options schema, and returns them typed. `where` names the setting in messages (`rules`, or the
 * config file's key path). Throws `RuleSettingsError`.
 */
export function validateRuleSettings(settings: unknown, where = 'rules'): RuleSettings {
  resolveRuleSettings(settings, where);
  return settings as RuleSettings;
}

/**
 * Validates settings (as `validateRuleSettings`) and resolves each configured rule to its severity
 * and parsed options (the schema's defaults applied). Throws `RuleSettingsError`.
 */
export function resolveRuleSettings(settings: unknown, where = 'rules'): ReadonlyMap<RuleCode, ResolvedRuleSetting> {
  const resolved = new Map<RuleCode, ResolvedRuleSetting>();
  if (settings === undefined) return resolved;
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    throw new RuleSettingsError(`${where} must be an object of finding codes to 'off', 'warn', 'error' or [severity, options]`);
  }
  for (const [code, setting] of Object.entries(settings)) {
    if (!isRuleCode(code)) throw new RuleSettingsError(`${where}: unknown rule "${code}": the codes are ${Object.keys(rules).join(', ')}`);
    resolved.set(code, resolveRuleSetting(code, setting, where));
  }
  return resolved;
}

function resolveRuleSetting(code: RuleCode, setting: unknown, where: string): ResolvedRuleSetting {
  const rule = `${where}: rule "${code}"`;
  const tuple = Array.isArray(setting) ? (setting as readonly unknown[]) : undefined;
  if (tuple && (tuple.length < 1 || tuple.length > 2)) throw new RuleSettingsError(`${rule}: write a severity or [severity, options], as ['warn', { ... }]`);
  const severity = tuple ? tuple[0] : setting;
  if (!severities.includes(severity as SeveritySetting)) {
    throw new RuleSettingsError(`${rule}: the severity must be 'off', 'warn' or 'error', not ${describe(severity)}`);
  }
  const schema: z.ZodType | undefined = rules[code].meta.schema;
  const given = tuple?.[1];
  if (!schema) {
    if (given !== undefined) throw new RuleSettingsError(`${rule} takes no options`);
    return { severity: severity as SeveritySetting, options: {} };
  }
  const parsed = schema.safeParse(given ?? {});
  if (!parsed.success) throw new RuleSettingsError(`${rule}: ${describeIssue(parsed.error.issues[0], schema)}`);
  return { severity: severity as SeveritySetting, options: parsed.data };
}

/** One zod issue as a user reads it: the option's path, then what is wrong with it. */
function describeIssue(issue: z.core.$ZodIssue | undefined, schema: z.ZodType): string {
  if (!issue) return 'invalid options';
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => `"${[...issue.path, key].join('.')}"`).join(', ');
    // the options a top-level typo was meant to be (a rule's options are one object)
    const shape = issue.path.length === 0 ? (schema as { shape?: Record<string, unknown> }).shape : undefined;
    return `unknown option ${keys}${shape ? `: the options are ${Object.keys(shape).join(', ')}` : ''}`;
  }
  const path = issue.path.length > 0 ? `option "${issue.path.join('.')}": ` : 'options: ';
  return `${path}${issue.message.replace(/^Invalid input: /, '')}`;
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
