/** お知らせ: notices and their mail deliveries. */
import { index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { ts } from './columns.js';
import { users } from './account.js';

/** お知らせ: important ones show on the portal home; all on マイページ for their audience. */
export const notices = pgTable(
  'notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    importance: text('importance', { enum: ['important', 'normal'] }).notNull(),
    audience: text('audience', { enum: ['all', 'individual', 'business'] }).notNull(),
    publishFrom: ts('publish_from').notNull(),
    publishUntil: ts('publish_until'),
    withdrawnAt: ts('withdrawn_at'),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    /** mail sending: none → sending → done; total fixed when sending starts */
    mailStatus: text('mail_status', { enum: ['none', 'sending', 'done'] })
      .notNull()
      .default('none'),
    mailTotal: integer('mail_total').notNull().default(0),
  },
  (t) => [
    index('notices_publish_idx').on(t.publishFrom),
    // every process looks for a notice being mailed at each poll
    index('notices_mail_sending_idx')
      .on(t.createdAt)
      .where(sql`${t.mailStatus} = 'sending'`),
  ],
);

/** One row per person a notice was mailed to: the primary key is why nobody gets it twice. */
export const noticeDeliveries = pgTable(
  'notice_deliveries',
  {
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => notices.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.noticeId, t.userId] }),
    // 退会 takes the person's deliveries (cascade): the primary key leads with the notice
    index('notice_deliveries_user_idx').on(t.userId),
  ],
);
