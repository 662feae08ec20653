import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { checkPassword, PASSWORD_MAX_LENGTH, SERVICE_NAMES } from './password.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

const EMAIL = 'taro.yamada@example.jp';
/** The password error only (confirmation equal to the password). */
const pw = (p: string, email = EMAIL) => checkPassword(p, p, email).password;

describe('accepted passwords', () => {
  it.each(['Tr0ub4dor&3x', 'correct-horse-battery', 'Zx9!mQ2#', 'h7Gk2pWq', 'A'.repeat(60) + 'b'.repeat(68)])(
    '%s',
    (p) => {
      expect(checkPassword(p, p, EMAIL)).toEqual({});
    },
  );
});

describe('required', () => {
  it('empty password', () => {
    expect(checkPassword('', '', EMAIL)).toEqual({ password: 'required', confirm: 'confirm_required' });
  });
  it('empty password, confirmation typed: no mismatch reported', () => {
    expect(checkPassword('', 'Zx9!mQ2#', EMAIL)).toEqual({ password: 'required' });
  });
});

describe('half-width printable ASCII only, never normalised', () => {
  it.each([
    'Ｐａｓｓｗｏｒｄ１２',
    'パスワード1234abcd',
    'Zx9!mQ2#あ',
    'Zx9!mQ2#\u3000',
    'Zx9!mQ2#é',
    'Zx9!mQ2#😀',
  ])('full-width or non-ASCII %j → full_width', (p) => {
    expect(pw(p)).toBe('full_width');
  });
  it.each([
    'Zx9! mQ2#',
    ' Zx9!mQ2#',
    'Zx9!mQ2# ',
    'Zx9!\tmQ2#',
    'Zx9!\nmQ2#',
    'Zx9!\x00mQ2#',
    'Zx9!\x7fmQ2#',
  ])('space or control %j → invalid_chars', (p) => {
    expect(pw(p)).toBe('invalid_chars');
  });
  it('does not trim: the confirmation must match exactly', () => {
    expect(checkPassword('Zx9!mQ2#', 'Zx9!mQ2# ', EMAIL)).toEqual({ confirm: 'confirm_mismatch' });
  });
});

describe('length 8..128, never truncated', () => {
  it.each([
    ['Ab1!', 'too_short'],
    ['Zx9!mQ2', 'too_short'],
    ['Zx9!mQ2#', undefined],
    ['a1' + 'x'.repeat(126), undefined],
    ['a1' + 'x'.repeat(127), 'too_long'],
    ['a1' + 'x'.repeat(1000), 'too_long'],
  ])('%s → %s', (p, code) => {
    expect(pw(p)).toBe(code);
  });
  it('128 is the maximum', () => {
    expect(PASSWORD_MAX_LENGTH).toBe(128);
  });
});

describe('at least two kinds of upper, lower, digit, symbol', () => {
  it.each([
    ['qzmxnvbw', 'too_few_kinds'],
    ['QZMXNVBW', 'too_few_kinds'],
    ['93817264', 'too_few_kinds'],
    ['!#$%&*+-', 'too_few_kinds'],
    ['qzmxNVBW', undefined],
    ['qzmx9264', undefined],
    ['qzmx!#$%', undefined],
    ['QZMX9264', undefined],
    ['QZMX!#$%', undefined],
    ['9381!#$%', undefined],
    ['9381[]{}', undefined],
    ['9381~`^_', undefined],
  ])('%s → %s', (p, code) => {
    expect(pw(p)).toBe(code);
  });
});

describe('not the email address or its local part (case-insensitive)', () => {
  it.each([
    ['taro.yamada@example.jp', 'same_as_email'],
    ['TARO.YAMADA@EXAMPLE.JP', 'same_as_email'],
    ['taro.yamada', 'same_as_email'],
    ['Taro.Yamada', 'same_as_email'],
    ['taro.yamada1', undefined],
  ])('%s → %s', (p, code) => {
    expect(pw(p)).toBe(code);
  });
  it('uses the given email', () => {
    expect(pw('Hanako.S1', 'hanako.s1@example.jp')).toBe('same_as_email');
    expect(pw('Hanako.S1', EMAIL)).toBe(undefined);
  });
  it('an empty email does not match anything', () => {
    expect(pw('Zx9!mQ2#', '')).toBe(undefined);
  });
});

