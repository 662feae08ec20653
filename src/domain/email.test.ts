import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { maskEmail, parseEmail, type EmailErrorCode } from './email.js';

const ok = (email: string, key = email.toLowerCase()) => ({ ok: true, email, key });
const err = (code: EmailErrorCode) => ({ ok: false, code });

describe('parseEmail: normalisation', () => {
  it.each([
    ['ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ', 'taro@example.jp'],
    ['  taro@example.jp  ', 'taro@example.jp'],
    ['\u3000taro@example.jp\u3000', 'taro@example.jp'],
    ['taro－yamada@example.jp', 'taro-yamada@example.jp'],
    ['taroーyamada@example.jp', 'taro-yamada@example.jp'],
    ['Ｔａｒｏ.Yamada@Example.JP', 'Taro.Yamada@Example.JP'],
  ])('%s → %s', (input, email) => {
    expect(parseEmail(input)).toEqual(ok(email));
  });

  it('keeps the case in email and lower-cases the key', () => {
    expect(parseEmail('Taro.Yamada@Example.JP')).toEqual({
      ok: true,
      email: 'Taro.Yamada@Example.JP',
      key: 'taro.yamada@example.jp',
    });
    const a = parseEmail('TARO@EXAMPLE.JP');
    const b = parseEmail('taro@example.jp');
    expect(a.ok && b.ok && a.key === b.key).toBe(true);
  });

  it.each(['', '   ', '\u3000'])('empty %j → required', (input) => {
    expect(parseEmail(input)).toEqual(err('required'));
  });
});

describe('FAQ rule 1: only half-width letters, digits and the listed symbols', () => {
  it.each([
    "a!#$%&'*+-/=?^_`{|}~.z@example.jp",
    'user+tag@example.jp',
    'a_b@example.co.jp',
    'x1@docomo.ne.jp',
  ])('accepts %s', (input) => {
    expect(parseEmail(input)).toEqual(ok(input));
  });

  it.each([
    'taro yamada@example.jp',
    'taro,yamada@example.jp',
    'taro(yamada)@example.jp',
    'taro"x"@example.jp',
    'taro;x@example.jp',
    'taro:x@example.jp',
    'taro<x>@example.jp',
    'taro[x]@example.jp',
    'taro\\x@example.jp',
    'たろう@example.jp',
    '山田@example.jp',
    'tarö@example.jp',
    'taro@例え.jp',
  ])('refuses %s', (input) => {
    expect(parseEmail(input)).toEqual(err('invalid_chars'));
  });
});

describe('FAQ rule 2: no two dots in a row', () => {
  it.each(['taro..yamada@example.jp', 'taro...y@example.jp', 'taro@example..jp'])('refuses %s', (input) => {
    expect(parseEmail(input)).toEqual(err('consecutive_dots'));
  });
  it('accepts single dots', () => {
    expect(parseEmail('t.a.r.o@example.jp')).toEqual(ok('t.a.r.o@example.jp'));
  });
});

describe('FAQ rule 3: first character and last before @ are letters or digits', () => {
  it.each([
    '.taro@example.jp',
    'taro.@example.jp',
    '-taro@example.jp',
    'taro-@example.jp',
    '_taro@example.jp',
    'taro_@example.jp',
    '+taro@example.jp',
    'taro!@example.jp',
    '@example.jp',
  ])('refuses %s', (input) => {
    expect(parseEmail(input)).toEqual(err('bad_edge'));
  });
  it.each(['1taro9@example.jp', 'T@example.jp', 'a-b@example.jp'])('accepts %s', (input) => {
    expect(parseEmail(input)).toEqual(ok(input));
  });
});

