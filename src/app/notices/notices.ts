/**
 * お知らせ: staff write, schedule and withdraw them; residents see those in publication for their
 * kind (important ones on the portal home too); staff may send one by mail, once, through the
 * outbox in batches that any process continues (see db/notices/notices.ts for the guarantees).
 */
import { normalizeName } from '../../domain/normalize.js';
import type { UserKind } from '../../domain/profile.js';
import type { AuditLog, Clock } from '../shared/ports.js';
import type { RequestMeta } from '../shared/request-meta.js';
import type { StaffMember } from '../staff/staff.js';
import type {
  MailProgress,
  NoticeAudience,
  NoticeImportance,
  NoticeInput,
  NoticeMailTemplates,
  NoticeRecord,
  NoticeStore,
} from './ports.js';

export const NOTICE_TITLE_MAX = 100;
export const NOTICE_BODY_MAX = 4000;
export const NOTICE_MAIL_BATCH = 200;
export const NOTICES_PER_PAGE = 20;

export type NoticeDeps = {
  notices: NoticeStore;
  audit: AuditLog;
  clock: Clock;
  templates: NoticeMailTemplates;
  baseUrl: string;
  batchSize?: number;
};

export type NoticeState = 'scheduled' | 'published' | 'ended' | 'withdrawn';

export function noticeState(n: NoticeRecord, now: Date): NoticeState {
  if (n.withdrawnAt) return 'withdrawn';
  if (n.publishFrom.getTime() > now.getTime()) return 'scheduled';
  if (n.publishUntil && n.publishUntil.getTime() <= now.getTime()) return 'ended';
  return 'published';
}

/** A JST date-time typed in the form (2026-11-25T10:00, 2026/11/25 10:00, 2026-11-25) → Date. */
export function parseJstDateTime(raw: string): Date | null | 'invalid' {
  const s = raw.normalize('NFKC').trim();
  if (s === '') return null;
  const m = s.match(/^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2}))?$/);
  if (!m) return 'invalid';
  const [y, mo, d, h = '0', mi = '0'] = m.slice(1).map((v) => v ?? '0') as string[];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return 'invalid';
  const utc = Date.UTC(year, month - 1, day, hour - 9, minute);
  const check = new Date(utc + 9 * 3600 * 1000);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return 'invalid';
  return new Date(utc);
}

/** A Date as the value of a datetime-local input, in Japan's time. */
export function toJstInput(d: Date | null): string {
  if (!d) return '';
  return new Date(d.getTime() + 9 * 3600 * 1000).toISOString().slice(0, 16);
}

export type NoticeFormValues = {
  title: string;
  body: string;
  importance: string;
  audience: string;
  publishFrom: string;
  publishUntil: string;
};

export type NoticeFormResult =
  | { ok: true; input: NoticeInput }
  | { ok: false; errors: { field: string; message: string }[]; values: NoticeFormValues };

const IMPORTANCES: readonly NoticeImportance[] = ['important', 'normal'];
const AUDIENCES: readonly NoticeAudience[] = ['all', 'individual', 'business'];

export function parseNoticeForm(raw: Record<string, string | undefined>, now: Date): NoticeFormResult {
  const values: NoticeFormValues = {
    title: normalizeName(raw.title ?? ''),
    // The body keeps its lines; only Windows line ends are unified and trailing space trimmed.
    body: (raw.body ?? '')
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t\u3000]+$/gm, '')
      .trim(),
    importance: raw.importance ?? '',
    audience: raw.audience ?? '',
    publishFrom: (raw.publishFrom ?? '').trim(),
    publishUntil: (raw.publishUntil ?? '').trim(),
  };
  const errors: { field: string; message: string }[] = [];
  if (values.title === '') errors.push({ field: 'title', message: '件名を入力してください' });
  else if ([...values.title].length > NOTICE_TITLE_MAX)
    errors.push({ field: 'title', message: `件名は${NOTICE_TITLE_MAX}文字以内で入力してください` });
  if (values.body === '') errors.push({ field: 'body', message: '本文を入力してください' });
  else if ([...values.body].length > NOTICE_BODY_MAX)
    errors.push({ field: 'body', message: `本文は${NOTICE_BODY_MAX}文字以内で入力してください` });
  if (!(IMPORTANCES as readonly string[]).includes(values.importance))
    errors.push({ field: 'importance', message: '種別を選択してください' });
  if (!(AUDIENCES as readonly string[]).includes(values.audience))
    errors.push({ field: 'audience', message: '対象を選択してください' });
  const from = parseJstDateTime(values.publishFrom);
  const until = parseJstDateTime(values.publishUntil);
  if (from === 'invalid')
    errors.push({ field: 'publishFrom', message: '公開開始は「2026-11-25 09:00」の形で入力してください' });
  if (until === 'invalid')
    errors.push({ field: 'publishUntil', message: '公開終了は「2026-11-30 17:00」の形で入力してください' });
  const start = from instanceof Date ? from : now;
  if (until instanceof Date && until.getTime() <= start.getTime())
    errors.push({ field: 'publishUntil', message: '公開終了は公開開始より後の日時を入力してください' });
  if (errors.length > 0) return { ok: false, errors, values };
  return {
    ok: true,
    input: {
      title: values.title,
      body: values.body,
      importance: values.importance as NoticeImportance,
      audience: values.audience as NoticeAudience,
      publishFrom: start,
      publishUntil: until instanceof Date ? until : null,
    },
  };
}

