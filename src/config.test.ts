import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, MIN_SECRET_BITS, loadConfig, secretEntropyBits } from './config.js';

describe('configuration', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({ NODE_ENV: 'test' });
    expect(c).toMatchObject({
      port: 3000,
      baseUrl: 'http://localhost:3000',
      databaseUrl: undefined,
      dataDir: './data',
      smtpUrl: undefined,
      mailFrom: 'noreply@dx.city.kawasaki.jp',
      mailDomain: 'dx.city.kawasaki.jp',
      registrationTtlSeconds: 1800,
      sessionIdleSeconds: 1800,
      sessionAbsoluteSeconds: 43200,
      mailPollMs: 1000,
      mailConnections: 5,
      secureCookies: false,
    });
    expect(c.sessionSecret).toMatch(/^[0-9a-f]{64}$/);
  });

  it('follows PORT in the default BASE_URL and takes the mail domain from MAIL_FROM', () => {
    const c = loadConfig({ NODE_ENV: 'test', PORT: '8080', MAIL_FROM: 'info@city.example.jp' });
    expect(c.baseUrl).toBe('http://localhost:8080');
    expect(c.mailDomain).toBe('city.example.jp');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['REGISTRATION_TTL_SECONDS', '-5'],
    ['DATABASE_URL', 'mysql://x'],
    ['SMTP_URL', 'http://mail'],
    ['MAIL_FROM', 'not-an-address'],
    ['MAIL_CONNECTIONS', '0'],
    ['BASE_URL', 'ftp://example.jp'],
    ['NODE_ENV', 'staging'],
  ])('a bad %s (%s) stops start-up with a message naming it', (name, value) => {
    expect(() => loadConfig({ NODE_ENV: 'test', [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'test', [name]: value })).toThrow(name);
  });

  const production = {
    NODE_ENV: 'production',
    SESSION_SECRET: 'f3a9c1e7b2d84a6f9e0c5b7a1d3e8f2c4b6a9d0e',
    BASE_URL: 'https://e-kawasaki.example.jp',
    DATABASE_URL: 'postgres://app@db/madoguchi',
    SMTP_URL: 'smtp://relay.internal:25',
  };

  it('production starts with a strong secret, https and a database server, and uses secure cookies', () => {
    expect(loadConfig(production).secureCookies).toBe(true);
  });

  it.each([
    ['SESSION_SECRET', { SESSION_SECRET: undefined }],
    ['SESSION_SECRET', { SESSION_SECRET: 'short' }],
    ['SESSION_SECRET', { SESSION_SECRET: 'a'.repeat(40) }],
    ['SESSION_SECRET', { SESSION_SECRET: '0123456789abcdefghijklmnopqrstuvwxyz' }],
    ['SESSION_SECRET', { SESSION_SECRET: 'abcXYZ12'.repeat(6) }],
    ['SESSION_SECRET', { SESSION_SECRET: 'Password123!Password123!Password123!' }],
    ['BASE_URL', { BASE_URL: 'http://e-kawasaki.example.jp' }],
    ['BASE_URL', { BASE_URL: undefined }],
    ['DATABASE_URL', { DATABASE_URL: undefined }],
    ['SMTP_URL', { SMTP_URL: undefined }],
  ])('production refuses to start and names %s', (name, change) => {
    expect(() => loadConfig({ ...production, ...change })).toThrow(new RegExp(`${name}: `));
  });

  it('a weak SESSION_SECRET is refused by its estimated entropy, with the way to make a good one', () => {
    const weak = '0123456789abcdefghijklmnopqrstuvwxyz';
    expect(secretEntropyBits(weak)).toBeLessThan(MIN_SECRET_BITS);
    expect(() => loadConfig({ ...production, SESSION_SECRET: weak })).toThrow(
      /SESSION_SECRET: too weak \(about \d+ bits of entropy, at least 128 needed\); generate one with: openssl rand -base64 48/,
    );
  });

  it.each([
    ['openssl rand -hex 16 (32 hex digits)', () => randomBytes(16).toString('hex')],
    ['openssl rand -base64 24 (32 characters)', () => randomBytes(24).toString('base64')],
    ['openssl rand -base64 48', () => randomBytes(48).toString('base64')],
    ['64 hex digits', () => randomBytes(32).toString('hex')],
  ])('random secrets pass: %s', (_name, make) => {
    for (let i = 0; i < 2000; i++) {
      const secret = make();
      expect(secretEntropyBits(secret), secret).toBeGreaterThanOrEqual(MIN_SECRET_BITS);
    }
    expect(loadConfig({ ...production, SESSION_SECRET: make() }).secureCookies).toBe(true);
  });
});
