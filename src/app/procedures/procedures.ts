/**
 * The online procedures' use cases (issue 13), for the web layer's screens (resident and /admin).
 * Every function takes who acts (an `Applicant` or a `StaffActor`) and ids; none throws for what a
 * browser can send: refusals come back as `{ ok: false, problem }` (and field errors as the
 * engine's AnswerError codes, src/messages/fields-*.ts).
 *
 * Resident side
 *   catalogue(query) / procedure(id)          手続一覧 and a procedure's page (with `open`)
 *   startDraft(applicant, procedureId)        申請する: a new draft (one per person where the definition says so)
 *   draft(applicant, id)                      the draft and its compiled form (a page controller's input)
 *   savePage(applicant, id, pageId, input)    戻る / 一時保存する: the page's answers kept, no validation
 *   nextPage(applicant, id, pageId, input)    次へ: kept, then the page's visible fields validated
 *   review(applicant, id)                     申請内容の確認: visible answers, first incomplete page
 *   submit(applicant, id)                     申請する: idempotent; the 受付番号 and the receipt mail
 *   withdraw / resubmit                       取下げる / 修正して再申請する (only the marked fields)
 *   deleteDraft, history(applicant), detail(applicant, id)   申請履歴, 一時保存中の申請, 申請の詳細
 *   addAttachment / removeAttachment / download
 * Staff side (/admin)
 *   list(filter, page), staffDetail(id), exportCsv(procedureId)
 *   start / complete / reject / returnForCorrection / addNote
 *   procedures() and setAccepting(staff, id, accepting)   手続管理
 * Guests (ログインせずに申請する, guest.ts)
 *   guest.start / guest.resendCode / guest.verifyCode   the address confirmed by code → the guest's draft
 *   followable(applicationId, secret)         the receipt mail's link: whether the secret opens the application
 * Others
 *   hasOpenApplication(userId) (退会), sweepExpired() (the app's sweep)
 *
 * Each transition is one transaction in the store (a conditional UPDATE on the state and revision
 * read, the event, the mail); the audit log records who did it. Every change the applicant can see
 * is mailed to them whatever their お知らせ choice.
 */
import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { maskEmail } from '../../domain/email.js';
import { canonicalJson } from '../../domain/procedures/canonical-json.js';
import { isAccepting, searchProcedures, type CatalogueQuery } from '../../domain/procedures/catalogue.js';
import {
  MAX_APPLICATION_FILES_MB,
  type FieldDefinition,
  type ProcedureDefinition,
} from '../../domain/procedures/definition.js';
import { MB } from '../../domain/procedures/fields/file.js';
import type { Answer, Answers, FileMeta, FormInput } from '../../domain/procedures/fields/types.js';
import { compileForm, type ProcedureForm } from '../../domain/procedures/form.js';
import { prefillAnswers, type PrefillSource } from '../../domain/procedures/prefill.js';
import {
  REFERENCE_RANDOM_BYTES,
  normalizeReferenceNumber,
  referenceNumber,
} from '../../domain/procedures/reference-number.js';
import { moduleOf } from '../../domain/procedures/registry.js';
import {
  DRAFT_TTL_DAYS,
  STATE_LABELS,
  applyCorrections,
  availableActions,
  changedFields,
  transition,
  type ApplicationAction,
  type ApplicationState,
  type TransitionRefusal,
} from '../../domain/procedures/states.js';
import type { AnswerError } from '../../domain/procedures/validate.js';
import type { SummarySection } from '../../domain/procedures/summary.js';
import type { Lang } from '../../messages/i18n.js';
import { japanToday } from '../shared/japan-date.js';
import type { AuditLog, Clock, MailQueued, OutgoingMail, UserRecord, UserStore } from '../shared/ports.js';
import { equalHex, hashToken } from '../shared/tokens.js';
import { MEDIA_TYPE_OF, sniffFileKind } from './file-sniff.js';
import { guestApplicationUseCases, type GuestDeps } from './guest.js';
import type {
  ApplicationEventRecord,
  ApplicationFilter,
  ApplicationRecord,
  ApplicationSummary,
  AttachmentMeta,
  NewEvent,
  ProcedureMailTemplates,
  ProcedureStore,
  StoredAnswers,
} from './ports.js';
import { procedureVersion } from './version.js';

export type ProcedureDeps = {
  store: ProcedureStore;
  /** the applicant's address and language for their mail */
  users: Pick<UserStore, 'findById' | 'findByIds'>;
  audit: AuditLog;
  templates: Record<Lang, ProcedureMailTemplates>;
  clock: Clock;
  /** the checked definitions (procedures/index.ts loadProcedures) */
  procedures: readonly ProcedureDefinition[];
  baseUrl: string;
  mailQueued?: MailQueued;
  /** the secure generator (default node:crypto); a test gives one that repeats */
  randomBytes?: (n: number) => Uint8Array;
  /** ログインせずに申請する: the guests' flows, codes and limits (guest.ts) */
  guest: GuestDeps;
};

/** A signed-in resident acting on their own applications. */
export type UserApplicant = { userId: string };
/**
 * A guest (ログインせずに申請する): one application, opened by the secret their browser holds (the
 * guest cookie, set at the code or by the receipt mail's link).
 */
export type GuestApplicant = { applicationId: string; secret: string };
/** Who applies: a signed-in resident or a guest. */
export type Applicant = UserApplicant | GuestApplicant;

