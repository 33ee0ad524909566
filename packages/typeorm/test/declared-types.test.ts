import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { Column, DataSource, Entity, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { formatColumnType, parseColumnType, sameColumnType } from '@ormdrift/core';
import { typeormSource } from '@ormdrift/typeorm';

enum Kind {
  A = 'a',
  B = 'b',
}

@Entity('places')
class Place {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'geometry', spatialFeatureType: 'Point', srid: 4326 })
  location: string;

  @Column({ type: 'geography', spatialFeatureType: 'LineString', nullable: true })
  route: string;

  @Column({ type: 'geometry', nullable: true })
  area: string;
}

@Entity('kinds')
class KindRow {
  @PrimaryColumn({ type: 'enum', enum: Kind })
  kind: Kind;
}

@Entity('kind_refs')
class KindRef {
  @PrimaryGeneratedColumn()
  id: number;

  // declared with the enum type TypeORM generates for the referenced column
  @Column({ type: 'enum', enum: Kind, enumName: 'kinds_kind_enum' })
  kind: Kind;

  @ManyToOne(() => KindRow)
  @JoinColumn({ name: 'kind' })
  ref: Relation<KindRow>;

  // TypeORM's abstract names on a join column are replaced by the referenced type, as TypeORM does
  @Column({ type: 'number' as 'int', nullable: true })
  placeId: number;

  @ManyToOne(() => Place)
  @JoinColumn({ name: 'placeId' })
  place: Relation<Place>;
}

async function columns(table: string) {
  const loaded = await typeormSource(new DataSource({ type: 'postgres', entities: [Place, KindRow, KindRef] })).load();
  return Object.fromEntries(loaded.schema.tables.find((candidate) => candidate.name === table)!.columns.map((column) => [column.name, column.type]));
}

describe('TypeORM declared types, resolved as TypeORM resolves them', () => {
  it('builds PostGIS types from spatialFeatureType and srid as createFullType does, equal to what format_type prints', async () => {
    const place = await columns('places');
    expect(sameColumnType(place.location!, parseColumnType('geometry(Point,4326)'))).toBe(true);
    expect(sameColumnType(place.route!, parseColumnType('geography(LineString)'))).toBe(true);
    expect(sameColumnType(place.area!, parseColumnType('geometry'))).toBe(true);
    expect(sameColumnType(place.location!, parseColumnType('geometry(Point,3857)'))).toBe(false);
  });

  it('resolves a join column declared as an enum to its enum type, and an abstract name to the referenced type', async () => {
    const refs = await columns('kind_refs');
    expect(refs.kind!.enum).toEqual({ schema: 'public', name: 'kinds_kind_enum' });
    expect(formatColumnType(refs.placeId!)).toBe('integer');
  });
});
