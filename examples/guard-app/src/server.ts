import express from 'express';
import { guardDataSource } from '@ormdrift/guard';
import { AppDataSource } from './data-source.js';
import { Message } from './entity/message.js';

try {
  await AppDataSource.initialize();
  // Refuse to serve against a database the entities do not describe: the first query that hits the drift would
  // fail in front of a user. The check borrows the DataSource's pool and never holds startup longer than timeoutMs.
  await guardDataSource(AppDataSource, {
    mode: process.env.ORMDRIFT_MODE === 'warn' ? 'warn' : 'throw',
    timeoutMs: Number(process.env.ORMDRIFT_TIMEOUT_MS ?? 5_000),
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  if (AppDataSource.isInitialized) await AppDataSource.destroy();
  process.exit(1);
}

const app = express();
app.get('/health', (_request, response) => {
  response.json({ ok: true });
});
app.get('/messages', async (_request, response) => {
  response.json(await AppDataSource.getRepository(Message).find({ order: { id: 'asc' } }));
});
app.use((error: Error, _request: express.Request, response: express.Response, _next: express.NextFunction) => {
  console.error(`GET failed: ${error.message}`);
  response.status(500).json({ error: error.message });
});

const server = app.listen(Number(process.env.PORT ?? 3000), () => {
  const address = server.address();
  console.log(`listening on http://localhost:${typeof address === 'object' && address ? address.port : process.env.PORT}`);
});
const stop = () => {
  server.close();
  void AppDataSource.destroy();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
