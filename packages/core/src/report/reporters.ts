import { githubReporter } from './github-reporter.ts';
import { jsonReporter } from './json-reporter.ts';
import { junitReporter } from './junit-reporter.ts';
import { createMarkdownReporter, type MarkdownReporterOptions } from './markdown-reporter.ts';
import type { Reporter } from './reporter.ts';
import { sarifReporter } from './sarif-reporter.ts';
import { createTextReporter, type TextReporterOptions } from './text-reporter.ts';

/** Options every reporter factory accepts; each reads the ones it knows. */
export type ReporterOptions = TextReporterOptions & MarkdownReporterOptions;

/** Reporter factories by the name `--format` takes: a new format is one file and one entry here. */
export const reporters = {
  text: (options: ReporterOptions = {}): Reporter => createTextReporter(options),
  json: (_options: ReporterOptions = {}): Reporter => jsonReporter,
  markdown: (options: ReporterOptions = {}): Reporter => createMarkdownReporter(options),
  junit: (_options: ReporterOptions = {}): Reporter => junitReporter,
  sarif: (_options: ReporterOptions = {}): Reporter => sarifReporter,
  github: (_options: ReporterOptions = {}): Reporter => githubReporter,
} as const satisfies Record<string, (options?: ReporterOptions) => Reporter>;

export type ReporterName = keyof typeof reporters;

export function isReporterName(name: string): name is ReporterName {
  return Object.hasOwn(reporters, name);
}
