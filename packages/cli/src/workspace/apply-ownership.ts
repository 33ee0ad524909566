import { emptySchema, evaluate, mergeRegistries, qualifiedKey, tableMatcher, type CheckResult, type Finding, type SchemaModel } from '@ormdrift/core';
import type { ServiceReport } from './service-report.ts';

/** One service's result within a workspace, ownership applied: its findings carry `service`. */
export interface ServiceResult {
  readonly service: string;
  /** The package's directory relative to the workspace root. */
  readonly path: string;
  readonly result: CheckResult;
}

/**
 * Ownership across the services of a workspace. Among services that read the same database: a table
 * that another service claims (its models declare it, or its `owns` globs match it) is no `orphan-table`
 * of this one; a table two services declare differently is a `registry-conflict` naming both, reported
 * under the first of them. Every finding gets its service's name; summaries are counted again.
 * Pure: reports in, results out.
 */
export function applyOwnership(reports: readonly (ServiceReport & { readonly path: string })[]): ServiceResult[] {
  const claims = reports.map((report) => {
    const declared = new Set((report.result.expected?.tables ?? []).map(qualifiedKey));
    const owned = tableMatcher(report.owns);
    return (name: { schema: string; name: string }) => declared.has(qualifiedKey(name)) || owned(name);
  });
  const shared = (a: ServiceReport, b: ServiceReport) => a !== b && a.database !== undefined && a.database === b.database;

  const conflicts = crossServiceConflicts(reports, shared);
  return reports.map((report, index) => {
    const findings = report.result.findings
      .filter(
        (finding) =>
          finding.code !== 'orphan-table' ||
          finding.table === undefined ||
          !reports.some((other, at) => shared(report, other) && claims[at]!({ schema: finding.schema, name: finding.table! })),
      )
      .concat(conflicts.get(index) ?? [])
      .map((finding): Finding => ({ ...finding, service: report.service }));
    const errors = findings.filter((finding) => finding.severity === 'error').length;
    return {
      service: report.service,
      path: report.path,
      result: { ...report.result, findings, summary: { ...report.result.summary, errors, warnings: findings.length - errors } },
    };
  });
}

/**
 * Tables declared differently by two services on one database, as `registry-conflict` findings by the index
 * of the first service. Each service's declarations are one registry, named with its service.
 */
function crossServiceConflicts(reports: readonly ServiceReport[], shared: (a: ServiceReport, b: ServiceReport) => boolean): Map<number, Finding[]> {
  const byService = new Map<number, Finding[]>();
  for (let first = 0; first < reports.length; first++) {
    for (let second = first + 1; second < reports.length; second++) {
      const [a, b] = [reports[first]!, reports[second]!];
      if (!shared(a, b)) continue;
      const merged = mergeRegistries([withService(a), withService(b)]);
      // only what the two services contradict each other on: each service's own conflicts are already its findings
      // (a sequence conflict names its sides in provenance order, so either service may come first)
      const only = (sources: readonly { registry: string }[], service: string) => sources.every((source) => source.registry.endsWith(`of ${service}`));
      const between = merged.conflicts.filter(
        (conflict) =>
          (only(conflict.first, a.service) && only(conflict.second, b.service)) || (only(conflict.first, b.service) && only(conflict.second, a.service)),
      );
      if (between.length === 0) continue;
      const found = evaluate({
        expected: { schema: emptySchema, conflicts: between },
        actual: emptySchema,
        schemas: [...new Set(between.map((conflict) => conflict.schema))],
      }).findings;
      byService.set(first, [...(byService.get(first) ?? []), ...found]);
    }
  }
  return byService;
}

/** A service's declared tables, enum types and sequences, each source's registry named with the service: "src/db/schema.ts of backend". */
function withService(report: ServiceReport): SchemaModel {
  const expected = report.result.expected ?? emptySchema;
  const rename = <T extends { sources: readonly { registry: string }[] }>(declared: T): T => ({
    ...declared,
    sources: declared.sources.map((source) => ({ ...source, registry: `${source.registry} of ${report.service}` })),
  });
  return {
    tables: expected.tables.map(rename),
    enums: expected.enums.map(rename),
    ...(expected.sequences ? { sequences: expected.sequences.map(rename) } : {}),
  };
}
