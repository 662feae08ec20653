/**
 * What the notices' use cases need from the database and the mail templates. `db/notices/notices.ts`
 * implements the store; `mail/templates/ja/notices.ts` the templates.
 */
import type { OutgoingMail } from '../shared/ports.js';

export type NoticeImportance = 'important' | 'normal';
export type NoticeAudience = 'all' | 'individual' | 'business';

export type NoticeRecord = {
  id: string;
  title: string;
  body: string;
  importance: NoticeImportance;
  audience: NoticeAudience;
  publishFrom: Date;
  publishUntil: Date | null;
  withdrawnAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  mailStatus: 'none' | 'sending' | 'done';
  mailTotal: number;
};

export type NoticeInput = {
  title: string;
  body: string;
  importance: NoticeImportance;
  audience: NoticeAudience;
  publishFrom: Date;
  publishUntil: Date | null;
};

export type MailProgress = { sent: number; queued: number; failed: number; total: number };

export interface NoticeStore {
  create(input: NoticeInput, staffId: string, now: Date): Promise<string>;
  update(id: string, input: NoticeInput, staffId: string, now: Date): Promise<boolean>;
  withdraw(id: string, staffId: string, now: Date): Promise<boolean>;
  findById(id: string): Promise<NoticeRecord | null>;
  /** Newest first (by publication start), a page at a time. */
  list(limit: number, offset: number): Promise<{ rows: NoticeRecord[]; total: number }>;
  /** In publication at `now`, newest first; `kinds` limits the audience, `importantOnly` the kind. */
  published(
    now: Date,
    filter: { audiences: NoticeAudience[]; importantOnly: boolean; limit: number },
  ): Promise<NoticeRecord[]>;
  /**
   * Moves a notice from mail_status none to sending and fixes its total (the recipients now), once:
   * null when it was already started.
   */
  startMail(id: string): Promise<{ total: number } | null>;
  /**
   * One batch, in one transaction: takes a notice in `sending` that no other worker holds (SKIP
   * LOCKED), records up to `batch` more deliveries (the primary key refuses a second one for a
   * person) and queues a mail for each newly recorded one only. Marks the notice done when nobody
   * is left. Null when no notice is being sent.
   */
  sendBatch(
    batch: number,
    mailFor: (notice: NoticeRecord, to: { userId: string; email: string }) => OutgoingMail,
    now: Date,
  ): Promise<{ noticeId: string; queued: number; done: boolean } | null>;
  progress(id: string): Promise<MailProgress>;
}

export interface NoticeMailTemplates {
  notice(v: { title: string; body: string; important: boolean; myPageUrl: string; noticeUrl: string }): {
    subject: string;
    body: string;
  };
}
