// Writes a TypeORM app of N entity files (default 90) with a DataSource, as a larger `.ts` fixture
// for `load-time.mjs`: each entity has decorated columns typed only by TypeScript, an enum from a
// shared file and a relation to the previous entity.
//   node bench/loading/generate-app.mjs <directory> [entities] [plain]
import { mkdirSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const directory = resolve(process.argv[2] ?? 'bench/loading/.app');
const count = Number(process.argv[3] ?? 90);
// `plain`: the status column typed \`string\` instead of an enum from another file, which a
// one-file-at-a-time transform cannot read (for comparing with such a loader)
const plain = process.argv[4] === 'plain';
const root = resolve(import.meta.dirname, '../..');
mkdirSync(join(directory, 'src/entities'), { recursive: true });
mkdirSync(join(directory, 'node_modules'), { recursive: true });
for (const name of ['typeorm', 'reflect-metadata', 'pg']) {
  const link = join(directory, 'node_modules', name);
  if (!existsSync(link)) symlinkSync(join(root, 'examples/typeorm-app/node_modules', name), link);
}
writeFileSync(join(directory, 'package.json'), JSON.stringify({ name: 'generated-app', private: true }, null, 2));
writeFileSync(
  join(directory, 'tsconfig.json'),
  JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2021',
        module: 'CommonJS',
        strict: true,
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
        strictPropertyInitialization: false,
      },
    },
    null,
    2,
  ),
);
writeFileSync(join(directory, 'src/status.ts'), "export enum Status {\n  Active = 'active',\n  Archived = 'archived',\n}\n");
const names = Array.from({ length: count }, (_, index) => `Entity${index}`);
names.forEach((name, index) => {
  const previous = index > 0 ? names[index - 1] : undefined;
  writeFileSync(
    join(directory, `src/entities/${name.toLowerCase()}.ts`),
    `import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Status } from '../status';
${previous ? `import { ${previous} } from './${previous.toLowerCase()}';\n` : ''}
@Entity('table_${index}')
export class ${name} {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column()
  name: string;

  @Column({ nullable: true, type: 'text' })
  description: string | null;

  @Column()
  count: number;

  @Column()
  enabled: boolean;

  @Column()
  status: ${plain ? 'string' : 'Status'};

  @CreateDateColumn()
  createdAt: Date;
${previous ? `\n  @ManyToOne(() => ${previous}, { nullable: true })\n  parent: ${previous} | null;\n` : ''}}
`,
  );
});
writeFileSync(
  join(directory, 'src/data-source.ts'),
  `import 'reflect-metadata';
import { DataSource } from 'typeorm';
${names.map((name) => `import { ${name} } from './entities/${name.toLowerCase()}';`).join('\n')}

export const AppDataSource = new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  entities: [${names.join(', ')}],
});
`,
);
console.log(`wrote ${count} entities to ${directory}`);
