/**
 * The benchmark's server process: the app exactly as `npm start` builds it (configuration from the
 * environment), and beside it, in the same process, a bare Hono "hello" route on its own port: the
 * ceiling that the pages are compared with. The port of the hello route is the first argument.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { loadConfig } from '../src/config.js';
import { startServer } from '../src/main.js';

const helloPort = Number(process.argv[2]);
const running = await startServer(loadConfig());
const hello = new Hono().get('/hello', (c) => c.text('hello'));
serve({ fetch: hello.fetch, port: helloPort, hostname: '127.0.0.1' }, () => {
  process.send?.({ ready: true, url: running.url });
});
process.on('message', (message: unknown) => {
  if (message === 'stop') void running.close().then(() => process.exit(0));
});