describe('FAQ rule 4: shorter than 256 characters', () => {
  // 64 + 1 + 190 = 255
  const local = 'a'.repeat(64);
  const domain255 = `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(59)}.jp`;
  it('accepts exactly 255 characters', () => {
    const email = `${local}@${domain255}`;
    expect(email.length).toBe(255);
    expect(parseEmail(email)).toEqual(ok(email));
  });
  it('refuses 256 characters', () => {
    const email = `${local}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(60)}.jp`;
    expect(email.length).toBe(256);
    expect(parseEmail(email)).toEqual(err('too_long'));
  });
  it('counts after normalisation (surrounding spaces do not count)', () => {
    const email = `${local}@${domain255}`;
    expect(parseEmail(`  ${email}  `)).toEqual(ok(email));
  });
});

describe('rule 5: one @, a domain of labels with a dot', () => {
  it.each([
    ['taro', 'bad_format'],
    ['taro@@example.jp', 'bad_format'],
    ['taro@exa@mple.jp', 'bad_format'],
    [`${'a'.repeat(65)}@example.jp`, 'bad_format'],
    ['taro@', 'bad_domain'],
    ['taro@localhost', 'bad_domain'],
    ['taro@example', 'bad_domain'],
    ['taro@.example.jp', 'bad_domain'],
    ['taro@example.jp.', 'bad_domain'],
    ['taro@-example.jp', 'bad_domain'],
    ['taro@example-.jp', 'bad_domain'],
    ['taro@exa_mple.jp', 'bad_domain'],
    ['taro@example.j', 'bad_domain'],
    ['taro@example.123', 'bad_domain'],
    ['taro@example.j-p', 'bad_domain'],
    ['taro@[127.0.0.1]', 'invalid_chars'],
    [`taro@${'a'.repeat(64)}.jp`, 'bad_domain'],
  ] as const)('%s → %s', (input, code) => {
    expect(parseEmail(input)).toEqual(err(code));
  });
  it.each([
    `${'a'.repeat(64)}@example.jp`,
    `taro@${'a'.repeat(63)}.jp`,
    'taro@ex-am-ple.co.jp',
    'taro@1example.jp',
    'taro@mail.example.tokyo',
  ])('accepts %s', (input) => {
    expect(parseEmail(input)).toEqual(ok(input));
  });
});

describe('maskEmail', () => {
  it.each([
    ['taro@example.jp', 'ta***@example.jp'],
    ['Taro.Yamada@example.jp', 'Ta***@example.jp'],
    ['abc@example.jp', 'ab***@example.jp'],
    ['ab@example.jp', 'a***@example.jp'],
    ['a@example.jp', 'a***@example.jp'],
    ['noatsign', 'no***'],
  ])('%s → %s', (input, masked) => {
    expect(maskEmail(input)).toBe(masked);
  });
});

describe('properties', () => {
  it('never throws and always returns a well-formed result', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.emailAddress()), (s) => {
        const r = parseEmail(s);
        if (r.ok) {
          expect(r.key).toBe(r.email.toLowerCase());
          expect(r.email.length).toBeLessThan(256);
        } else {
          expect(typeof r.code).toBe('string');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('an accepted address re-parses to itself', () => {
    fc.assert(
      fc.property(fc.oneof(fc.emailAddress(), fc.string({ unit: 'grapheme' })), (s) => {
        const r = parseEmail(s);
        if (r.ok) expect(parseEmail(r.email)).toEqual(r);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts generated RFC addresses that meet the FAQ rules', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.emailAddress(), (s) => {
        const local = s.slice(0, s.lastIndexOf('@'));
        const tld = s.slice(s.lastIndexOf('.') + 1);
        const meetsFaq =
          !s.includes('..') &&
          /^[A-Za-z0-9]/.test(s) &&
          /[A-Za-z0-9]$/.test(local) &&
          s.length < 256 &&
          /^[A-Za-z]{2,}$/.test(tld);
        if (meetsFaq) {
          accepted++;
          expect(parseEmail(s)).toEqual(ok(s));
        }
      }),
      { numRuns: 1000 },
    );
    expect(accepted).toBeGreaterThan(0);
  });
});
