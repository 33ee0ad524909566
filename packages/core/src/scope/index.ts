export { inScope, resolveScope, scopeMerged, scopeSchema, type Scope } from './scope.ts';