describe('no service or city name (case-insensitive)', () => {
  it.each([
    'kawasaki1',
    'Kawasaki2024!',
    'myKAWASAKIpw1',
    'e-Kawasaki9',
    'ekawasaki#1',
    'Madoguchi1',
    'x1madoguchi',
  ])('%s → contains_service_name', (p) => {
    expect(pw(p)).toBe('contains_service_name');
  });
  it('lists the names', () => {
    expect(SERVICE_NAMES).toEqual(['kawasaki', 'e-kawasaki', 'ekawasaki', 'madoguchi']);
  });
  it('kawasak1 is not the name', () => {
    expect(pw('kawasak1x')).toBe(undefined);
  });
});

describe('not a common password (case-insensitive)', () => {
  it.each([
    'password1',
    'Password1',
    'PASSWORD123',
    'Passw0rd',
    'P@ssw0rd',
    'qwerty123',
    'abc12345',
    '1qaz2wsx',
    'iloveyou1',
    'sakura123',
    'Tokyo2020',
    'Doraemon1',
    'arigatou1',
  ])('%s → common', (p) => {
    expect(pw(p)).toBe('common');
  });
  it('the list is lower-case, 8+ printable ASCII, and large', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(1000);
    for (const p of COMMON_PASSWORDS) {
      expect(p).toBe(p.toLowerCase());
      expect(p).toMatch(/^[\x21-\x7e]{8,128}$/);
    }
    for (const p of ['password', '12345678', 'iloveyou', 'doraemon', 'arigatou', 'p@ssw0rd', 'passw0rd']) {
      expect(COMMON_PASSWORDS.has(p)).toBe(true);
    }
  });
  it('a password from the list in another case is refused (when it has two kinds)', () => {
    const twoKinds = [...COMMON_PASSWORDS].filter(
      (p) => /[a-z]/.test(p) && /[0-9]/.test(p) && !SERVICE_NAMES.some((n) => p.includes(n)),
    );
    expect(twoKinds.length).toBeGreaterThanOrEqual(1000);
    for (const p of twoKinds.slice(0, 200)) expect(pw(p.toUpperCase())).toBe('common');
  });
});

describe('confirmation', () => {
  it.each([
    ['Zx9!mQ2#', '', { confirm: 'confirm_required' }],
    ['Zx9!mQ2#', 'Zx9!mQ2$', { confirm: 'confirm_mismatch' }],
    ['Zx9!mQ2#', 'zx9!mq2#', { confirm: 'confirm_mismatch' }],
    ['Zx9!mQ2#', 'Zx9!mQ2#', {}],
    ['short', 'short', { password: 'too_short' }],
    ['short', 'other', { password: 'too_short', confirm: 'confirm_mismatch' }],
  ])('%s / %s', (p, c, expected) => {
    expect(checkPassword(p, c, EMAIL)).toEqual(expected);
  });
});

describe('properties', () => {
  it('never throws; codes come from the list', () => {
    const codes = new Set([
      'required',
      'full_width',
      'invalid_chars',
      'too_short',
      'too_long',
      'too_few_kinds',
      'same_as_email',
      'contains_service_name',
      'common',
    ]);
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary' })),
        fc.oneof(fc.string(), fc.constant('')),
        fc.oneof(fc.string(), fc.emailAddress()),
        (p, c, e) => {
          const r = checkPassword(p, c, e);
          if (r.password !== undefined) expect(codes.has(r.password)).toBe(true);
          if (r.confirm !== undefined) expect(['confirm_required', 'confirm_mismatch']).toContain(r.confirm);
          expect(checkPassword(p, p, e).confirm).toBe(p === '' ? 'confirm_required' : undefined);
        },
      ),
      { numRuns: 2000 },
    );
  });
  it('any accepted password is 8..128 printable ASCII with two kinds', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8, maxLength: 40 }), (p) => {
        if (checkPassword(p, p, EMAIL).password === undefined) {
          expect(p).toMatch(/^[\x21-\x7e]{8,128}$/);
        }
      }),
    );
  });
});
