import autocannon from 'autocannon';
import { startBenchServer, buildBenchServer } from './processes.js';
import { registrationScreens } from './pages.js';
import { CodeMailbox } from './mailbox.js';
import { testEnv } from '../src/config.js';
buildBenchServer();
const mailbox = await new CodeMailbox().start();
const server = await startBenchServer(
  {
    NODE_FLAGS: '--cpu-prof --cpu-prof-dir=/tmp/prof',
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    SMTP_URL: mailbox.url,
    TRUST_PROXY: 'true',
    DATA_DIR: '/tmp/adhoc',
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
  },
  testEnv().path,
);
const screens = await registrationScreens(server.url, mailbox, 'adhoc');
const s = screens.find((x) => x.path === process.argv[2])!;
const r = await autocannon({
  url: server.url + s.path,
  connections: 32,
  duration: 8,
  headers: { 'accept-encoding': 'br, gzip', ...(s.cookie ? { cookie: s.cookie } : {}) },
});
console.log(s.path, Math.round(r.requests.average), 'p99', r.latency.p99, 'non2xx', r.non2xx);
await server.stop();
await mailbox.stop();
process.exit(0);
