/**
 * The states of an application and the actions between them, as one table (the spec's States):
 *
 *   一時保存 ─送信→ 送信済 ─処理を開始する→ 処理中 ─処理を完了する→ 処理完了
 *                     │                       ├─却下する→ 申請却下
 *                     │                       └─差し戻す→ 差し戻し ─再申請→ 送信済 (revision n+1)
 *                     └─取下げる (送信済 or 差し戻し, where the procedure allows) → 取下げ
 *   一時保存 ─expiry (30 days after the last save)→ deleted
 *
 * `transition` is the one function that says whether an action may happen; history (who, when,
 * from → to, message, visible) is the app's append-only list of events built from its result.
 */
import { canonicalJson } from './canonical-json.js';

export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'in_progress',
  'returned',
  'completed',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** The platform's status words. */
export const STATE_LABELS: Record<ApplicationState, { ja: string; en: string }> = {
  draft: { ja: '一時保存', en: 'Saved draft' },
  submitted: { ja: '送信済', en: 'Sent' },
  in_progress: { ja: '処理中', en: 'Being processed' },
  returned: { ja: '差し戻し', en: 'Returned for correction' },
  completed: { ja: '処理完了', en: 'Completed' },
  rejected: { ja: '申請却下', en: 'Rejected' },
  withdrawn: { ja: '取下げ', en: 'Withdrawn' },
};

/** States in which the application is open (an account with one cannot be deleted). */
export const OPEN_STATES: readonly ApplicationState[] = ['submitted', 'in_progress', 'returned'];
/** States in which the application is closed (kept for the procedure's 保存年限, then swept). */
export const CLOSED_STATES: readonly ApplicationState[] = ['completed', 'rejected', 'withdrawn'];

export type Actor = 'applicant' | 'staff' | 'system';

export type ApplicationAction =
  'submit' | 'start' | 'complete' | 'reject' | 'return' | 'resubmit' | 'withdraw' | 'expire';

export type Transition = {
  action: ApplicationAction;
  /** the button or event, as on screen */
  label: { ja: string; en: string };
  from: readonly ApplicationState[];
  /** 'deleted': the draft is gone (no history) */
  to: ApplicationState | 'deleted';
  who: Actor;
  /** the applicant sees the event in 申請の詳細 and is mailed about it */
  visibleToApplicant: boolean;
  /** a message is required (却下する, 差し戻す) */
  reasonRequired: boolean;
  /** the fields to correct are marked (差し戻す) */
  marksFields?: true;
  /** the procedure must allow it (取下げる) */
  needsWithdrawalAllowed?: true;
  /** the application becomes revision n+1 (再申請) */
  newRevision?: true;
};

export const TRANSITIONS: readonly Transition[] = [
  {
    action: 'submit',
    label: { ja: '申請する', en: 'Send application' },
    from: ['draft'],
    to: 'submitted',
    who: 'applicant',
    visibleToApplicant: true,
    reasonRequired: false,
  },
  {
    action: 'start',
    label: { ja: '処理を開始する', en: 'Start processing' },
    from: ['submitted'],
    to: 'in_progress',
    who: 'staff',
    visibleToApplicant: true,
    reasonRequired: false,
  },
  {
    action: 'complete',
    label: { ja: '処理を完了する', en: 'Complete' },
    from: ['in_progress'],
    to: 'completed',
    who: 'staff',
    visibleToApplicant: true,
    reasonRequired: false,
  },
  {
    action: 'reject',
    label: { ja: '却下する', en: 'Reject' },
    from: ['in_progress'],
    to: 'rejected',
    who: 'staff',
    visibleToApplicant: true,
    reasonRequired: true,
  },
  {
    action: 'return',
    label: { ja: '差し戻す', en: 'Return for correction' },
    from: ['in_progress'],
    to: 'returned',
    who: 'staff',
    visibleToApplicant: true,
    reasonRequired: true,
    marksFields: true,
  },
  {
    action: 'resubmit',
    label: { ja: '修正して再申請する', en: 'Correct and send again' },
    from: ['returned'],
    to: 'submitted',
    who: 'applicant',
    visibleToApplicant: true,
    reasonRequired: false,
    newRevision: true,
  },
  {
    action: 'withdraw',
    label: { ja: '取下げる', en: 'Withdraw' },
    from: ['submitted', 'returned'],
    to: 'withdrawn',
    who: 'applicant',
    visibleToApplicant: true,
    reasonRequired: false,
    needsWithdrawalAllowed: true,
  },
  {
    action: 'expire',
    label: { ja: '保存期限切れ', en: 'Draft expired' },
    from: ['draft'],
    to: 'deleted',
    who: 'system',
    visibleToApplicant: false,
    reasonRequired: false,
  },
];