export const isGuest = (a: Applicant): a is GuestApplicant => !('userId' in a);
/** The user id of the audit log (none for a guest). */
const userIdOf = (a: Applicant): string | null => (isGuest(a) ? null : a.userId);
/** A staff member in the back office. */
export type StaffActor = { staffId: string };

/** Where the applicant follows an application (the web layer serves this path). */
export const applicationPath = (id: string) => `/mypage/applications/${id}`;
/** Where a guest follows their application, once their browser holds the guest cookie. */
export const guestApplicationPath = (id: string) => `/guest/applications/${id}`;
/** The receipt mail's link for a guest: it carries the secret and sets the guest cookie. */
export const guestFollowPath = (id: string, secret: string) =>
  `${guestApplicationPath(id)}?t=${encodeURIComponent(secret)}`;

/**
 * Who sent an application, for staff: a resident's name (or their address masked when they left it
 * empty), a guest's address masked, or an account deleted since.
 */
export type ApplicantLabel = { kind: 'user' | 'guest' | 'deleted'; label: string };

/** The applicant's contact for 申請の詳細 (what staff need to process it). */
export type ApplicantContact = ApplicantLabel & {
  userId: string | null;
  email: string | null;
  /** a resident's stored profile (住所, 電話番号, …); empty for a guest */
  profile: Record<string, string>;
};

/** 申請一覧's page size. */
export const LIST_PAGE_SIZE = 50;

export type Problem<P extends string> = { ok: false; problem: P };

export type CatalogueEntry = {
  definition: ProcedureDefinition;
  version: string;
  /** 手続管理: not stopped */
  accepting: boolean;
  /** within its 受付期間 today */
  inPeriod: boolean;
  /** takes new applications now (accepting and in period) */
  open: boolean;
};

export type AttachmentProblem =
  | 'not_found'
  | 'unknown_field'
  | 'file_kind'
  | 'file_too_large'
  | 'files_too_large'
  | 'file_too_many'
  | 'empty';

const DAY_MS = 86400 * 1000;
const SUBMIT_TRIES = 5;

