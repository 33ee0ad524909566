import type { CheckResult } from '../check/finding.ts';

export interface Reporter {
  readonly name: string;
  render(result: CheckResult): string;
}
