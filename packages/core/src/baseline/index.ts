export { applyBaseline } from './apply-baseline.ts';
export {
  baselineVersion,
  BaselineFormatError,
  createBaseline,
  parseBaseline,
  pruneBaseline,
  serializeBaseline,
  type Baseline,
  type BaselineEntry,
} from './baseline-file.ts';
