/**
 * The benchmark's server process: the app exactly as `npm start` builds it (configuration from the
 * environment). Its ceilings run in processes of their own (bench/ceilings.ts).
 */
import { loadConfig } from '../src/config.js';
import { startServer } from '../src/main.js';

const running = await startServer(loadConfig());
process.send?.({ ready: true, url: running.url });
process.on('message', (message: unknown) => {
  if (message === 'stop') void running.close().then(() => process.exit(0));
});
