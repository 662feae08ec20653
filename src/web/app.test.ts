import { describe, expect, it } from 'vitest';
import { errorForLog, logPath } from './app.js';

describe('what the request log may contain', () => {
  it('replaces tokens and postal codes in paths', () => {
    expect(logPath('/admin/enrol/Zx8_kq2LmN0pQr5sT7uV9wXy')).toBe('/admin/enrol/:token');
    expect(logPath('/api/postal-codes/2100007')).toBe('/api/postal-codes/:code');
    expect(logPath('/api/postal-codes/210-0007')).toBe('/api/postal-codes/:code');
    expect(logPath('/register/email')).toBe('/register/email');
    expect(logPath('/admin/users/3f1c2a9e-8b7d-4c6e-9f00-1a2b3c4d5e6f')).toBe(
      '/admin/users/3f1c2a9e-8b7d-4c6e-9f00-1a2b3c4d5e6f',
    );
  });

  it('keeps an error kind, code and frames but never its message (which may hold query parameters)', () => {
    const err = Object.assign(new Error('duplicate key value (email_key)=(taro@example.jp)'), {
      code: '23505',
    });
    const logged = errorForLog(err);
    expect(logged.name).toBe('Error');
    expect(logged.code).toBe('23505');
    expect(logged.stack).toMatch(/^\s+at /);
    expect(JSON.stringify(logged)).not.toContain('taro@example.jp');
  });
});

describe('redirect targets', () => {
  it('only paths on this site are followed, and never back to ログイン', async () => {
    const { safeLocalPath } = await import('./shared/paths.js');
    const { safeNext } = await import('./routes/account/account.js');
    expect(safeLocalPath('/faq', '/')).toBe('/faq');
    expect(safeLocalPath('//evil.example/x', '/')).toBe('/');
    expect(safeLocalPath('/\\evil.example', '/')).toBe('/');
    expect(safeLocalPath('https://evil.example/', '/')).toBe('/');
    expect(safeLocalPath(undefined, '/')).toBe('/');
    expect(safeNext('/account/profile')).toBe('/account/profile');
    expect(safeNext('/login?next=/x')).toBe('/mypage');
    expect(safeNext('//evil.example')).toBe('/mypage');
  });
});
