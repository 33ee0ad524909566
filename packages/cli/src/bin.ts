#!/usr/bin/env node
// Node maps a stack trace through a module's source map only if source maps were enabled when the module loaded:
// with --debug they are enabled here, before the rest of the command (the bundle, whose .map ships) is imported.
// Without --debug the mapping's cost is not paid.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
await import('./run-bin.ts');
