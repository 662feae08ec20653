/**
 * The e-mailed codes' store on each database: a try counts and reads the codes in one statement,
 * and the first send of a code step starts the owner's one row again whatever it held.
 */
import { describe, expect, it } from 'vitest';
import { emailCodes } from '../../src/db/schema/index.js';
import { emailCodeStore, issueCode, resendCode, useCode } from '../../src/db/email-codes/email-codes.js';
import { registrationStore } from '../../src/db/registration/registrations.js';
import { TestClock } from '../support/clock.js';
import { databaseFactories, useFreshDatabase } from '../support/databases.js';

describe.each(databaseFactories())('e-mailed codes on $name', (factory) => {
  const database = useFreshDatabase(factory);

  it('a try returns the codes it counted against; a new first send forgets every code, try and use', async () => {
    const clock = new TestClock();
    const flow = await registrationStore(database.db).create({
      tokenHash: 'h',
      kind: 'individual',
      lang: 'ja',
      now: clock.now(),
      expiresAt: new Date(clock.now().getTime() + 1800_000),
      audit: { action: 'test' },
    });
    const owner = { purpose: 'registration' as const, flowId: flow.id };
    const store = emailCodeStore(database.db);
    await database.db.transaction((tx) => issueCode(tx, owner, 'aa', clock.now()));
    expect(await store.countTry(owner, 2)).toMatchObject({ codeHmacs: ['aa'], tries: 1, usedAt: null });
    clock.advance(61);
    const resent = await resendCode(
      database.db,
      owner,
      {
        codeHmac: 'bb',
        mail: null,
        now: clock.now(),
        expiresAt: clock.now(),
        notAfter: new Date(clock.now().getTime() - 60_000),
        maxCodes: 6,
      },
      async () => undefined,
    );
    expect(resent).toBe('sent');
    expect(await store.countTry(owner, 2)).toMatchObject({ codeHmacs: ['aa', 'bb'], codesSent: 2, tries: 2 });
    expect(await store.countTry(owner, 2)).toBeNull();
    expect(await database.db.transaction((tx) => useCode(tx, owner, clock.now()))).toBe(true);

    clock.advance(10);
    await database.db.transaction((tx) => issueCode(tx, owner, 'cc', clock.now()));
    const rows = await database.db.select().from(emailCodes);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      purpose: 'registration',
      registrationId: flow.id,
      codeHmacs: ['cc'],
      codesSent: 1,
      lastSentAt: clock.now(),
      tries: 0,
      usedAt: null,
      createdAt: clock.now(),
    });
    expect(await store.countTry(owner, 2)).toMatchObject({ codeHmacs: ['cc'], tries: 1 });
    // a send that mails no code (the address is taken) still counts as the first
    await database.db.transaction((tx) => issueCode(tx, owner, null, clock.now()));
    expect(await store.find(owner)).toMatchObject({ codeHmacs: [], codesSent: 1, tries: 0 });
  });
});
