export { inScope, resolveScope, scopeActual, scopeMerged, scopeSchema, tableInScope, type Scope, type ScopeOptions } from './scope.ts';
export { tableGlobError, tableMatcher, type TableGlobs } from './table-glob.ts';