/** How long the portal home's list of important notices is reused (see docs/decisions). */
export const IMPORTANT_NOTICES_KEPT_MS = 5_000;

/**
 * Lists read from the store and reused for `ms`, one per key; `clear` forgets them all. A failed read
 * is not kept: the next visit asks the database again.
 */
function keptLists(ms: number) {
  const kept = new Map<string, { at: number; list: Promise<NoticeRecord[]> }>();
  return {
    get(key: string, now: number, read: () => Promise<NoticeRecord[]>): Promise<NoticeRecord[]> {
      const entry = kept.get(key);
      const age = entry ? now - entry.at : Infinity;
      if (entry && age >= 0 && age < ms) return entry.list;
      const fresh = { at: now, list: read() };
      kept.set(key, fresh);
      fresh.list.catch(() => {
        if (kept.get(key) === fresh) kept.delete(key);
      });
      return fresh.list;
    },
    clear: () => kept.clear(),
  };
}

export function noticeUseCases(deps: NoticeDeps) {
  const { notices, audit, clock } = deps;
  const batchSize = deps.batchSize ?? NOTICE_MAIL_BATCH;
  /**
   * The portal home asks for the important notices on every visit, マイページ for its kind's: each
   * answer is kept for a few seconds. A change made here clears them at once; another process sees
   * it within that time.
   */
  const kept = keptLists(IMPORTANT_NOTICES_KEPT_MS);
  const changed = () => kept.clear();

  const mailFor = (n: NoticeRecord) => {
    const m = deps.templates.notice({
      title: n.title,
      body: n.body,
      important: n.importance === 'important',
      myPageUrl: `${deps.baseUrl}/mypage`,
      noticeUrl: `${deps.baseUrl}/notices/${n.id}`,
    });
    return m;
  };

  return {
    async create(
      actor: StaffMember,
      raw: Record<string, string | undefined>,
      meta: RequestMeta,
    ): Promise<{ ok: true; id: string } | Extract<NoticeFormResult, { ok: false }>> {
      const now = clock.now();
      const parsed = parseNoticeForm(raw, now);
      if (!parsed.ok) return parsed;
      const id = await notices.create(parsed.input, actor.id, now);
      changed();
      await audit.record(
        {
          action: 'notice.created',
          staffId: actor.id,
          ...meta,
          detail: { notice: id, importance: parsed.input.importance, audience: parsed.input.audience },
        },
        now,
      );
      return { ok: true, id };
    },

    async update(
      actor: StaffMember,
      id: string,
      raw: Record<string, string | undefined>,
      meta: RequestMeta,
    ): Promise<{ ok: true } | { ok: false; notFound: true } | Extract<NoticeFormResult, { ok: false }>> {
      const now = clock.now();
      const parsed = parseNoticeForm(raw, now);
      if (!parsed.ok) return parsed;
      if (!(await notices.update(id, parsed.input, actor.id, now))) return { ok: false, notFound: true };
      changed();
      await audit.record(
        { action: 'notice.updated', staffId: actor.id, ...meta, detail: { notice: id } },
        now,
      );
      return { ok: true };
    },

    /** 公開を終了する: the notice disappears from every resident page at once. */
    async withdraw(actor: StaffMember, id: string, meta: RequestMeta): Promise<boolean> {
      const now = clock.now();
      if (!(await notices.withdraw(id, actor.id, now))) return false;
      changed();
      await audit.record(
        { action: 'notice.withdrawn', staffId: actor.id, ...meta, detail: { notice: id } },
        now,
      );
      return true;
    },

    async get(id: string): Promise<NoticeRecord | null> {
      return notices.findById(id);
    },

    async list(page: number): Promise<{ rows: NoticeRecord[]; total: number; page: number; pages: number }> {
      const p = Math.max(1, Math.floor(page) || 1);
      const { rows, total } = await notices.list(NOTICES_PER_PAGE, (p - 1) * NOTICES_PER_PAGE);
      return { rows, total, page: p, pages: Math.max(1, Math.ceil(total / NOTICES_PER_PAGE)) };
    },

    now(): Date {
      return clock.now();
    },

    /**
     * メールで送信する: once per notice, only while it is in publication. The recipients are counted
     * now; the mails are queued by `sendBatches` in this or any other process.
     */
    async startMail(
      actor: StaffMember,
      id: string,
      meta: RequestMeta,
    ): Promise<
      { ok: true; total: number } | { ok: false; reason: 'not_found' | 'not_published' | 'already' }
    > {
      const n = await notices.findById(id);
      const now = clock.now();
      if (!n) return { ok: false, reason: 'not_found' };
      if (noticeState(n, now) !== 'published') return { ok: false, reason: 'not_published' };
      const started = await notices.startMail(id);
      if (!started) return { ok: false, reason: 'already' };
      await audit.record(
        {
          action: 'notice.mail_started',
          staffId: actor.id,
          ...meta,
          detail: { notice: id, total: started.total },
        },
        now,
      );
      return { ok: true, total: started.total };
    },

    /**
     * The background step: queues up to `maxBatches` batches of notice mail, for whichever notices
     * are being sent. Safe to run in every process at once. Returns the mails queued.
     */
    async sendBatches(maxBatches = 10): Promise<number> {
      let queued = 0;
      for (let i = 0; i < maxBatches; i++) {
        const r = await notices.sendBatch(
          batchSize,
          (n, to) => ({ template: 'notice', to: to.email, ...mailFor(n) }),
          clock.now(),
        );
        if (!r) break;
        queued += r.queued;
        if (r.done)
          await audit.record({ action: 'notice.mail_queued', detail: { notice: r.noticeId } }, clock.now());
      }
      return queued;
    },

    async progress(id: string): Promise<MailProgress> {
      return notices.progress(id);
    },

    /** The portal home: important notices in publication, for everyone. */
    async important(limit = 10): Promise<NoticeRecord[]> {
      const now = clock.now();
      return kept.get(`important ${limit}`, now.getTime(), () =>
        notices.published(now, { audiences: ['all', 'individual', 'business'], importantOnly: true, limit }),
      );
    },

    /** マイページ: every notice in publication for the user's kind, newest first. */
    async forKind(kind: UserKind, limit = 20): Promise<NoticeRecord[]> {
      const now = clock.now();
      return kept.get(`kind ${kind} ${limit}`, now.getTime(), () =>
        notices.published(now, { audiences: ['all', kind], importantOnly: false, limit }),
      );
    },

    /**
     * A notice's public page: an important one for anybody, a normal one only for signed-in users
     * of its audience. Unpublished, ended and withdrawn ones are not found.
     */
    async view(
      id: string,
      viewer: { kind: UserKind } | null,
    ): Promise<{ ok: true; notice: NoticeRecord } | { ok: false; reason: 'not_found' | 'sign_in' }> {
      const n = await notices.findById(id);
      if (!n || noticeState(n, clock.now()) !== 'published') return { ok: false, reason: 'not_found' };
      if (n.importance === 'important') return { ok: true, notice: n };
      if (!viewer) return { ok: false, reason: 'sign_in' };
      if (n.audience !== 'all' && n.audience !== viewer.kind) return { ok: false, reason: 'not_found' };
      return { ok: true, notice: n };
    },
  };
}

export type NoticeUseCases = ReturnType<typeof noticeUseCases>;
