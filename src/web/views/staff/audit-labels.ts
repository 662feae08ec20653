/**
 * The audit log in words: a Japanese name for every action the app records (one table; a unit
 * test checks it against every `action:` the sources can record), and the details of an entry as
 * short phrases instead of `key=value`.
 */
import type { AuditRecord } from '../../../app/staff/ports.js';
import { STATE_LABELS, type ApplicationState } from '../../../domain/procedures/states.js';
import { AUDIENCE_LABEL, IMPORTANCE_LABEL } from '../notices/public-notices.js';
import { KIND_LABEL, ROLE_LABEL } from './layout.js';

export const AUDIT_ACTION_LABELS = {
  // registration (residents, before they have an account)
  'registration.started': '利用者登録の開始',
  'registration.code_sent': '利用者登録：認証コードの送信',
  'registration.code_verified': '利用者登録：認証コードの確認',
  'registration.code_failed': '利用者登録：認証コードの誤り',
  'registration.completed': '利用者登録の完了',
  // residents' sign-in
  'session.signed_in': 'ログイン',
  'session.sign_in_failed': 'ログインの失敗',
  'session.signed_out': 'ログアウト',
  // residents' account
  'account.profile_changed': '登録情報の変更',
  'account.password_changed': 'パスワードの変更',
  'account.reauth_failed': '本人確認（パスワードの再入力）の失敗',
  'account.deleted': '退会',
  'email_change.code_sent': 'メールアドレスの変更：認証コードの送信',
  'email_change.code_failed': 'メールアドレスの変更：認証コードの誤り',
  'email_change.completed': 'メールアドレスの変更',
  'password_reset.code_sent': 'パスワードの再設定：認証コードの送信',
  'password_reset.code_verified': 'パスワードの再設定：認証コードの確認',
  'password_reset.code_failed': 'パスワードの再設定：認証コードの誤り',
  'password_reset.completed': 'パスワードの再設定',
  // staff accounts
  'staff.created': '職員アカウントの作成',
  'staff.enrolled': '職員アカウントの設定',
  'staff.password_ok': '職員ログイン：パスワードの確認',
  'staff.signed_in': '職員ログイン',
  'staff.sign_in_failed': '職員ログインの失敗',
  'staff.code_failed': '職員ログイン：確認コードの誤り',
  'staff.locked': '職員アカウントの一時ロック',
  'staff.signed_out': '職員ログアウト',
  'staff.role_changed': '職員の権限の変更',
  'staff.enrolment_reissued': '職員の再設定用URLの発行',
  'staff.disabled': '職員アカウントの無効化',
  // notices
  'notice.created': 'お知らせの作成',
  'notice.updated': 'お知らせの編集',
  'notice.withdrawn': 'お知らせの公開終了',
  'notice.mail_started': 'お知らせメールの送信開始',
  'notice.mail_queued': 'お知らせメールの送信準備完了',
  // staff looking after residents
  'user.searched': '利用者の検索',
  'user.viewed': '利用者情報の表示',
  'user.suspended': '利用停止',
  'user.unsuspended': '利用停止の解除',
  'user.deleted': '利用者アカウントの削除',
  'dashboard.csv_exported': '登録数のCSV出力',
  // online procedures
  'application.draft_started': '申請の作成（一時保存）',
  'application.guest_code_sent': 'ログインせずに申請：認証コードの送信',
  'application.guest_code_failed': 'ログインせずに申請：認証コードの誤り',
  'application.guest_draft_started': 'ログインせずに申請：申請の作成（一時保存）',
  'application.submit': '申請',
  'application.start': '処理の開始',
  'application.complete': '処理の完了',
  'application.reject': '申請の却下',
  'application.return': '差し戻し',
  'application.resubmit': '再申請',
  'application.withdraw': '取下げ',
  'application.expire': '一時保存の期限切れ',
  'application.note': 'メモの追加',
  'application.attachment_downloaded': '添付ファイルのダウンロード',
  'application.csv_exported': '申請のCSV出力',
  'procedure.stopped': '受付の停止',
  'procedure.resumed': '受付の再開',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_ACTION_LABELS, action);
}

/** The action's Japanese name; an action this version does not know (an older entry) keeps its code. */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTION_LABELS[action] : `その他の操作（${action}）`;
}

/** One phrase of an entry's details; `href` when it names something that has its own page. */
export type DetailPart = { text: string; href?: string };

type Value = string | number | boolean;

const label = <T extends Record<string, string>>(table: T, v: Value): string =>
  typeof v === 'string' && Object.hasOwn(table, v) ? (table[v] as string) : String(v);

const HOW_CREATED: Record<string, string> = {
  command: 'コマンドで作成',
  admin: '職員一覧で作成',
  setup: '初回設定用のURLで作成',
};
const HOW_REISSUED: Record<string, string> = { command: 'コマンドで発行', admin: '職員一覧で発行' };

/** The order of the phrases, whatever the order of the keys in the stored detail. */
const KEY_ORDER = [
  'applicationId',
  'referenceNumber',
  'procedure',
  'by',
  'target',
  'email',
  'from',
  'to',
  'kind',
  'role',
  'notice',
  'importance',
  'audience',
  'total',
  'results',
  'page',
  'days',
  'tries',
  'resend',
  'known',
  'held',
  'knownDevice',
  'locked',
  'onRequest',
  'revision',
  'rows',
];

