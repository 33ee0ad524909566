import { defineConfig } from 'ormdrift';

export default defineConfig({
  name: 'auth',
  sources: ['src/data-source.ts'],
  // created by a raw SQL migration, with no entity: this service's, never an orphan
  owns: ['auth_rate_limits'],
});