const isoDay = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** Years after `from`, in UTC (29 February moves to 1 March). */
const addYears = (from: Date, years: number) => {
  const d = new Date(from.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
};

/** The state changes staff make from 申請の詳細. */
type StaffAction = Extract<ApplicationAction, 'start' | 'complete' | 'reject' | 'return'>;

/** What the audit log records for each state change (the back office names them in Japanese). */
const AUDIT_ACTION: Record<ApplicationAction, string> = {
  submit: 'application.submit',
  start: 'application.start',
  complete: 'application.complete',
  reject: 'application.reject',
  return: 'application.return',
  resubmit: 'application.resubmit',
  withdraw: 'application.withdraw',
  expire: 'application.expire',
};

export function procedureUseCases(deps: ProcedureDeps) {
  const { store, clock } = deps;
  const random = deps.randomBytes ?? ((n: number) => new Uint8Array(nodeRandomBytes(n)));
  const mailQueued = deps.mailQueued ?? (() => undefined);
  const compiled = new Map<string, { def: ProcedureDefinition; form: ProcedureForm; version: string }>(
    deps.procedures.map((def) => [def.id, { def, form: compileForm(def), version: procedureVersion(def) }]),
  );
  const ctx = () => ({ today: japanToday(clock.now()) });
  const guest = guestApplicationUseCases({
    ...deps.guest,
    audit: deps.audit,
    clock,
    mailQueued,
    async lookup(procedureId) {
      const c = compiled.get(procedureId);
      if (!c) return null;
      return {
        guestAllowed: c.def.guestAllowed,
        open: catalogueEntry(c.def, await store.settings()).open,
        name: c.def.name,
        firstPage: c.form.firstPage(),
        // a guest has no 利用者情報; the address they confirmed by code is theirs
        initialAnswers: (email) => prefillAnswers(c.def, { profile: null, email }),
      };
    },
  });
  const draftExpiry = (now: Date) => new Date(now.getTime() + DRAFT_TTL_DAYS * DAY_MS);

  /** The form an application is shown with: its version's copy once submitted, else the current one. */
  async function formOf(app: ApplicationRecord): Promise<ProcedureForm | null> {
    const current = compiled.get(app.procedureId);
    if (current && (app.version === null || app.version === current.version)) return current.form;
    if (app.version === null) return null;
    const copy = await store.versionDefinition(app.version);
    return copy ? compileForm(copy as ProcedureDefinition) : null;
  }

  /**
   * The application if it is the applicant's: a user's own, or for a guest the one application
   * whose stored hash their secret matches (compared in constant time). Null otherwise.
   */
  async function ownApplication(applicant: Applicant, id: string): Promise<ApplicationRecord | null> {
    if (isGuest(applicant) && applicant.applicationId !== id) return null;
    const app = await store.find(id);
    if (!app) return null;
    if (!isGuest(applicant)) return app.userId !== null && app.userId === applicant.userId ? app : null;
    return app.userId === null &&
      app.guestSecretHash !== null &&
      applicant.secret.length > 0 &&
      applicant.secret.length <= 200 &&
      equalHex(hashToken(applicant.secret), app.guestSecretHash)
      ? app
      : null;
  }

  /**
   * The link of an applicant's mail: 申請の詳細 for a user; for a guest the follow link with their
   * secret when the guest acts (申請する, 再申請, 取下げる), else the guest page (their cookie opens it).
   */
  function detailUrl(app: ApplicationRecord, applicant?: Applicant): string {
    if (app.userId !== null || app.guestEmail === null) return deps.baseUrl + applicationPath(app.id);
    return (
      deps.baseUrl +
      (applicant && isGuest(applicant)
        ? guestFollowPath(app.id, applicant.secret)
        : guestApplicationPath(app.id))
    );
  }

  /** The file answers made of what was really stored for this application and field. */
  async function trustFiles(form: ProcedureForm, app: ApplicationRecord, answers: Answers): Promise<Answers> {
    const fileFields = form.definition.pages.flatMap((p) => p.fields).filter((f) => f.type === 'file');
    if (fileFields.length === 0) return answers;
    const stored = new Map((await store.attachments(app.id)).map((a) => [a.id, a]));
    const out: Record<string, Answer> = { ...answers };
    for (const f of fileFields) {
      const given = answers[f.id];
      if (given === undefined) continue;
      out[f.id] = (Array.isArray(given) ? (given as unknown[]) : []).flatMap((x) => {
        const a = typeof x === 'object' && x !== null ? stored.get((x as FileMeta).id) : undefined;
        return a && a.fieldId === f.id ? [fileMeta(a)] : [];
      });
    }
    return out;
  }

  /** Who the applicant's mail goes to, in their language. */
  async function recipientOf(
    app: ApplicationRecord,
  ): Promise<{ to: string; lang: Lang; userId?: string } | null> {
    if (app.userId) {
      const user = await deps.users.findById(app.userId);
      return user ? { to: user.email, lang: user.lang, userId: user.id } : null;
    }
    return app.guestEmail ? { to: app.guestEmail, lang: app.guestLang ?? 'ja' } : null;
  }

  /** The applicant as staff see them: how 申請一覧 names them, and the contact for 申請の詳細. */
  function contactOf(app: ApplicationRecord, user: UserRecord | null): ApplicantContact {
    if (!app.userId) {
      const email = app.guestEmail;
      const label = email ? maskEmail(email) : '—';
      return { kind: 'guest', label, userId: null, email, profile: {} };
    }
    if (!user)
      return { kind: 'deleted', label: '（退会済み）', userId: app.userId, email: null, profile: {} };
    return {
      kind: 'user',
      label: user.displayName || maskEmail(user.email),
      userId: user.id,
      email: user.email,
      profile: user.profileValues,
    };
  }

  async function applicantContact(app: ApplicationRecord): Promise<ApplicantContact> {
    return contactOf(app, app.userId ? await deps.users.findById(app.userId) : null);
  }

  function event(
    app: ApplicationRecord,
    e: Partial<NewEvent> & Pick<NewEvent, 'action' | 'toState' | 'actor' | 'visibleToApplicant'>,
  ): NewEvent {
    return {
      at: clock.now(),
      staffId: null,
      fromState: app.state,
      message: null,
      revision: app.revision,
      changedFields: [],
      markedFields: [],
      previousAnswers: null,
      ...e,
    };
  }

  async function receiptMail(
    app: ApplicationRecord,
    form: ProcedureForm,
    ref: string,
    answers: Answers,
    now: Date,
    resubmitted: boolean,
    applicant?: Applicant,
  ): Promise<OutgoingMail | null> {
    const to = await recipientOf(app);
    if (!to) return null;
    const sections = form.visibleAnswers(answers, to.lang).map((s) => ({
      title: s.title,
      rows: s.rows.map((r) => ({ label: r.label, value: r.text === '' ? '—' : r.text })),
    }));
    const m = deps.templates[to.lang].received({
      procedureName: form.definition.name[to.lang],
      referenceNumber: ref,
      submittedAt: now,
      sections,
      detailUrl: detailUrl(app, applicant),
      resubmitted,
    });
    return { template: 'application_received', to: to.to, userId: to.userId, ...m };
  }

  async function stateMail(
    app: ApplicationRecord,
    form: ProcedureForm,
    state: ApplicationState,
    message: string | null,
    marked: string[],
    applicant?: Applicant,
  ): Promise<OutgoingMail | null> {
    const to = await recipientOf(app);
    if (!to) return null;
    const m = deps.templates[to.lang].stateChanged({
      procedureName: form.definition.name[to.lang],
      referenceNumber: app.referenceNumber ?? '',
      state,
      message,
      markedLabels: marked.map((f) => form.field(f)?.field.label[to.lang] ?? f),
      detailUrl: detailUrl(app, applicant),
    });
    return { template: `application_${state}`, to: to.to, userId: to.userId, ...m };
  }

  /**
   * A transition other than 申請する: checked by the state table, written conditionally with its
   * event and (when the applicant sees it) its mail, then audited.
   */
  async function act(
    app: ApplicationRecord,
    who: { actor: 'applicant'; applicant: Applicant } | { actor: 'staff'; staffId: string },
    action: ApplicationAction,
    input: { message?: string; markedFields?: string[]; answers?: StoredAnswers; changed?: string[] } = {},
  ): Promise<{ ok: true; state: ApplicationState } | Problem<TransitionRefusal | 'not_found' | 'conflict'>> {
    const form = await formOf(app);
    if (!form) return { ok: false, problem: 'not_found' };
    const message = input.message?.trim() ? input.message.trim() : undefined;
    const r = transition({
      action,
      state: app.state,
      actor: who.actor,
      revision: app.revision,
      withdrawalAllowed: form.definition.withdrawalAllowed,
      message,
      markedFields: input.markedFields,
      fieldIds: form.definition.pages.flatMap((p) => p.fields.map((f) => f.id)),
    });
    if (!r.ok) return { ok: false, problem: r.reason };
    const to = r.to as ApplicationState;
    const now = clock.now();
    const closes = to === 'completed' || to === 'rejected' || to === 'withdrawn';
    const changed = input.changed ?? [];
    const wrote = await store.transition({
      id: app.id,
      fromState: app.state,
      fromRevision: app.revision,
      set: {
        state: to,
        revision: r.revision,
        markedFields: r.markedFields,
        ...(input.answers ? { answers: input.answers, submittedAt: now } : {}),
        ...(closes ? { closedAt: now, keepUntil: addYears(now, form.definition.retentionYears) } : {}),
      },
      event: event(app, {
        action,
        toState: to,
        actor: who.actor,
        staffId: who.actor === 'staff' ? who.staffId : null,
        message: message ?? null,
        visibleToApplicant: r.visibleToApplicant,
        revision: r.revision,
        markedFields: r.markedFields,
        changedFields: changed,
        previousAnswers: changed.length
          ? Object.fromEntries(changed.map((f) => [f, app.answers[f] ?? null]))
          : null,
      }),
      mail: !r.visibleToApplicant
        ? null
        : action === 'resubmit'
          ? await receiptMail(
              app,
              form,
              app.referenceNumber ?? '',
              input.answers as Answers,
              now,
              true,
              who.actor === 'applicant' ? who.applicant : undefined,
            )
          : await stateMail(
              app,
              form,
              to,
              message ?? null,
              r.markedFields,
              who.actor === 'applicant' ? who.applicant : undefined,
            ),
      now,
    });
    if (!wrote) return { ok: false, problem: 'conflict' };
    if (r.visibleToApplicant) mailQueued();
    await deps.audit.record(
      {
        action: AUDIT_ACTION[action],
        userId: who.actor === 'applicant' ? userIdOf(who.applicant) : app.userId,
        staffId: who.actor === 'staff' ? who.staffId : null,
        detail: { applicationId: app.id, procedure: app.procedureId, to, revision: r.revision },
      },
      now,
    );
    return { ok: true, state: to };
  }

  async function staffAct(
    staff: StaffActor,
    id: string,
    action: StaffAction,
    input: { message?: string; markedFields?: string[] } = {},
  ) {
    const app = await store.find(id);
    if (!app || app.state === 'draft') return { ok: false as const, problem: 'not_found' as const };
    return act(app, { actor: 'staff', staffId: staff.staffId }, action, input);
  }

  function catalogueEntry(def: ProcedureDefinition, settings: Map<string, { accepting: boolean }>) {
    const c = compiled.get(def.id);
    const accepting = settings.get(def.id)?.accepting ?? true;
    const inPeriod = isAccepting(def, isoDay(japanToday(clock.now())));
    return { definition: def, version: c?.version ?? '', accepting, inPeriod, open: accepting && inPeriod };
  }

  /** A draft of the applicant's with its form, or null (not theirs, not a draft, or expired). */
  async function draftOf(applicant: Applicant, id: string) {
    const app = await ownApplication(applicant, id);
    if (!app || app.state !== 'draft') return null;
    const form = compiled.get(app.procedureId)?.form;
    return form ? { application: app, form } : null;
  }

  async function savePage(applicant: Applicant, id: string, pageId: string, input: FormInput) {
    const d = await draftOf(applicant, id);
    if (!d) return { ok: false as const, problem: 'not_found' as const };
    const read = d.form.readPage(pageId, input, d.application.answers as Answers);
    const answers = await trustFiles(d.form, d.application, {
      ...(d.application.answers as Answers),
      ...read,
    });
    const now = clock.now();
    if (!(await store.saveDraft(id, answers, now, draftExpiry(now))))
      return { ok: false as const, problem: 'not_found' as const };
    return { ok: true as const, answers, expiresAt: draftExpiry(now) };
  }

  return {
    // ---- the catalogue ----------------------------------------------------------------------

    /** 手続一覧: the procedures matching the query, each with whether it takes applications now. */
    async catalogue(query: CatalogueQuery = {}): Promise<CatalogueEntry[]> {
      const settings = await store.settings();
      return searchProcedures(deps.procedures, query).map((d) => catalogueEntry(d, settings));
    },

    /** A procedure's page, or null for an unknown id. */
    async procedure(procedureId: string): Promise<CatalogueEntry | null> {
      const def = compiled.get(procedureId)?.def;
      return def ? catalogueEntry(def, await store.settings()) : null;
    },

    /** The clock's time (a screen's 今日, a download's file name). */
    now: () => clock.now(),

    /** The compiled form of a procedure (the current version). */
    form(procedureId: string): ProcedureForm | null {
      return compiled.get(procedureId)?.form ?? null;
    },

    // ---- drafts -----------------------------------------------------------------------------

    /**
     * 申請する on a procedure's page: a new draft, prefilled from 利用者情報 when `prefill` is given.
     * Refused when the procedure is stopped or out of its 受付期間, and, for a procedure of one
     * application per person, when the person has a draft or open application of it
     * (`existingId`: the one to resume or see).
     */
    async startDraft(
      applicant: Applicant,
      procedureId: string,
      prefill?: PrefillSource,
    ): Promise<
      | { ok: true; applicationId: string; page: string }
      | Problem<'unknown_procedure' | 'not_accepting'>
      | { ok: false; problem: 'one_per_person'; existingId: string | null }
    > {
      const c = compiled.get(procedureId);
      // a guest's one draft is made by the guest flow (guest.verifyCode), not here
      if (!c || isGuest(applicant)) return { ok: false, problem: 'unknown_procedure' };
      if (!catalogueEntry(c.def, await store.settings()).open) return { ok: false, problem: 'not_accepting' };
      const now = clock.now();
      const created = await store.createDraft({
        procedureId,
        userId: applicant.userId,
        guestEmail: null,
        onePerPerson: c.def.applicationsPerPerson === 'one',
        answers: prefill ? prefillAnswers(c.def, prefill) : {},
        now,
        expiresAt: draftExpiry(now),
      });
      if (!created.ok) return created;
      await deps.audit.record(
        { action: 'application.draft_started', userId: applicant.userId, detail: { procedure: procedureId } },
        now,
      );
      return { ok: true, applicationId: created.id, page: c.form.firstPage() };
    },

    /** A draft of the applicant's with its form, or null (not theirs, not a draft, or expired). */
    draft: draftOf,

    /**
     * 戻る / 一時保存する: the page's visible answers read from what the browser sent and kept, with
     * no validation (nothing typed is lost). The draft's expiry moves to 30 days from now.
     */
    /**
     * 戻る / 一時保存する: the page's visible answers read from what the browser sent and kept, with
     * no validation (nothing typed is lost). The draft's expiry moves to 30 days from now.
     */
    savePage,

    /**
     * 次へ: the page kept as by savePage, then its visible fields validated. The next page (null:
     * 申請内容の確認), or the errors to show with the page again.
     */
    async nextPage(
      applicant: Applicant,
      id: string,
      pageId: string,
      input: FormInput,
    ): Promise<
      | { ok: true; next: string | null }
      | { ok: false; problem: 'invalid'; errors: AnswerError[]; answers: Answers }
      | Problem<'not_found'>
    > {
      const saved = await savePage(applicant, id, pageId, input);
      if (!saved.ok) return saved;
      const d = await draftOf(applicant, id);
      if (!d) return { ok: false, problem: 'not_found' };
      const check = d.form.validatePage(pageId, saved.answers, ctx());
      if (!check.ok) return { ok: false, problem: 'invalid', errors: check.errors, answers: saved.answers };
      return { ok: true, next: d.form.nextPage(saved.answers, pageId) };
    },

    /** 申請内容の確認: the visible answers, and the first page still incomplete (null: ready). */
    async review(applicant: Applicant, id: string, lang: Lang) {
      const d = await draftOf(applicant, id);
      if (!d) return null;
      const answers = d.application.answers as Answers;
      return {
        application: d.application,
        form: d.form,
        sections: d.form.visibleAnswers(answers, lang),
        incompletePage: d.form.firstIncompletePage(answers, ctx()),
        expiresAt: d.application.draftExpiresAt,
      };
    },

    /** 一時保存中の申請 → 削除する. */
    async deleteDraft(applicant: Applicant, id: string): Promise<boolean> {
      const app = await ownApplication(applicant, id);
      return app !== null && app.state === 'draft' && store.deleteDraft(id);
    },

    // ---- 申請する and after -------------------------------------------------------------------

    /**
     * 申請する. Every visible page validated again, hidden pages' answers dropped, the version's copy
     * stored the first time, a 受付番号 made (retried if taken) and the receipt mail queued, in
     * one transaction. Idempotent: a second call (a double click, a resend, a racing request)
     * returns the same 受付番号 with `firstTime: false`. A stopped procedure still takes the
     * drafts already begun.
     */
    async submit(
      applicant: Applicant,
      id: string,
    ): Promise<
      | { ok: true; referenceNumber: string; firstTime: boolean }
      | { ok: false; problem: 'invalid'; errors: AnswerError[]; page: string | null }
      | Problem<'not_found'>
    > {
      const app = await ownApplication(applicant, id);
      if (!app) return { ok: false, problem: 'not_found' };
      if (app.state !== 'draft')
        return app.referenceNumber
          ? { ok: true, referenceNumber: app.referenceNumber, firstTime: false }
          : { ok: false, problem: 'not_found' };
      const c = compiled.get(app.procedureId);
      if (!c) return { ok: false, problem: 'not_found' };
      const answers = await trustFiles(c.form, app, app.answers as Answers);
      const v = c.form.validateApplication(answers, ctx());
      if (!v.ok) return { ok: false, problem: 'invalid', errors: v.errors, page: v.errors[0]?.page ?? null };
      const kept = v.answers;
      const keptFiles = Object.values(kept).flatMap((a) =>
        Array.isArray(a)
          ? (a as unknown[]).flatMap((x) => (typeof x === 'object' && x ? [(x as FileMeta).id] : []))
          : [],
      );
      const now = clock.now();
      for (let i = 0; i < SUBMIT_TRIES; i++) {
        const ref = referenceNumber(random(REFERENCE_RANDOM_BYTES));
        const mail = await receiptMail(app, c.form, ref, kept, now, false, applicant);
        if (!mail) return { ok: false, problem: 'not_found' };
        const r = await store.submit({
          id,
          referenceNumber: ref,
          version: c.version,
          procedureId: app.procedureId,
          definition: JSON.parse(canonicalJson(c.def)) as unknown,
          answers: kept,
          keptAttachmentIds: keptFiles,
          event: event(app, {
            action: 'submit',
            toState: 'submitted',
            actor: 'applicant',
            visibleToApplicant: true,
          }),
          mail,
          now,
        });
        if (r.outcome === 'reference_taken') continue;
        if (r.outcome === 'not_found') return { ok: false, problem: 'not_found' };
        if (r.outcome === 'already_submitted')
          return { ok: true, referenceNumber: r.referenceNumber, firstTime: false };
        mailQueued();
        await deps.audit.record(
          {
            action: 'application.submit',
            userId: userIdOf(applicant),
            detail: { applicationId: id, procedure: app.procedureId, referenceNumber: ref },
          },
          now,
        );
        return { ok: true, referenceNumber: ref, firstTime: true };
      }
      throw new Error('no free reference number after several tries');
    },

    /** 取下げる (送信済 or 差し戻し, where the procedure allows). */
    async withdraw(applicant: Applicant, id: string) {
      const app = await ownApplication(applicant, id);
      if (!app || app.state === 'draft') return { ok: false as const, problem: 'not_found' as const };
      return act(app, { actor: 'applicant', applicant }, 'withdraw');
    },

    /**
     * 修正して再申請する after 差し戻し: only the marked fields are read from what was sent (their
     * pages' other answers stay as sent before); the whole application is validated again and
     * becomes revision n+1, 送信済, with the changed fields in its event for staff.
     */
    async resubmit(
      applicant: Applicant,
      id: string,
      input: FormInput,
    ): Promise<
      | { ok: true; state: ApplicationState; changedFields: string[] }
      | { ok: false; problem: 'invalid'; errors: AnswerError[] }
      | Problem<TransitionRefusal | 'not_found' | 'conflict'>
    > {
      const app = await ownApplication(applicant, id);
      if (!app || app.state !== 'returned') return { ok: false, problem: 'not_found' };
      const form = await formOf(app);
      if (!form) return { ok: false, problem: 'not_found' };
      const corrected: Record<string, Answer> = {};
      for (const f of app.markedFields) {
        const field = form.field(f)?.field;
        if (field) corrected[f] = moduleOf(field).read(field, input);
      }
      const merged = await trustFiles(
        form,
        app,
        applyCorrections(app.answers as Answers, corrected, app.markedFields),
      );
      const v = form.validateApplication(merged, ctx());
      if (!v.ok) return { ok: false, problem: 'invalid', errors: v.errors };
      const changed = changedFields(app.answers, v.answers);
      const r = await act(app, { actor: 'applicant', applicant }, 'resubmit', {
        answers: v.answers,
        changed,
      });
      return r.ok ? { ...r, changedFields: changed } : r;
    },

    /** Files attached for a field (the upload step of a page, before 次へ or the 再申請). */
    async addAttachment(
      applicant: Applicant,
      id: string,
      fieldId: string,
      file: { name: string; content: Uint8Array },
    ): Promise<{ ok: true; file: FileMeta } | { ok: false; problem: AttachmentProblem; maxMb?: number }> {
      const app = await ownApplication(applicant, id);
      const editable =
        app && (app.state === 'draft' || (app.state === 'returned' && app.markedFields.includes(fieldId)));
      if (!app || !editable) return { ok: false, problem: 'not_found' };
      const form = await formOf(app);
      const field = form?.field(fieldId)?.field;
      if (!field || field.type !== 'file') return { ok: false, problem: 'unknown_field' };
      if (file.content.length === 0) return { ok: false, problem: 'empty' };
      const kind = await sniffFileKind(file.content);
      if (!kind || !field.kinds.includes(kind)) return { ok: false, problem: 'file_kind' };
      if (file.content.length > field.maxFileMb * MB)
        return { ok: false, problem: 'file_too_large', maxMb: field.maxFileMb };
      const existing = (await store.attachments(id)).filter((a) => a.fieldId === fieldId);
      if (field.maxFiles > 1 && existing.length >= field.maxFiles)
        return { ok: false, problem: 'file_too_many' };
      const now = clock.now();
      const name = safeFileName(file.name) || `file.${kind}`;
      const stored = await store.addAttachment({
        applicationId: id,
        fieldId,
        fileName: name,
        mediaType: MEDIA_TYPE_OF[kind],
        content: file.content,
        revision: app.revision,
        maxTotalBytes: MAX_APPLICATION_FILES_MB * MB,
        now,
      });
      if (!stored.ok)
        return stored.problem === 'too_large_total'
          ? { ok: false, problem: 'files_too_large', maxMb: MAX_APPLICATION_FILES_MB }
          : { ok: false, problem: 'not_found' };
      return {
        ok: true,
        file: { id: stored.id, name, mediaType: MEDIA_TYPE_OF[kind], size: file.content.length },
      };
    },

    /** A file taken back before sending (a draft's, or a marked field's during a 差し戻し). */
    async removeAttachment(applicant: Applicant, id: string, attachmentId: string): Promise<boolean> {
      const app = await ownApplication(applicant, id);
      if (!app || (app.state !== 'draft' && app.state !== 'returned')) return false;
      return store.removeAttachment(id, attachmentId);
    },

    /** A file as a download, for its applicant or for staff only; null otherwise. */
    async download(viewer: Applicant | StaffActor, attachmentId: string) {
      const file = await store.attachment(attachmentId);
      if (!file) return null;
      if (!('staffId' in viewer)) {
        const app = await ownApplication(viewer, file.applicationId);
        if (!app) return null;
      } else {
        await deps.audit.record(
          { action: 'application.attachment_downloaded', staffId: viewer.staffId, detail: { attachmentId } },
          clock.now(),
        );
      }
      return file;
    },

    // ---- 申請履歴 and 申請の詳細 ----------------------------------------------------------------

    /** マイページ → 申請履歴: applications (sent) and drafts (with their expiry), newest first. */
    async history(applicant: Applicant) {
      // guests have no 申請履歴: their one application is followed by its link
      const all = isGuest(applicant) ? [] : await store.ofUser(applicant.userId);
      const named = (a: ApplicationSummary) => ({
        application: a,
        procedure: compiled.get(a.procedureId)?.def.name ?? { ja: a.procedureId, en: a.procedureId },
        stateLabel: STATE_LABELS[a.state],
      });
      return {
        applications: all.filter((a) => a.state !== 'draft').map(named),
        drafts: all
          .filter((a) => a.state === 'draft')
          .map((a) => ({ ...named(a), expiresAt: a.draftExpiresAt as Date })),
      };
    },

    /**
     * 申請の詳細 for its applicant: the answers (as sent, with their version's form), the files, the
     * history they may see, and the actions they may take (取下げる, 修正して再申請する).
     */
    async detail(applicant: Applicant, id: string, lang: Lang) {
      const app = await ownApplication(applicant, id);
      if (!app || app.state === 'draft') return null;
      const form = await formOf(app);
      if (!form) return null;
      const events = (await store.events(id)).filter((e) => e.visibleToApplicant);
      return {
        application: app,
        form,
        sections: form.visibleAnswers(app.answers as Answers, lang),
        attachments: await store.attachments(id),
        events,
        actions: availableActions(app.state, 'applicant', form.definition.withdrawalAllowed),
      };
    },

    // ---- staff ------------------------------------------------------------------------------

    /** 申請一覧: filters (手続, 状態, 受付番号 as typed, dates) and a page (1-based). */
    async list(filter: ApplicationFilter & { page?: number }) {
      const page = Math.max(1, Math.floor(filter.page ?? 1));
      const ref =
        filter.referenceNumber !== undefined && filter.referenceNumber.trim() !== ''
          ? (normalizeReferenceNumber(filter.referenceNumber) ?? '-')
          : undefined;
      const { rows, hasMore } = await store.search(
        { ...filter, referenceNumber: ref },
        { offset: (page - 1) * LIST_PAGE_SIZE, limit: LIST_PAGE_SIZE },
      );
      // The page's applicants in one query.
      const userIds = rows.flatMap((a) => (a.userId ? [a.userId] : []));
      const users = new Map((await deps.users.findByIds(userIds)).map((u) => [u.id, u]));
      return {
        rows: rows.map((a) => {
          const { kind, label } = contactOf(a, a.userId ? (users.get(a.userId) ?? null) : null);
          return {
            application: a,
            procedure: compiled.get(a.procedureId)?.def.name ?? { ja: a.procedureId, en: a.procedureId },
            stateLabel: STATE_LABELS[a.state],
            applicant: { kind, label } satisfies ApplicantLabel,
          };
        }),
        page,
        /** a next page exists (次へ) */
        hasNext: hasMore,
      };
    },

    /**
     * 申請の詳細 for staff: everything, internal notes included, the actions available, and for
     * each 再申請 which fields changed (and their previous answers).
     */
    async staffDetail(id: string) {
      const app = await store.find(id);
      if (!app || app.state === 'draft') return null;
      const form = await formOf(app);
      if (!form) return null;
      const events: ApplicationEventRecord[] = await store.events(id);
      const attachments: AttachmentMeta[] = await store.attachments(id);
      const sections: SummarySection[] = form.visibleAnswers(app.answers as Answers, 'ja');
      return {
        application: app,
        form,
        sections,
        attachments,
        events,
        applicant: await applicantContact(app),
        changes: events
          .filter((e) => e.action === 'resubmit')
          .map((e) => ({ revision: e.revision, fields: e.changedFields, previous: e.previousAnswers })),
        actions: availableActions(app.state, 'staff', form.definition.withdrawalAllowed),
      };
    },

    /** 処理を開始する (送信済 → 処理中). */
    start: (staff: StaffActor, id: string) => staffAct(staff, id, 'start'),
    /** 処理を完了する, with an optional message to the applicant. */
    complete: (staff: StaffActor, id: string, message?: string) =>
      staffAct(staff, id, 'complete', { message }),
    /** 却下する: the reason is required. */
    reject: (staff: StaffActor, id: string, reason: string) =>
      staffAct(staff, id, 'reject', { message: reason }),
    /** 差し戻す: the reason and the fields to correct are required. */
    returnForCorrection: (staff: StaffActor, id: string, reason: string, markedFields: string[]) =>
      staffAct(staff, id, 'return', { message: reason, markedFields }),

    /** メモを追加する: an internal note, never shown to the applicant nor mailed. */
    async addNote(
      staff: StaffActor,
      id: string,
      text: string,
    ): Promise<{ ok: true } | Problem<'not_found' | 'reason_required'>> {
      const note = text.trim();
      if (note === '') return { ok: false, problem: 'reason_required' };
      const app = await store.find(id);
      if (!app || app.state === 'draft') return { ok: false, problem: 'not_found' };
      const now = clock.now();
      await store.addEvent(
        id,
        event(app, {
          action: 'note',
          toState: app.state,
          actor: 'staff',
          staffId: staff.staffId,
          message: note,
          visibleToApplicant: false,
        }),
      );
      await deps.audit.record(
        { action: 'application.note', staffId: staff.staffId, detail: { applicationId: id } },
        now,
      );
      return { ok: true };
    },

    /**
     * The CSV of a procedure's applications for its 担当課: UTF-8 with a BOM (Excel), one row per
     * application, the columns 受付番号, 状態, 申請日時, 版 and then every field of the current
     * definition (answers as on 申請内容の確認; fields of other versions left empty).
     */
    async exportCsv(staff: StaffActor, procedureId: string): Promise<string | null> {
      const c = compiled.get(procedureId);
      if (!c) return null;
      const fields: FieldDefinition[] = c.def.pages.flatMap((p) => p.fields);
      const rows = await store.allOfProcedure(procedureId);
      const header = ['受付番号', '状態', '申請日時', '版', ...fields.map((f) => f.label.ja)];
      const lines = rows.map((a) => {
        const answers = a.answers as Answers;
        return [
          a.referenceNumber ?? '',
          STATE_LABELS[a.state].ja,
          a.submittedAt ? jstText(a.submittedAt) : '',
          String(a.revision),
          ...fields.map((f) => {
            const answer = answers[f.id];
            if (answer === undefined) return '';
            const m = moduleOf(f);
            const coerced = m.coerce(answer);
            return m.isEmpty(coerced) ? '' : m.summary(f, coerced, 'ja');
          }),
        ];
      });
      await deps.audit.record(
        {
          action: 'application.csv_exported',
          staffId: staff.staffId,
          detail: { procedure: procedureId, rows: rows.length },
        },
        clock.now(),
      );
      return '\uFEFF' + [header, ...lines].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
    },

    /** 手続管理: every procedure with its accepting state and its versions (newest first). */
    async procedures() {
      const settings = await store.settings();
      return Promise.all(
        deps.procedures.map(async (def) => ({
          ...catalogueEntry(def, settings),
          setting: settings.get(def.id) ?? null,
          versions: await store.versions(def.id),
        })),
      );
    },

    /**
     * 受付を停止する / 受付を再開する. A stopped procedure takes no new draft; drafts begun and
     * open applications go on (a draft can still be sent).
     */
    async setAccepting(staff: StaffActor, procedureId: string, accepting: boolean): Promise<boolean> {
      if (!compiled.has(procedureId)) return false;
      const now = clock.now();
      await store.setAccepting(procedureId, accepting, staff.staffId, now);
      await deps.audit.record(
        {
          action: accepting ? 'procedure.resumed' : 'procedure.stopped',
          staffId: staff.staffId,
          detail: { procedure: procedureId },
        },
        now,
      );
      return true;
    },

    // ---- others -----------------------------------------------------------------------------

    /** 退会's check: an application 送信済, 処理中 or 差し戻し. */
    hasOpenApplication: (userId: string) => store.hasOpenApplication(userId),

    /** The sweep: drafts 30 days after their last save, closed applications past their 保存年限. */
    async sweepExpired(): Promise<number> {
      const now = clock.now();
      return (
        (await store.deleteExpiredDrafts(now)) +
        (await store.deleteExpiredRecords(now)) +
        (await guest.sweepExpired())
      );
    },

    // ---- guests -----------------------------------------------------------------------------

    /** ログインせずに申請する: the address confirmed by code, then the guest's draft (guest.ts). */
    guest,

    /**
     * The receipt mail's link: the guest whose secret opens this application (the web layer then
     * sets the guest cookie), or null (unknown, not a guest's, wrong secret: the same 404).
     */
    async followable(applicationId: string, secret: string): Promise<GuestApplicant | null> {
      const applicant = { applicationId, secret };
      return (await ownApplication(applicant, applicationId)) ? applicant : null;
    },
  };
}

export type ProcedureUseCases = ReturnType<typeof procedureUseCases>;

const fileMeta = (a: AttachmentMeta): FileMeta => ({
  id: a.id,
  name: a.fileName,
  mediaType: a.mediaType,
  size: a.size,
});

/**
 * A CSV cell: text that a spreadsheet would read as a formula (starting with = + - @, a tab or a
 * carriage return) gets a leading apostrophe, shown as text; quoted when it holds a comma, a quote
 * or a line break.
 */
export function csvCell(text: string): string {
  const s = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const JST_TEXT = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
/** 2026-11-25 10:00 (Japan time) */
const jstText = (d: Date) => JST_TEXT.format(d);

/** A file name as shown and sent back: no path, no control characters, at most 200 characters. */
function safeFileName(name: string): string {
  return [...name]
    .map((ch) => (ch === '/' || ch === '\\' || (ch.codePointAt(0) ?? 0) < 0x20 ? '_' : ch))
    .join('')
    .slice(-200);
}