const stateLabel = (v: Value) =>
  typeof v === 'string' && Object.hasOwn(STATE_LABELS, v)
    ? STATE_LABELS[v as ApplicationState].ja
    : String(v);

/**
 * The details of an entry as phrases, decided key by key (`from`/`to` by action: addresses for an
 * e-mail change, roles for a role change). Addresses in details were masked when recorded.
 */
export function auditDetails(r: Pick<AuditRecord, 'action' | 'detail' | 'targetStaffEmail'>): DetailPart[] {
  const d = r.detail;
  if (!d) return [];
  const parts: DetailPart[] = [];
  const done = new Set<string>();
  const take = (key: string): Value | undefined => {
    done.add(key);
    return d[key];
  };

  if (r.action === 'staff.created' && d.by !== undefined) {
    const by = take('by') as Value;
    const role = take('role');
    parts.push({
      text: `${label(HOW_CREATED, by)}${role !== undefined ? `（権限：${label(ROLE_LABEL, role)}）` : ''}`,
    });
  }
  if (r.action === 'staff.enrolment_reissued' && d.by !== undefined)
    parts.push({ text: label(HOW_REISSUED, take('by') as Value) });
  if (r.action === 'staff.role_changed' && d.from !== undefined && d.to !== undefined)
    parts.push({
      text: `権限：${label(ROLE_LABEL, take('from') as Value)}から${label(ROLE_LABEL, take('to') as Value)}へ`,
    });

  // jsonb keeps keys in its own order: the phrases follow this one (unknown keys last).
  const rank = (k: string) => (KEY_ORDER.indexOf(k) + KEY_ORDER.length + 1) % (KEY_ORDER.length + 1);
  const entries = Object.entries(d).sort(([a], [b]) => rank(a) - rank(b));
  for (const [key, v] of entries) {
    if (done.has(key)) continue;
    switch (key) {
      case 'target':
        parts.push({ text: `対象の職員：${r.targetStaffEmail ?? '（不明）'}` });
        break;
      case 'email':
        // the member's address in full is named by `target` already
        if (d.target !== undefined && r.targetStaffEmail !== null) break;
        parts.push({ text: `メールアドレス：${String(v)}` });
        break;
      case 'from':
        parts.push({ text: `変更前：${String(v)}` });
        break;
      case 'to':
        // an application's new state; otherwise (an address, a role) as it is
        parts.push({
          text: r.action.startsWith('application.') ? `状態：${stateLabel(v)}` : `変更後：${String(v)}`,
        });
        break;
      case 'applicationId':
        parts.push({ text: '申請を表示', href: `/admin/applications/${encodeURIComponent(String(v))}` });
        break;
      case 'referenceNumber':
        parts.push({ text: `受付番号：${String(v)}` });
        break;
      case 'procedure':
        parts.push({ text: `手続：${String(v)}` });
        break;
      case 'revision':
        parts.push({ text: `第${String(v)}版` });
        break;
      case 'rows':
        parts.push({ text: `${String(v)}件` });
        break;
      case 'attachmentId':
        parts.push({ text: '添付ファイル' });
        break;
      case 'kind':
        parts.push({ text: `種別：${label(KIND_LABEL, v)}` });
        break;
      case 'role':
        parts.push({ text: `権限：${label(ROLE_LABEL, v)}` });
        break;
      case 'resend':
        if (v === true) parts.push({ text: '再送信' });
        break;
      case 'tries':
        parts.push({ text: `${String(v)}回目の誤り` });
        break;
      case 'known':
        parts.push({ text: v === true ? '登録済みのアドレス' : '登録のないアドレス' });
        break;
      case 'held':
        if (v === true) parts.push({ text: 'ログイン制限中' });
        break;
      case 'knownDevice':
        parts.push({ text: v === true ? 'ログインしたことのある端末' : '初めての端末' });
        break;
      case 'locked':
        if (v === true) parts.push({ text: 'ロック中' });
        break;
      case 'onRequest':
        if (v === true) parts.push({ text: '本人の申し出による' });
        break;
      case 'results':
        parts.push({ text: `該当${String(v)}件` });
        break;
      case 'page':
        parts.push({ text: `${String(v)}ページ目` });
        break;
      case 'days':
        parts.push({ text: `${String(v)}日分` });
        break;
      case 'total':
        parts.push({ text: `送信対象${String(v)}件` });
        break;
      case 'importance':
        parts.push({ text: `種別：${label(IMPORTANCE_LABEL, v)}` });
        break;
      case 'audience':
        parts.push({ text: `対象：${label(AUDIENCE_LABEL, v)}` });
        break;
      case 'notice':
        parts.push({ text: 'お知らせを表示', href: `/admin/notices/${encodeURIComponent(String(v))}` });
        break;
      case 'by':
        parts.push({ text: label(HOW_CREATED, v) });
        break;
      default:
        parts.push({ text: `${key}：${String(v)}` });
    }
  }
  return parts;
}
