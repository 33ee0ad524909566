import { jsonReporter } from './json-reporter.ts';
import type { Reporter } from './reporter.ts';
import { createTextReporter, type TextReporterOptions } from './text-reporter.ts';

/** Options every reporter factory accepts; each reads the ones it knows. */
export type ReporterOptions = TextReporterOptions;

/** Reporter factories by the name `--format` takes: a new format is one file and one entry here. */
export const reporters = {
  text: (options: ReporterOptions = {}): Reporter => createTextReporter(options),
  json: (_options: ReporterOptions = {}): Reporter => jsonReporter,
} as const satisfies Record<string, (options?: ReporterOptions) => Reporter>;

export type ReporterName = keyof typeof reporters;

export function isReporterName(name: string): name is ReporterName {
  return Object.hasOwn(reporters, name);
}
