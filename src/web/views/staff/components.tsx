/** Pieces the back-office screens share: the confirmed action button, the refusal pages' text. */
import type { Child } from 'hono/jsx';
import { CsrfField } from '../shared/components.js';

/**
 * A staff action that changes something: one button in its own POST form, asked again with the
 * portal's confirm dialog; without JavaScript the form carries `nojs` and the question (inside
 * <noscript>, which a browser only submits then), and the back office asks on a page of its own
 * (ConfirmView, routes/staff/index.tsx) before doing it.
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
      <noscript>
        <input type="hidden" name="nojs" value="1" />
        <input type="hidden" name="question" value={p.confirm} />
      </noscript>
      <button type="submit" class={p.buttonClass}>
        {p.children}
      </button>
    </form>
  );
}

/** 操作の確認 without JavaScript: the action's question, 実行する (the same POST, confirmed) or キャンセル. */
export function ConfirmView(p: { question: string; action: string; csrfToken: string; back: string }) {
  return (
    <>
      <p>{p.question}</p>
      <form method="post" action={p.action}>
        <CsrfField token={p.csrfToken} />
        <input type="hidden" name="confirmed" value="1" />
        <div class="actions">
          <button type="submit" class="button">
            実行する
          </button>
          <a href={p.back}>キャンセル</a>
        </div>
      </form>
    </>
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
