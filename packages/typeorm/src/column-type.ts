import { enumColumnType, parseColumnType, type ColumnType, type QualifiedName } from '@ormdrift/core';
import type { DriverLike } from './typeorm-shapes.ts';

export interface TypeormColumnSpec {
  readonly type?: unknown;
  readonly length?: unknown;
  readonly precision?: unknown;
  readonly scale?: unknown;
  readonly isArray: boolean;
  /** For enum columns: the enum type TypeORM creates. */
  readonly enumType?: QualifiedName;
  /** PostGIS geometry and geography: `geometry(Point,4326)`. */
  readonly spatialFeatureType?: string | undefined;
  readonly srid?: number | undefined;
}

/** The types `createFullType()` builds from `spatialFeatureType` and `srid` instead of a length. */
const spatialTypes = new Set(['geometry', 'geography']);

/**
 * The column type TypeORM's schema sync creates, as `createFullType()` builds it: the driver's
 * normalized type name, then `(length)`, else `(precision,scale)`, else `(precision)`, then
 * ` array`; a PostGIS type takes `(feature type,srid)` instead. `normalized`: what `driver.normalizeType(spec)`
 * returned, when the caller already asked. The canonical parser does the rest (`timestamp without time zone(3)` → `timestamp(3) without time zone`).
 */
export function typeormColumnType(driver: DriverLike, spec: TypeormColumnSpec, normalized?: unknown): ColumnType | undefined {
  const type = normalized ?? driver.normalizeType(spec);
  if (typeof type !== 'string' || type === '') return undefined;
  const arrayDims = spec.isArray ? 1 : 0;
  if ((type === 'enum' || type === 'simple-enum') && spec.enumType) return enumColumnType(type, spec.enumType, arrayDims);

  let text = type;
  if (spatialTypes.has(type)) {
    if (present(spec.spatialFeatureType))
      text += present(spec.srid) ? `(${String(spec.spatialFeatureType)},${String(spec.srid)})` : `(${String(spec.spatialFeatureType)})`;
  } else if (present(spec.length)) text += `(${String(spec.length)})`;
  else if (present(spec.precision) && present(spec.scale)) text += `(${String(spec.precision)},${String(spec.scale)})`;
  else if (present(spec.precision)) text += `(${String(spec.precision)})`;
  // the parser's own object when the raw spelling is the text parsed: no copy per column
  if (!spec.isArray) return parseColumnType(text);
  return { ...parseColumnType(text, { arrayDims }), raw: `${text} array` };
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}
