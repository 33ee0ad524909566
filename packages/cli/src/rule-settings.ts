import { isRuleCode, rules, type RuleSettings, type SeveritySetting } from '@ormdrift/core';
import { UsageError } from './usage-error.ts';

const levels: readonly SeveritySetting[] = ['off', 'warn', 'error'];

/** `--rule extra-column=off --rule missing-index=error`, as ESLint spells it. */
export function parseRuleSettings(flags: readonly string[]): RuleSettings {
  const settings: RuleSettings = {};
  for (const flag of flags) {
    const [code = '', level = ''] = flag.split('=', 2);
    if (!isRuleCode(code)) throw new UsageError(`unknown finding code "${code}" in --rule ${flag}: the codes are ${Object.keys(rules).join(', ')}`);
    if (!levels.includes(level as SeveritySetting)) throw new UsageError(`--rule ${flag}: the severity must be off, warn or error`);
    settings[code] = level as SeveritySetting;
  }
  return settings;
}

/**
 * Whether `--rule` turned every finding code off: a check then reports nothing whatever the database holds, and must
 * not say "no drift".
 */
export function allCodesOff(settings: RuleSettings): boolean {
  return Object.keys(rules).every((code) => settings[code as keyof RuleSettings] === 'off');
}

/** Why `baseline` refuses a run whose codes are all off (the reports say it with their summary line). */
export const allCodesOffNotice = 'all finding codes are off (--rule CODE=off for each): nothing is reported, whatever the database holds';
