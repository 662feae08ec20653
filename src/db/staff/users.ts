/**
 * What staff do with residents' accounts, on PostgreSQL: search (partial; hiragana and katakana
 * alike; phone by digits), status, and deletion on request — the same deletion as 退会
 * (`deleteAccount` in db/users.ts).
 */
import { and, count, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { StaffUserStore, UserSearchHit } from '../../app/staff/ports.js';
import type { Db } from '../shared/client.js';
import { sessions, users } from '../schema/index.js';
import { toUserRecord, userStore } from '../account/users.js';
import { isUuid } from '../../domain/ids.js';

/** ぁ..ゖ and ァ..ヶ: for translate(), so that a search is blind to the difference. */
const HIRAGANA = Array.from({ length: 0x3096 - 0x3041 + 1 }, (_, i) => String.fromCharCode(0x3041 + i)).join(
  '',
);
const KATAKANA = Array.from({ length: 0x30f6 - 0x30a1 + 1 }, (_, i) => String.fromCharCode(0x30a1 + i)).join(
  '',
);

export function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

function likePattern(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A column as searched: no spaces (full-width ones too), hiragana as katakana, lower case. */
function folded(column: SQL): SQL {
  return sql`lower(translate(replace(replace(coalesce(${column}, ''), ' ', ''), '　', ''), ${HIRAGANA}, ${KATAKANA}))`;
}

export type SearchTerms = { text: string; digits: string | null };

/** What a search string means: the text folded like the columns, and its digits if it looks like a phone. */
export function searchTerms(query: string): SearchTerms {
  const text = toKatakana(query.normalize('NFKC'))
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase();
  const digits = /^[\d\s()+\-ー−‐－]+$/.test(query.normalize('NFKC'))
    ? query.normalize('NFKC').replace(/\D/g, '')
    : null;
  return { text, digits: digits && digits.length >= 2 ? digits : null };
}

export function staffUserStore(db: Db): StaffUserStore {
  return {
    async search(query, limit, offset) {
      const t = searchTerms(query);
      if (t.text === '') return { rows: [], total: 0 };
      const p = likePattern(t.text);
      const conditions: SQL[] = [
        sql`${users.emailKey} like ${p}`,
        sql`${folded(sql`${users.familyName} || coalesce(${users.givenName}, '')`)} like ${p}`,
        sql`${folded(sql`${users.familyNameKana} || coalesce(${users.givenNameKana}, '')`)} like ${p}`,
        sql`${folded(sql`${users.orgName}`)} like ${p}`,
        sql`${folded(sql`${users.orgNameKana}`)} like ${p}`,
        sql`${folded(sql`${users.representativeName}`)} like ${p}`,
        sql`${folded(sql`${users.contactName}`)} like ${p}`,
      ];
      if (t.digits) conditions.push(sql`${users.phone} like ${likePattern(t.digits)}`);
      const where = or(...conditions);
      const rows = await db
        .select()
        .from(users)
        .where(where)
        .orderBy(desc(users.createdAt), users.id)
        .limit(limit)
        .offset(offset);
      const [total] = await db.select({ n: count() }).from(users).where(where);
      const hits: UserSearchHit[] = rows.map((r) => {
        const u = toUserRecord(r);
        return {
          id: u.id,
          kind: u.kind,
          email: u.email,
          displayName: u.displayName,
          phone: r.phone,
          status: u.status,
          createdAt: u.createdAt,
        };
      });
      return { rows: hits, total: total?.n ?? 0 };
    },

    async findById(id) {
      if (!isUuid(id)) return null;
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row ? toUserRecord(row) : null;
    },

    async setStatus(id, status, now) {
      if (!isUuid(id)) return false;
      return db.transaction(async (tx) => {
        const rows = await tx
          .update(users)
          .set({ status, updatedAt: now })
          .where(and(eq(users.id, id), sql`${users.status} <> ${status}`))
          .returning({ id: users.id });
        if (rows.length === 1 && status === 'suspended')
          await tx.delete(sessions).where(eq(sessions.userId, id));
        return rows.length === 1;
      });
    },

    async deleteUser(id, mail, now) {
      // Exactly the deletion of 退会 (db/users.ts), so both ways of leaving remove the same data.
      return userStore(db).deleteAccount(id, mail, now);
    },
  };
}
