/**
 * EmailCodeStore on PostgreSQL, and the pieces the flows' stores use inside their own transactions:
 * the first code of a code step, a resend under the limits, the use of a code. Every limit is
 * decided by one conditional UPDATE, so parallel requests cannot both pass it.
 */
import { and, eq, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import type {
  CodeOwner,
  CodeSet,
  EmailCodeStore,
  ResendInput,
  ResendOutcome,
} from '../../app/email-codes/ports.js';
import type { Db } from '../shared/client.js';
import { emailCodes } from '../schema/index.js';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The column of an owner's flow (a unique index each). */
function ownerColumn(owner: CodeOwner) {
  if (owner.purpose === 'registration') return emailCodes.registrationId;
  if (owner.purpose === 'guest_application') return emailCodes.guestFlowId;
  return emailCodes.accountFlowId;
}

/** The row of an owner. */
function ownedBy(owner: CodeOwner): SQL {
  return eq(ownerColumn(owner), owner.flowId);
}

function ownerColumns(owner: CodeOwner) {
  if (owner.purpose === 'registration') return { purpose: owner.purpose, registrationId: owner.flowId };
  if (owner.purpose === 'guest_application') return { purpose: owner.purpose, guestFlowId: owner.flowId };
  return { purpose: owner.purpose, accountFlowId: owner.flowId };
}

/** The columns of a CodeSet. */
const codeSet = {
  codeHmacs: emailCodes.codeHmacs,
  codesSent: emailCodes.codesSent,
  lastSentAt: emailCodes.lastSentAt,
  tries: emailCodes.tries,
  usedAt: emailCodes.usedAt,
};

export function emailCodeStore(db: Db): EmailCodeStore {
  return {
    async find(owner) {
      const [row] = await db.select(codeSet).from(emailCodes).where(ownedBy(owner));
      return (row as CodeSet | undefined) ?? null;
    },

    async countTry(owner, max) {
      // One statement counts the try and reads the codes it is then compared with.
      const [row] = await db
        .update(emailCodes)
        .set({ tries: sql`${emailCodes.tries} + 1` })
        .where(and(ownedBy(owner), lt(emailCodes.tries, max)))
        .returning(codeSet);
      return (row as CodeSet | undefined) ?? null;
    },
  };
}

/**
 * The statement of the first send of a code step (`codeHmac` null when no code is mailed, the send
 * still counts), for the flow's transaction or as a CTE of its step. Codes the owner had before are
 * forgotten: its one row (a unique index per owner column) starts again.
 */
export function issueCodeQuery(q: Db | Tx, owner: CodeOwner, codeHmac: string | null, now: Date) {
  const fresh = {
    codeHmacs: codeHmac ? [codeHmac] : [],
    codesSent: 1,
    lastSentAt: now,
    tries: 0,
    usedAt: null,
    createdAt: now,
  };
  const column = ownerColumn(owner);
  return q
    .insert(emailCodes)
    .values({ ...ownerColumns(owner), ...fresh })
    .onConflictDoUpdate({ target: column, targetWhere: sql`${column} is not null`, set: fresh });
}

export async function issueCode(tx: Tx, owner: CodeOwner, codeHmac: string | null, now: Date): Promise<void> {
  await issueCodeQuery(tx, owner, codeHmac, now);
}

/**
 * A resend, in one transaction: the code is added unless the limits say no (one conditional
 * UPDATE decides), then `alongside` does the flow's part (its new expiry, the mail).
 */
export async function resendCode(
  db: Db,
  owner: CodeOwner,
  input: ResendInput,
  alongside: (tx: Tx) => Promise<void>,
): Promise<ResendOutcome> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(emailCodes)
      .set({
        ...(input.codeHmac
          ? { codeHmacs: sql`array_append(${emailCodes.codeHmacs}, ${input.codeHmac}::text)` }
          : {}),
        codesSent: sql`${emailCodes.codesSent} + 1`,
        lastSentAt: input.now,
      })
      .where(
        and(
          ownedBy(owner),
          isNull(emailCodes.usedAt),
          lt(emailCodes.codesSent, input.maxCodes),
          lte(emailCodes.lastSentAt, input.notAfter),
        ),
      )
      .returning({ id: emailCodes.id });
    if (updated.length === 0) {
      const [row] = await tx.select({ n: emailCodes.codesSent }).from(emailCodes).where(ownedBy(owner));
      return row && row.n >= input.maxCodes ? 'too_many' : 'too_soon';
    }
    await alongside(tx);
    return 'sent';
  });
}

/**
 * The statement that uses the owner's codes (`UPDATE … WHERE used_at IS NULL`: one row for the one
 * request that does, none when another came first), for a flow's transaction or as a CTE of its step.
 */
export function useCodeQuery(q: Db | Tx, owner: CodeOwner, now: Date) {
  return q
    .update(emailCodes)
    .set({ usedAt: now })
    .where(and(ownedBy(owner), isNull(emailCodes.usedAt)))
    .returning({ id: emailCodes.id });
}

/** Uses the owner's codes, in the flow's transaction: true for the one request that does. */
export async function useCode(tx: Tx, owner: CodeOwner, now: Date): Promise<boolean> {
  return (await useCodeQuery(tx, owner, now)).length === 1;
}

/** The statement that forgets the owner's codes once its flow is done with them. */
export function forgetCodesQuery(q: Db | Tx, owner: CodeOwner) {
  return q.delete(emailCodes).where(ownedBy(owner));
}

export async function forgetCodes(tx: Tx, owner: CodeOwner): Promise<void> {
  await forgetCodesQuery(tx, owner);
}
