/**
 * The app's own wiring (`wire` in src/main.ts) on a test database, with a clock the test moves and
 * the settings the harnesses share. Each harness adds its fixtures and helpers on top.
 */
import type { NoticeMailTemplates } from '../../src/app/notices/ports.js';
import { wire, type WiringSettings } from '../../src/main.js';
import { TestClock } from './clock.js';
import type { TestDatabase } from './databases.js';

export const TEST_SETTINGS: WiringSettings = {
  baseUrl: 'http://localhost:3000',
  sessionSecret: 'test-secret-test-secret-test-secret',
  mailDomain: 'dx.city.kawasaki.jp',
  registrationTtlSeconds: 1800,
  codeMailsPerIpPer10Min: 1000,
  registrationStartsPerIpPer10Min: 1000,
  sessionIdleSeconds: 1800,
  sessionAbsoluteSeconds: 43200,
};

/** Well-formed, matches no password, and costs nothing to make (the process hashes its own). */
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export type TestWiringOptions = {
  clock?: TestClock;
  settings?: Partial<WiringSettings>;
  noticeTemplates?: NoticeMailTemplates;
  noticeBatchSize?: number;
};

export function testWiring(database: TestDatabase, options: TestWiringOptions = {}) {
  const clock = options.clock ?? new TestClock();
  const wired = wire({
    db: database.db,
    settings: { ...TEST_SETTINGS, ...options.settings },
    clock,
    dummyHashes: { resident: DUMMY_HASH, staff: DUMMY_HASH },
    noticeTemplates: options.noticeTemplates,
    noticeBatchSize: options.noticeBatchSize,
  });
  return { db: database.db, clock, ...wired };
}
