/**
 * The seed's registration screens 1–3: 利用者の新規登録 (the kind), 利用規約の確認 and
 * メールアドレスの登録.
 */
import type { UserKind } from '../../../domain/profile.js';
import { k } from '../../../messages/i18n.js';
import { T, useLang, useT } from '../../shared/i18n.js';
import { SpamFilterNotice } from '../shared/code-entry.js';
import { CsrfField, EmailField, ErrorSummary, Notice, type Errors } from '../shared/components.js';
import { RegistrationSteps } from './steps.js';
import { TermsContent } from '../content/terms.js';
import { TermsContentEn } from '../content/terms-en.js';

const KINDS: Record<UserKind, string> = { individual: k('個人'), business: k('事業者') };

/** Screen 1: 利用者の新規登録, with the reason when a flow had to start over. */
export function ChooseKindView({ message }: { message?: string }) {
  return (
    <>
      {message ? <Notice kind="warning">{message}</Notice> : null}
      <p>
        <T>利用者の区分を選んでください。メールアドレスが利用者IDになります。</T>
      </p>
      <form method="get" action="/register/terms" class="choice">
        <div class="choice__item">
          <button type="submit" name="kind" value="individual" class="button button--large">
            <T>個人として登録する</T>
          </button>
          <p class="field__hint">
            <T>個人の方はこちら</T>
          </p>
        </div>
        <div class="choice__item">
          <button type="submit" name="kind" value="business" class="button button--large">
            <T>事業者として登録する</T>
          </button>
          <p class="field__hint">
            <T>法人・事業者の方はこちら</T>
          </p>
        </div>
      </form>
    </>
  );
}

/** Screen 2: 利用規約の確認. */
export function TermsView(p: {
  kind: UserKind;
  csrfToken: string;
  mailDomain: string;
  registrationTtlSeconds: number;
  errors?: Errors;
}) {
  const t = useT();
  const lang = useLang();
  const { kind, errors } = p;
  const docOptions = { mailDomain: p.mailDomain, registrationTtlSeconds: p.registrationTtlSeconds };
  return (
    <>
      <ErrorSummary errors={errors} />
      <p>
        <T params={{ kind: t(KINDS[kind]) }}>
          {
            '{kind}として登録します。利用規約をお読みいただき、同意のうえ「利用者の登録を開始する」を押してください。'
          }
        </T>
      </p>
      <section class="terms-box" tabindex={0} aria-labelledby="terms-title">
        <h2 id="terms-title">
          <T>オンライン手続かわさき 利用規約</T>
        </h2>
        {lang === 'en' ? <TermsContentEn {...docOptions} /> : <TermsContent {...docOptions} />}
      </section>
      <form method="post" action="/register/terms" novalidate>
        <CsrfField token={p.csrfToken} />
        <input type="hidden" name="kind" value={kind} />
        <div class={`field${errors ? ' field--error' : ''}`}>
          {errors ? (
            <p id="agree-error" class="field__error">
              <span class="visually-hidden">
                <T>エラー：</T>
              </span>
              <T>{errors[0]?.message ?? ''}</T>
            </p>
          ) : null}
          <div class="checkbox">
            <input
              type="checkbox"
              id="agree"
              name="agree"
              value="yes"
              aria-invalid={errors ? 'true' : undefined}
              aria-describedby={errors ? 'agree-error' : undefined}
            />
            <label for="agree">
              <T>利用規約に同意します</T>
            </label>
          </div>
        </div>
        <button type="submit" class="button">
          <T>利用者の登録を開始する</T>
        </button>
      </form>
    </>
  );
}

/** Screen 3: メールアドレスの登録. */
export function EmailView(p: { value: string; csrfToken: string; mailDomain: string; errors?: Errors }) {
  const { value, errors } = p;
  return (
    <>
      <RegistrationSteps current={1} />
      <ErrorSummary errors={errors} />
      <p>
        <T>
          利用者IDとして使用するメールアドレスを入力し、「登録する」を押してください。入力したメールアドレスに認証コードを記載したメールをお送りします。
        </T>
      </p>
      <SpamFilterNotice mailDomain={p.mailDomain} />
      <form method="post" action="/register/email" novalidate>
        <CsrfField token={p.csrfToken} />
        <EmailField
          name="email"
          label="メールアドレス"
          value={value}
          error={errors?.[0]?.message}
          hint="半角英数字と記号で入力してください。例：taro@example.jp（PC用・携帯電話用のどちらでも構いません）"
        />
        <button type="submit" class="button">
          <T>登録する</T>
        </button>
      </form>
      <p>
        <a href="/faq#faq-characters">
          <T>使用できるメールアドレスについて（よくある質問）</T>
        </a>
      </p>
    </>
  );
}
