/**
 * A procedure's page (its title is its name): 概要, 対象となる方, 必要なもの, 手数料, 受付期間,
 * 担当課, 問い合わせ先, and `申請する` — a form for a signed-in resident, the way to ログイン (and
 * back here) for anyone else, with `ログインせずに申請する` where the procedure takes guests. A
 * procedure stopped (手続管理) or out of its 受付期間 says so and offers no 申請する.
 */
import type { CatalogueEntry } from '../../../app/procedures/procedures.js';
import { CATEGORIES } from '../../../domain/procedures/definition.js';
import { T, useLang, useT } from '../../shared/i18n.js';
import { CsrfField } from '../shared/components.js';
import { AvailabilityTag, audienceLabel, availabilityOf } from './labels.js';

/** Why 申請する did not start a draft, shown on the page again. */
export type ApplyProblem =
  | { kind: 'not_accepting' }
  /** one application per person: the one they have (a draft to resume, or one sent), if found */
  | { kind: 'one_per_person'; existing: { id: string; draft: boolean } | null };

function OnePerPerson({ existing }: { existing: { id: string; draft: boolean } | null }) {
  const t = useT();
  return (
    <div class="notice notice--warning" role="alert">
      <p>
        <strong>
          <T>この手続は、1人につき1件だけ申請できます。</T>
        </strong>
      </p>
      {existing === null ? (
        <p>
          <a href="/mypage/applications">{t('申請履歴を見る')}</a>
        </p>
      ) : existing.draft ? (
        <>
          <p>
            <T>一時保存中の申請があります。続きから入力してください。</T>
          </p>
          <p>
            <a href={`/applications/${existing.id}`}>{t('一時保存中の申請を再開する')}</a>
          </p>
        </>
      ) : (
        <>
          <p>
            <T>この手続の申請は、すでに受け付けています。</T>
          </p>
          <p>
            <a href={`/mypage/applications/${existing.id}`}>{t('申請の詳細を見る')}</a>
          </p>
        </>
      )}
    </div>
  );
}

export function ProcedurePageView(p: {
  entry: CatalogueEntry;
  signedIn: boolean;
  csrfToken: string;
  problem?: ApplyProblem;
}) {
  const t = useT();
  const lang = useLang();
  const d = p.entry.definition;
  const availability = availabilityOf(p.entry);
  const here = `/procedures/${d.id}`;
  return (
    <>
      {p.problem?.kind === 'one_per_person' ? <OnePerPerson existing={p.problem.existing} /> : null}
      {availability === 'stopped' ? (
        <div class="notice notice--warning" role={p.problem ? 'alert' : undefined}>
          <p>
            <strong>
              <T>この手続は、現在、受付を停止しています。オンラインでの申請はできません。</T>
            </strong>
          </p>
          <p>
            <T>お急ぎの場合は、下記の問い合わせ先にご相談ください。</T>
          </p>
        </div>
      ) : availability === 'out_of_period' ? (
        <div class="notice notice--warning" role={p.problem ? 'alert' : undefined}>
          <p>
            <strong>
              <T>この手続は、受付期間外のため申請できません。</T>
            </strong>
          </p>
          <p>
            <T params={{ period: d.acceptance.text[lang] }}>{'受付期間：{period}'}</T>
          </p>
        </div>
      ) : null}
      <dl class="procedure-facts">
        <div>
          <dt>{t('分類')}</dt>
          <dd>
            <a href={`/procedures?category=${d.category}`}>{CATEGORIES[d.category][lang]}</a>
          </dd>
        </div>
        <div>
          <dt>{t('対象')}</dt>
          <dd>{audienceLabel(lang, d.audience)}</dd>
        </div>
        <div>
          <dt>{t('受付状況')}</dt>
          <dd>
            <AvailabilityTag entry={p.entry} />
          </dd>
        </div>
      </dl>
      <h2 class="subtitle">{t('概要')}</h2>
      <p>{d.summary[lang]}</p>
      <h2 class="subtitle">{t('対象となる方')}</h2>
      <p>{d.eligibility[lang]}</p>
      <h2 class="subtitle">{t('必要なもの')}</h2>
      {d.requirements.length === 0 ? (
        <p>
          <T>特にありません。</T>
        </p>
      ) : (
        <ul class="list">
          {d.requirements.map((r) => (
            <li>{r[lang]}</li>
          ))}
        </ul>
      )}
      <h2 class="subtitle">{t('手数料')}</h2>
      <p>{d.fee[lang]}</p>
      <h2 class="subtitle">{t('受付期間')}</h2>
      <p>{d.acceptance.text[lang]}</p>
      <h2 class="subtitle">{t('担当課')}</h2>
      <p>{d.department[lang]}</p>
      <h2 class="subtitle">{t('問い合わせ先')}</h2>
      <dl class="readonly">
        <dt>{t('担当課')}</dt>
        <dd>{d.department[lang]}</dd>
        <dt>{t('電話番号')}</dt>
        <dd>
          <a href={`tel:${d.contact.phone.replace(/-/g, '')}`}>{d.contact.phone}</a>
        </dd>
        {d.contact.email ? (
          <>
            <dt>{t('メールアドレス')}</dt>
            <dd class="address">
              <a href={`mailto:${d.contact.email}`}>{d.contact.email}</a>
            </dd>
          </>
        ) : null}
        <dt>{t('受付時間')}</dt>
        <dd>{d.contact.hours[lang]}</dd>
      </dl>
      {p.entry.open ? (
        <section aria-labelledby="apply" class="apply">
          <h2 id="apply" class="subtitle">
            {t('オンラインで申請する')}
          </h2>
          {p.signedIn ? (
            <form method="post" action={`${here}/apply`}>
              <CsrfField token={p.csrfToken} />
              <button type="submit" class="button button--large">
                {t('申請する')}
              </button>
            </form>
          ) : (
            <>
              <p>
                <T>申請するには、ログインしてください。利用者情報が申請書に入力された状態で始められます。</T>
              </p>
              <p class="actions">
                <a href={`/login?next=${encodeURIComponent(here)}`} class="button button--large">
                  {t('申請する')}
                </a>
                {d.guestAllowed ? (
                  <a href={`${here}/guest`} class="button button--secondary">
                    {t('ログインせずに申請する')}
                  </a>
                ) : null}
              </p>
              <p>
                <a href="/register">{t('利用者登録がお済みでない方はこちら')}</a>
              </p>
            </>
          )}
        </section>
      ) : null}
      <p>
        <a href="/procedures">{t('手続一覧へ戻る')}</a>
      </p>
    </>
  );
}
