/**
 * The back office's page frame: the same look as the portal (app.css) plus admin.css, its own
 * header with the staff navigation and ログアウト, and no resident links.
 */
import { html } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { StaffMember } from '../../../app/staff/staff.js';
import { CsrfField } from '../shared/components.js';
import { SERVICE_NAME } from '../shared/layout.js';

export type AdminSection =
  'dashboard' | 'applications' | 'procedures' | 'notices' | 'users' | 'staff' | 'audit' | null;

export const ROLE_LABEL = { admin: '管理者', operator: '担当者' } as const;
export const KIND_LABEL = { individual: '個人', business: '事業者' } as const;

export function AdminLayout(props: {
  title: string;
  hasErrors?: boolean;
  csrfToken: string;
  staff?: StaffMember;
  section?: AdminSection;
  children: Child;
}) {
  const s = props.staff;
  const link = (section: Exclude<AdminSection, null>, href: string, label: string) => (
    <li>
      <a href={href} class="admin-nav__link" aria-current={props.section === section ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  // The head as text, as in the portal's layout (views/shared/layout.tsx).
  return (
    <html lang="ja">
      {html`<head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>${`${props.hasErrors ? 'エラー：' : ''}${props.title} | 職員用 | ${SERVICE_NAME}`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="stylesheet" href="/assets/admin.css" />
        <script src="/assets/app.js" defer></script>
      </head>`}
      <body class="admin">
        <a class="skip-link" href="#main">
          本文へ移動
        </a>
        <header class="header admin-header">
          <div class="header__inner admin-header__inner">
            <a class="header__title" href={s ? '/admin' : '/admin/login'}>
              {SERVICE_NAME}
              <span class="header__sub">（職員用）</span>
            </a>
            {s ? (
              <form method="post" action="/admin/logout" class="header__account">
                <CsrfField token={props.csrfToken} />
                <span class="admin-header__who">
                  <span class="address">{s.name ?? s.email}</span>（{ROLE_LABEL[s.role]}）
                </span>
                <button type="submit" class="button button--small button--secondary">
                  ログアウト
                </button>
              </form>
            ) : null}
          </div>
          {s ? (
            <nav class="admin-nav" aria-label="管理メニュー">
              <ul class="admin-nav__list">
                {link('dashboard', '/admin', 'ダッシュボード')}
                {link('applications', '/admin/applications', '申請一覧')}
                {link('procedures', '/admin/procedures', '手続管理')}
                {link('notices', '/admin/notices', 'お知らせ')}
                {link('users', '/admin/users', '利用者')}
                {s.role === 'admin' ? link('staff', '/admin/staff', '職員') : null}
                {link('audit', '/admin/audit', '監査ログ')}
              </ul>
            </nav>
          ) : null}
        </header>
        <main id="main" class="main main--wide" tabindex={-1}>
          {props.children}
        </main>
        <footer class="footer">
          <p class="footer__copy">川崎市 オンライン手続かわさき 職員用管理画面</p>
        </footer>
      </body>
    </html>
  );
}

const dateTime = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
const dateOnly = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** 2026/11/25 10:00 in Japan's time; "—" for none. */
export function formatDateTime(d: Date | null | undefined): string {
  return d ? dateTime.format(d) : '—';
}

export function formatDate(d: Date | null | undefined): string {
  return d ? dateOnly.format(d) : '—';
}

/** 前へ / 次へ, keeping the other query parameters. */
export function Pagination(props: {
  page: number;
  pages: number;
  base: string;
  params?: Record<string, string>;
}) {
  if (props.pages <= 1) return null;
  const href = (page: number) => {
    const q = new URLSearchParams({ ...(props.params ?? {}), page: String(page) });
    return `${props.base}?${q.toString()}`;
  };
  return (
    <nav class="pagination" aria-label="ページ送り">
      <ul class="pagination__list">
        {props.page > 1 ? (
          <li>
            <a href={href(props.page - 1)} rel="prev">
              前へ
            </a>
          </li>
        ) : null}
        <li aria-current="page">
          {props.page} / {props.pages} ページ
        </li>
        {props.page < props.pages ? (
          <li>
            <a href={href(props.page + 1)} rel="next">
              次へ
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** A multi-line text field in the same pattern as TextField (label, ※必須 or ※任意, hint, error). */
export function TextArea(p: {
  name: string;
  label: string;
  value?: string;
  error?: string;
  hint?: string;
  rows?: number;
  maxlength?: number;
  /** ※任意 instead of ※必須 */
  optional?: boolean;
}) {
  const describedBy = [p.hint ? `${p.name}-hint` : '', p.error ? `${p.name}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`field${p.error ? ' field--error' : ''}`}>
      <div class="field__head">
        <label for={p.name} class="field__label">
          {p.label}
        </label>
        <span class={p.optional ? 'optional' : 'required'} aria-hidden="true">
          {p.optional ? '※任意' : '※必須'}
        </span>
      </div>
      {p.hint ? (
        <div id={`${p.name}-hint`} class="field__hint">
          {p.hint}
        </div>
      ) : null}
      {p.error ? (
        <p id={`${p.name}-error`} class="field__error">
          <span class="visually-hidden">エラー：</span>
          {p.error}
        </p>
      ) : null}
      <textarea
        id={p.name}
        name={p.name}
        rows={p.rows ?? 10}
        class="input textarea"
        maxlength={p.maxlength}
        aria-required={p.optional ? undefined : 'true'}
        aria-describedby={describedBy || undefined}
        aria-invalid={p.error ? 'true' : undefined}
      >
        {p.value ?? ''}
      </textarea>
    </div>
  );
}
