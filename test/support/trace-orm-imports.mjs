// `node --import ./trace-orm-imports.mjs ...`: prints "imported <specifier>" on stderr for every
// ESM import of an ORM package or of an ormdrift adapter, to show which ones a run loads.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
    export async function resolve(specifier, context, next) {
      if (/^(drizzle-orm|sequelize|sequelize-typescript|typeorm|@ormdrift\\/(typeorm|sequelize|drizzle))$/.test(specifier)) process.stderr.write('imported ' + specifier + '\\n');
      return next(specifier, context);
    }`)}`,
);
