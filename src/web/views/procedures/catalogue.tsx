/**
 * 手続一覧: the search (キーワード, 分類, 対象) as a plain GET form, the count of results, and each
 * procedure with its description, 対象 and whether it takes applications now. The home page's
 * search box and category links are here too, so that both search the same way.
 */
import type { CatalogueEntry } from '../../../app/procedures/procedures.js';
import { CATEGORIES, type Category } from '../../../domain/procedures/definition.js';
import { T, useLang, useT } from '../../shared/i18n.js';
import { AvailabilityTag, audienceLabel } from './labels.js';

/** The search as read from the address (unknown values dropped). */
export type CatalogueFilters = {
  q: string;
  category: Category | null;
  audience: 'individual' | 'business' | null;
};

export const CATEGORY_IDS = Object.keys(CATEGORIES) as Category[];

/** The address of 手続一覧 for a category. */
export const categoryHref = (c: Category) => `/procedures?category=${c}`;

/** キーワード and 検索 (the home page's and 手続一覧's). */
function KeywordField({ value }: { value: string }) {
  const t = useT();
  return (
    <div class="field">
      <div class="field__head">
        <label for="q" class="field__label">
          {t('キーワード')}
        </label>
      </div>
      <div id="q-hint" class="field__hint">
        {t(
          '手続の名前の一部を、漢字・ひらがな・カタカナ・ローマ字で入力できます。例：粗大ごみ、じゅうみんひょう、sodaigomi',
        )}
      </div>
      <input
        id="q"
        name="q"
        type="search"
        value={value}
        class="input input--long"
        maxlength={100}
        aria-describedby="q-hint"
      />
    </div>
  );
}

/** The home page's search box: キーワード and 検索, to 手続一覧. */
export function SearchBox() {
  const t = useT();
  return (
    <form method="get" action="/procedures" role="search" class="search" aria-label={t('手続をさがす')}>
      <KeywordField value="" />
      <button type="submit" class="button">
        {t('検索')}
      </button>
    </form>
  );
}

/** The categories (分類) as links to 手続一覧. */
export function CategoryLinks() {
  const lang = useLang();
  return (
    <ul class="category-list">
      {CATEGORY_IDS.map((c) => (
        <li>
          <a href={categoryHref(c)}>{CATEGORIES[c][lang]}</a>
        </li>
      ))}
    </ul>
  );
}

function Filters({ filters }: { filters: CatalogueFilters }) {
  const t = useT();
  const lang = useLang();
  const audiences: { value: '' | 'individual' | 'business'; label: string }[] = [
    { value: '', label: audienceLabel(lang, 'all') },
    { value: 'individual', label: audienceLabel(lang, 'individual') },
    { value: 'business', label: audienceLabel(lang, 'business') },
  ];
  return (
    <form method="get" action="/procedures" role="search" class="search" aria-label={t('手続をさがす')}>
      <KeywordField value={filters.q} />
      <div class="field">
        <div class="field__head">
          <label for="category" class="field__label">
            {t('分類')}
          </label>
        </div>
        <select id="category" name="category" class="input input--medium">
          <option value="">{audienceLabel(lang, 'all')}</option>
          {CATEGORY_IDS.map((c) => (
            <option value={c} selected={filters.category === c}>
              {CATEGORIES[c][lang]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <fieldset class="fieldset">
          <legend class="field__label field__label--inline">{t('対象')}</legend>
          <div class="radios radios--inline">
            {audiences.map((a) => (
              <div class="radio">
                <input
                  type="radio"
                  id={`audience-${a.value || 'all'}`}
                  name="audience"
                  value={a.value}
                  checked={(filters.audience ?? '') === a.value}
                />
                <label for={`audience-${a.value || 'all'}`}>{a.label}</label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <button type="submit" class="button">
        {t('検索')}
      </button>
    </form>
  );
}

function Result({ entry }: { entry: CatalogueEntry }) {
  const lang = useLang();
  const t = useT();
  const d = entry.definition;
  return (
    <li class="procedure-list__item">
      <h3 class="procedure-list__name">
        <a href={`/procedures/${d.id}`}>{d.name[lang]}</a>
      </h3>
      <p>{d.summary[lang]}</p>
      <dl class="procedure-list__facts">
        <div>
          <dt>{t('分類')}</dt>
          <dd>{CATEGORIES[d.category][lang]}</dd>
        </div>
        <div>
          <dt>{t('対象')}</dt>
          <dd>{audienceLabel(lang, d.audience)}</dd>
        </div>
        <div>
          <dt>{t('受付状況')}</dt>
          <dd>
            <AvailabilityTag entry={entry} />
          </dd>
        </div>
      </dl>
    </li>
  );
}

export function CatalogueView({
  entries,
  filters,
}: {
  entries: CatalogueEntry[];
  filters: CatalogueFilters;
}) {
  const t = useT();
  const filtered = filters.q !== '' || filters.category !== null || filters.audience !== null;
  return (
    <>
      <Filters filters={filters} />
      <section aria-labelledby="results">
        <h2 id="results" class="subtitle">
          <T>検索結果</T>
        </h2>
        <p role="status">
          <T params={{ n: entries.length }}>{'{n}件の手続が見つかりました。'}</T>
        </p>
        {entries.length === 0 ? (
          <div class="notice">
            <p>
              <T>
                条件に合う手続が見つかりませんでした。キーワードを短くするか、別の言葉（ひらがな・ローマ字など）で検索するか、分類・対象の条件を外してお試しください。
              </T>
            </p>
            <p>
              <a href="/procedures">{t('すべての手続を見る')}</a>
            </p>
          </div>
        ) : (
          <ul class="procedure-list">
            {entries.map((e) => (
              <Result entry={e} />
            ))}
          </ul>
        )}
        {filtered && entries.length > 0 ? (
          <p>
            <a href="/procedures">{t('すべての手続を見る')}</a>
          </p>
        ) : null}
      </section>
    </>
  );
}
