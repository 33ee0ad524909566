// `node --import ./trace-orm-imports.mjs ...`: prints "imported <specifier>" on stderr for every
// ESM import of an ORM package or of an ormdrift adapter (by package name, or as the bin's bundle
// names its chunk: adapter-typeorm-<hash>.js), to show which ones a run loads.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
    export async function resolve(specifier, context, next) {
      if (/^(drizzle-orm|sequelize|sequelize-typescript|typeorm|@ormdrift\\/(typeorm|sequelize|drizzle))$/.test(specifier)) process.stderr.write('imported ' + specifier + '\\n');
      const chunk = /^\\.\\/adapter-(typeorm|sequelize|drizzle)-[\\w-]+\\.js$/.exec(specifier);
      if (chunk) process.stderr.write('imported @ormdrift/' + chunk[1] + '\\n');
      return next(specifier, context);
    }`)}`,
);
