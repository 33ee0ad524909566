import { jsonReporter } from './json-reporter.ts';
import type { Reporter } from './reporter.ts';
import { createTextReporter, type TextReporterOptions } from './text-reporter.ts';

/** Reporters by the name `--format` takes. */
export const reporters = {
  text: (options: TextReporterOptions = {}): Reporter => createTextReporter(options),
  json: (): Reporter => jsonReporter,
} as const;

export type ReporterName = keyof typeof reporters;

export function isReporterName(name: string): name is ReporterName {
  return Object.hasOwn(reporters, name);
}