/** A draft is deleted this many days after its last save. */
export const DRAFT_TTL_DAYS = 30;

export type TransitionRequest = {
  action: ApplicationAction;
  state: ApplicationState;
  actor: Actor;
  /** the application's revision now (1 for the first submission) */
  revision: number;
  /** the procedure's withdrawalAllowed */
  withdrawalAllowed: boolean;
  /** the message (reason) given, if any */
  message?: string;
  /** 差し戻す: the fields to correct */
  markedFields?: readonly string[];
  /** 差し戻す: the field ids of the application's definition */
  fieldIds?: readonly string[];
};

export type TransitionRefusal =
  | 'unknown_action'
  | 'wrong_state'
  | 'wrong_actor'
  | 'withdrawal_not_allowed'
  | 'reason_required'
  | 'fields_required'
  | 'unknown_field';

export type TransitionResult =
  | {
      ok: true;
      transition: Transition;
      to: ApplicationState | 'deleted';
      revision: number;
      visibleToApplicant: boolean;
      /** 差し戻す: the fields marked (deduplicated); otherwise empty */
      markedFields: string[];
    }
  | { ok: false; reason: TransitionRefusal };

/** Whether `action` may happen now, and what it leads to; the refusals are checked in this order. */
export function transition(req: TransitionRequest): TransitionResult {
  const t = TRANSITIONS.find((x) => x.action === req.action);
  if (!t) return { ok: false, reason: 'unknown_action' };
  if (!t.from.includes(req.state)) return { ok: false, reason: 'wrong_state' };
  if (t.who !== req.actor) return { ok: false, reason: 'wrong_actor' };
  if (t.needsWithdrawalAllowed && !req.withdrawalAllowed)
    return { ok: false, reason: 'withdrawal_not_allowed' };
  if (t.reasonRequired && (req.message ?? '').trim() === '') return { ok: false, reason: 'reason_required' };
  let markedFields: string[] = [];
  if (t.marksFields) {
    markedFields = [...new Set(req.markedFields ?? [])];
    if (markedFields.length === 0) return { ok: false, reason: 'fields_required' };
    if (markedFields.some((f) => !(req.fieldIds ?? []).includes(f)))
      return { ok: false, reason: 'unknown_field' };
  }
  return {
    ok: true,
    transition: t,
    to: t.to,
    revision: t.newRevision ? req.revision + 1 : req.revision,
    visibleToApplicant: t.visibleToApplicant,
    markedFields,
  };
}

/** The actions `actor` may take on an application in `state` (the buttons to show). */
export function availableActions(
  state: ApplicationState,
  actor: Actor,
  withdrawalAllowed: boolean,
): ApplicationAction[] {
  return TRANSITIONS.filter(
    (t) => t.from.includes(state) && t.who === actor && (!t.needsWithdrawalAllowed || withdrawalAllowed),
  ).map((t) => t.action);
}

/**
 * 再申請 after 差し戻し: the applicant may change only the marked fields, so the new revision's
 * answers are the previous ones with the marked fields taken from `corrected`.
 */
export function applyCorrections<A>(
  previous: Readonly<Record<string, A>>,
  corrected: Readonly<Record<string, A>>,
  markedFields: readonly string[],
): Record<string, A> {
  const next: Record<string, A> = { ...previous };
  for (const f of markedFields) {
    if (Object.prototype.hasOwnProperty.call(corrected, f)) next[f] = corrected[f] as A;
    else delete next[f];
  }
  return next;
}

/** The fields whose answers differ between two revisions (for staff), in no particular order. */
export function changedFields(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => canonicalJson(before[k] ?? null) !== canonicalJson(after[k] ?? null));
}
