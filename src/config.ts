/**
 * Every setting of the app, read from the environment once and validated with zod.
 * This is the only module that reads `process.env`; a bad value stops the app with a message that
 * names the variable.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const intFrom = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: intFrom(0, 65535).default(3000),
  BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.email().default('noreply@dx.city.kawasaki.jp'),
  REGISTRATION_TTL_SECONDS: intFrom(10, 86400).default(1800),
  SESSION_SECRET: z.string().optional(),
  SESSION_IDLE_SECONDS: intFrom(60, 86400).default(1800),
  SESSION_ABSOLUTE_SECONDS: intFrom(60, 7 * 86400).default(12 * 3600),
  CODE_MAILS_PER_IP_PER_10_MIN: intFrom(1, 100000).default(20),
  REGISTRATION_STARTS_PER_IP_PER_10_MIN: intFrom(1, 1000000).default(60),
  SWEEP_INTERVAL_SECONDS: intFrom(1, 3600).default(30),
  MAIL_POLL_MS: intFrom(50, 60000).default(1000),
  MAIL_LEASE_SECONDS: intFrom(2, 3600).default(120),
  MAIL_CONNECTIONS: intFrom(1, 50).default(5),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  baseUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** the domain people must allow in their spam filter, taken from MAIL_FROM */
  mailDomain: string;
  registrationTtlSeconds: number;
  sessionSecret: string;
  sessionIdleSeconds: number;
  sessionAbsoluteSeconds: number;
  codeMailsPerIpPer10Min: number;
  registrationStartsPerIpPer10Min: number;
  sweepIntervalSeconds: number;
  mailPollMs: number;
  /** how long a worker holds a mail it is sending; after that (its process died) another takes it */
  mailLeaseSeconds: number;
  /** SMTP connections each process keeps open to the relay; its worker sends as many mails at once */
  mailConnections: number;
  logLevel: string;
  trustProxy: boolean;
  /** true when cookies must be Secure and `__Host-` prefixed */
  secureCookies: boolean;
};

export class ConfigError extends Error {}

/** Parses the given environment (default: the process's). Throws ConfigError naming the variable. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.keys(envSchema.shape).map((k) => [k, source[k] === '' ? undefined : source[k]]),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const problems: string[] = [];
  if (production) {
    if (!e.SESSION_SECRET) problems.push('SESSION_SECRET: required in production');
    else {
      const bits = Math.floor(secretEntropyBits(e.SESSION_SECRET));
      if (bits < MIN_SECRET_BITS)
        problems.push(
          `SESSION_SECRET: too weak (about ${bits} bits of entropy, at least ${MIN_SECRET_BITS} needed); generate one with: openssl rand -base64 48`,
        );
    }
    if (!e.BASE_URL || !baseUrl.startsWith('https:'))
      problems.push('BASE_URL: must be an https:// URL in production');
    if (!e.DATABASE_URL)
      problems.push('DATABASE_URL: required in production (the embedded database is for trying it out)');
    if (!e.SMTP_URL)
      problems.push('SMTP_URL: required in production (without it no mail leaves the database)');
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    baseUrl,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailDomain: e.MAIL_FROM.split('@')[1] ?? 'dx.city.kawasaki.jp',
    registrationTtlSeconds: e.REGISTRATION_TTL_SECONDS,
    sessionSecret: e.SESSION_SECRET ?? developmentSecret(e.DATA_DIR, e.NODE_ENV),
    sessionIdleSeconds: e.SESSION_IDLE_SECONDS,
    sessionAbsoluteSeconds: e.SESSION_ABSOLUTE_SECONDS,
    codeMailsPerIpPer10Min: e.CODE_MAILS_PER_IP_PER_10_MIN,
    registrationStartsPerIpPer10Min: e.REGISTRATION_STARTS_PER_IP_PER_10_MIN,
    sweepIntervalSeconds: e.SWEEP_INTERVAL_SECONDS,
    mailPollMs: e.MAIL_POLL_MS,
    mailLeaseSeconds: e.MAIL_LEASE_SECONDS,
    mailConnections: e.MAIL_CONNECTIONS,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === 'true',
    secureCookies: production,
  };
}

/** What production asks of SESSION_SECRET: it keys every HMAC and the TOTP secrets' encryption. */
export const MIN_SECRET_BITS = 128;

/**
 * An estimate of a secret's entropy in bits, from how it is written rather than its length: each
 * character costs what a random one of its alphabet would (16 for hex, else the classes it uses);
 * a stretch that repeats earlier text (`abcabc`, `aaaa`) or runs in steps of -1, 0 or +1
 * (`012345`, `zyxwvu`) costs only what it takes to say where it starts and how long it is. A
 * guesser who tries such patterns first pays no more than that for them.
 */
export function secretEntropyBits(secret: string): number {
  const s = [...secret.slice(0, 512)];
  const codes = s.map((ch) => ch.codePointAt(0) ?? 0);
  const hex = /^(?:[0-9a-f]+|[0-9A-F]+)$/.test(secret);
  let alphabet = 0;
  if (hex) alphabet = 16;
  else {
    if (/[0-9]/.test(secret)) alphabet += 10;
    if (/[a-z]/.test(secret)) alphabet += 26;
    if (/[A-Z]/.test(secret)) alphabet += 26;
    if (/[^0-9a-zA-Z]/.test(secret)) alphabet += 33;
    if (/[^\x20-\x7e]/.test(secret)) alphabet += 100;
  }
  const perChar = Math.log2(Math.max(alphabet, 2));
  // A pattern counts once chance would rarely make one that long in random text (24 bits of
  // coincidence: 7 hex digits, 5 base64 characters), so random secrets are not marked down.
  const MIN_PATTERN = Math.ceil(24 / perChar) + 1;
  let bits = 0;
  for (let i = 0; i < s.length;) {
    // the longest stretch from i that copies text starting earlier (it may overlap itself)
    let repeat = 0;
    for (let j = 0; j < i; j++) {
      let n = 0;
      while (i + n < s.length && codes[j + n] === codes[i + n]) n++;
      repeat = Math.max(repeat, n);
    }
    // the longest stretch from i whose characters step by the same -1, 0 or +1
    let run = 1;
    const step = (codes[i + 1] ?? NaN) - (codes[i] ?? NaN);
    if (Math.abs(step) <= 1)
      while (i + run < s.length && (codes[i + run] ?? NaN) - (codes[i + run - 1] ?? NaN) === step) run++;
    if (run >= MIN_PATTERN && run >= repeat) {
      bits += perChar + Math.log2(run) + Math.log2(3);
      i += run;
    } else if (repeat >= MIN_PATTERN) {
      bits += Math.log2(i) + Math.log2(repeat);
      i += repeat;
    } else {
      bits += perChar;
      i += 1;
    }
  }
  return bits;
}

/** Test-only environment values (read here so that no other module touches process.env). */
export function testEnv(): { testDatabaseUrl: string | undefined; chromiumPath: string; path: string } {
  return {
    testDatabaseUrl: process.env.TEST_DATABASE_URL || undefined,
    chromiumPath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    /** handed to the processes that tests and the benchmark start (npm, node, chromium) */
    path: process.env.PATH ?? '',
  };
}

/**
 * Outside production a missing SESSION_SECRET is generated once and kept beside the embedded
 * database, so a restart keeps sessions and pending registrations valid. Tests get a fresh one.
 */
function developmentSecret(dataDir: string, env: string): string {
  if (env === 'test') return randomBytes(32).toString('hex');
  const file = join(dataDir, 'session-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    const secret = randomBytes(32).toString('hex');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
