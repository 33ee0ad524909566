/**
 * Counts the statements a process sends to PostgreSQL: every tool here (ormdrift, TypeORM, Sequelize,
 * drizzle-kit) talks through node-postgres, so `Client.prototype.query` sees each one. Each ORM may
 * resolve its own copy of `pg`; every copy found is counted.
 */
import { createRequire } from 'node:module';

const patched = new Set();
let count = 0;

/** Starts counting the queries of the `pg` copies that `fromFiles` resolve. */
export function countStatements(fromFiles) {
  for (const from of fromFiles) {
    let Client;
    try {
      ({ Client } = createRequire(from)('pg'));
    } catch {
      continue;
    }
    if (patched.has(Client.prototype)) continue;
    patched.add(Client.prototype);
    const query = Client.prototype.query;
    Client.prototype.query = function countedQuery(...args) {
      count++;
      return query.apply(this, args);
    };
  }
  return {
    reset: () => {
      count = 0;
    },
    get count() {
      return count;
    },
  };
}
