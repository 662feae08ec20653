import { describe, expect, it } from 'vitest';
import { MAX_CODE_TRIES, emailCodeUseCases } from './email-codes.js';
import type { CodeOwner, CodeSet, EmailCodeStore } from './ports.js';

const NOW = new Date('2026-11-25T01:00:00Z');
const OWNER: CodeOwner = { purpose: 'password_reset', flowId: 'f1' };

/** One owner's codes in memory, counting tries as the database does. */
function fakeStore(set: CodeSet): EmailCodeStore & { set: CodeSet } {
  return {
    set,
    async find() {
      return { ...set, codeHmacs: [...set.codeHmacs] };
    },
    async countTry(_owner, max) {
      if (set.tries >= max) return null;
      set.tries += 1;
      return { ...set, codeHmacs: [...set.codeHmacs] };
    },
  };
}

const sentAgo = (seconds: number, codesSent = 1): CodeSet => ({
  codeHmacs: [],
  codesSent,
  lastSentAt: new Date(NOW.getTime() - seconds * 1000),
  tries: 0,
  usedAt: null,
});

describe('the e-mailed code', () => {
  it('a resend waits a minute after the last code, and there are at most six codes', async () => {
    const soon = emailCodeUseCases({ codes: fakeStore(sentAgo(45)), secret: 's' });
    expect(await soon.resendLimits(OWNER, NOW)).toEqual({
      ok: false,
      refused: 'too_soon',
      retryAfterSeconds: 15,
    });
    const due = emailCodeUseCases({ codes: fakeStore(sentAgo(60)), secret: 's' });
    expect(await due.resendLimits(OWNER, NOW)).toEqual({
      ok: true,
      limits: { notAfter: new Date(NOW.getTime() - 60_000), maxCodes: 6 },
    });
    const spent = emailCodeUseCases({ codes: fakeStore(sentAgo(600, 6)), secret: 's' });
    expect(await spent.resendLimits(OWNER, NOW)).toMatchObject({ refused: 'too_many' });
  });

  it('the code it issued matches, pasted in full-width digits with spaces; input that is no code costs no try', async () => {
    const store = fakeStore(sentAgo(0));
    const codes = emailCodeUseCases({ codes: store, secret: 's' });
    const { code, codeHmac } = codes.issue(OWNER);
    store.set.codeHmacs.push(codeHmac);
    expect(await codes.tryCode(OWNER, '12 34')).toMatchObject({ kind: 'invalid' });
    expect(store.set.tries).toBe(0);
    const fullWidth = code.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(await codes.tryCode(OWNER, ` ${fullWidth.slice(0, 3)} ${fullWidth.slice(3)} `)).toEqual({
      kind: 'match',
      tries: 1,
    });
    // The same digits for another flow are another HMAC: no match.
    expect(await codes.tryCode({ ...OWNER, flowId: 'f2' }, code)).toMatchObject({ kind: 'wrong' });
    // Once used, the codes match no more.
    store.set.usedAt = NOW;
    expect(await codes.tryCode(OWNER, code)).toMatchObject({ kind: 'wrong' });
  });

  it('the fifth wrong try ends the flow, and no try is left after it', async () => {
    const store = fakeStore(sentAgo(0));
    const codes = emailCodeUseCases({ codes: store, secret: 's' });
    const answers = [];
    for (let i = 0; i < MAX_CODE_TRIES; i++) {
      const tried = await codes.tryCode(OWNER, '000000');
      if (tried.kind !== 'wrong') throw new Error(`try ${i}: ${tried.kind}`);
      answers.push(codes.afterWrong(tried.tries));
    }
    expect(answers.map((a) => ('triesLeft' in a ? a.triesLeft : a.problem))).toEqual([
      4,
      3,
      2,
      1,
      'exhausted',
    ]);
    expect(await codes.tryCode(OWNER, '000000')).toEqual({ kind: 'exhausted' });
  });
});
