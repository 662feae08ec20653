/**
 * マイページ: the user's ID, kind and registration date, their notices, their applications (申請履歴,
 * 一時保存中の申請), their profile, the account links. A business is greeted 「… 御中」 (a company is addressed so in Japanese, not 様); in English,
 * "Welcome, …" for everyone.
 */
import type { NoticeRecord } from '../../../app/notices/ports.js';
import type { UserKind } from '../../../domain/profile.js';
import { japanEraDate } from '../../../messages/japan-time.js';
import type { Lang } from '../../../messages/i18n.js';
import { T, useLang } from '../../shared/i18n.js';
import { MyPageNoticeList } from '../notices/public-notices.js';
import { ConfirmView } from '../shared/profile-form.js';
import { MyApplications, type History } from '../procedures/history.js';

/**
 * 利用者区分 on マイページ. The catalogue's 個人/事業者 are worded for a sentence ("as an
 * individual"), so the names as a value are here.
 */
const KIND_LABEL: Record<Lang, Record<UserKind, string>> = {
  ja: { individual: '個人', business: '事業者' },
  en: { individual: 'Individual', business: 'Business' },
};

/** 登録日: in the Japanese era for Japanese, day month year for English; Japan's date either way. */

export function MyPageView({
  user: u,
  notices,
  history,
  csrfToken,
}: {
  user: {
    displayName: string;
    email: string;
    kind: UserKind;
    createdAt: Date;
    profileValues: Record<string, string>;
  };
  /** the notices for the user's kind, newest first */
  notices: NoticeRecord[];
  /** 申請履歴 and 一時保存中の申請 (the latest few are shown) */
  history: History;
  csrfToken: string;
}) {
  const lang: Lang = useLang() === 'en' ? 'en' : 'ja';
  return (
    <>
      <p class="greeting">
        {u.kind === 'business' ? (
          <T params={{ name: u.displayName }}>{'{name} 御中'}</T>
        ) : (
          <T params={{ name: u.displayName }}>{'{name} 様、ようこそ。'}</T>
        )}
      </p>
      <dl class="readonly">
        <dt>
          <T>利用者ID</T>
        </dt>
        <dd class="address">{u.email}</dd>
        <dt>
          <T>利用者区分</T>
        </dt>
        <dd>{KIND_LABEL[lang][u.kind]}</dd>
        <dt>
          <T>登録日</T>
        </dt>
        <dd>{japanEraDate(u.createdAt, lang)}</dd>
      </dl>
      <section aria-labelledby="notices">
        <h2 id="notices" class="subtitle">
          <T>お知らせ</T>
        </h2>
        <MyPageNoticeList list={notices} />
      </section>
      <MyApplications history={history} csrfToken={csrfToken} />
      <section aria-labelledby="profile">
        <h2 id="profile" class="subtitle">
          <T>利用者情報</T>
        </h2>
        <ConfirmView
          kind={u.kind}
          email={u.email}
          values={u.profileValues}
          showPassword={false}
          showEmail={false}
        />
      </section>
      <nav aria-labelledby="account-actions">
        <h2 id="account-actions" class="subtitle">
          <T>登録内容の変更・退会</T>
        </h2>
        <ul class="action-list">
          <li>
            <a href="/account/profile">
              <T>利用者情報の変更</T>
            </a>
          </li>
          <li>
            <a href="/account/email">
              <T>メールアドレスの変更</T>
            </a>
          </li>
          <li>
            <a href="/account/password">
              <T>パスワードの変更</T>
            </a>
          </li>
          <li class="action-list__item--danger">
            <a href="/account/delete">
              <T>退会</T>
            </a>
          </li>
        </ul>
      </nav>
    </>
  );
}
