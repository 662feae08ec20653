/**
 * What the resident screens of the procedures say about a procedure or an application in a word:
 * 対象 (個人 / 事業者), whether it takes applications now (受付中 / 受付停止中 / 受付期間外), an
 * application's state, and the dates in Japan time. Written once, used by 手続一覧, the procedure's
 * page, マイページ, 申請履歴 and 申請の詳細.
 */
import type { CatalogueEntry } from '../../../app/procedures/procedures.js';
import type { Audience } from '../../../domain/procedures/definition.js';
import { STATE_LABELS, type ApplicationState } from '../../../domain/procedures/states.js';
import { k, type Lang } from '../../../messages/i18n.js';
import { T, useLang } from '../../shared/i18n.js';
import { japanDateTime } from '../../../messages/japan-time.js';

/**
 * 対象, as a value. The catalogue's 個人/事業者 are worded for a sentence ("as an individual"), so
 * the names as a value are here (as on マイページ).
 */
const AUDIENCE_LABELS: Record<Lang, Record<Audience | 'all', string>> = {
  ja: { individual: '個人', business: '事業者', both: '個人・事業者', all: 'すべて' },
  en: { individual: 'Individuals', business: 'Businesses', both: 'Individuals and businesses', all: 'All' },
};

/** 対象 (or `all`: the filter's すべて) in the page's language. */
export function audienceLabel(lang: Lang, a: Audience | 'all'): string {
  return AUDIENCE_LABELS[lang][a];
}

export type Availability = 'open' | 'stopped' | 'out_of_period';

export const AVAILABILITY_LABEL: Record<Availability, string> = {
  open: k('受付中'),
  stopped: k('受付停止中'),
  out_of_period: k('受付期間外'),
};

export function availabilityOf(e: Pick<CatalogueEntry, 'accepting' | 'inPeriod'>): Availability {
  return !e.accepting ? 'stopped' : !e.inPeriod ? 'out_of_period' : 'open';
}

/** 受付中 / 受付停止中 / 受付期間外 as a tag. */
export function AvailabilityTag({ entry }: { entry: Pick<CatalogueEntry, 'accepting' | 'inPeriod'> }) {
  const a = availabilityOf(entry);
  return (
    <span class={`tag tag--${a === 'open' ? 'open' : 'closed'}`}>
      <T>{AVAILABILITY_LABEL[a]}</T>
    </span>
  );
}

export function StateLabel({ state }: { state: ApplicationState }) {
  const lang = useLang();
  return <span class={`tag tag--state tag--${state}`}>{STATE_LABELS[state][lang]}</span>;
}

/** 2026年12月4日 19:10 / 4 December 2026 at 19:10, Japan time. */
export { japanDateTime };

/** A date and time in Japan time, as a <time> element. */
export function DateTime({ at }: { at: Date | null }) {
  const lang = useLang();
  return at ? <time datetime={at.toISOString()}>{japanDateTime(at, lang)}</time> : <>—</>;
}
