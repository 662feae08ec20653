/** Pieces the back-office screens share: the confirmed action button, the refusal pages' text. */
import type { Child } from 'hono/jsx';
import { CsrfField } from '../shared/components.js';

/**
 * A staff action that changes something: one button in its own POST form, asked again with the
 * portal's confirm dialog (the form is sent without asking when JavaScript is off).
 */
export function ConfirmedAction(p: {
  action: string;
  confirm: string;
  csrfToken: string;
  buttonClass: string;
  children: Child;
}) {
  return (
    <form method="post" action={p.action} data-confirm={p.confirm}>
      <CsrfField token={p.csrfToken} />
      <button type="submit" class={p.buttonClass}>
        {p.children}
      </button>
    </form>
  );
}

/** 権限がありません. */
export function ForbiddenView() {
  return (
    <>
      <p>この画面を利用する権限がありません。職員アカウントの管理は、管理者の権限を持つ職員が行います。</p>
      <p>
        <a href="/admin">ダッシュボードへ戻る</a>
      </p>
    </>
  );
}

/** ページが見つかりません. */
export function NotFoundView() {
  return (
    <>
      <p>お探しのページは見つかりませんでした。</p>
      <p>
        <a href="/admin">ダッシュボードへ戻る</a>
      </p>
    </>
  );
}
