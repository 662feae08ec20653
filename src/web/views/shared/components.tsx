/**
 * Form pieces in the GOV.UK / Digital Agency pattern: label with ※必須, hint, error message tied by
 * aria-describedby, aria-invalid, fieldset/legend for groups, and the error summary at the top.
 */
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { renderHtml, useLang, useT, useTr } from '../../shared/i18n.js';

/**
 * An error for the summary and its field. `inputId` is the id of the input the summary link
 * focuses when it is not the field's name (the first radio button of a group: see radioId).
 */
export type ErrorItem = { field: string; message: string; inputId?: string };
export type Errors = ErrorItem[];

export function errorFor(errors: Errors | undefined, field: string): string | undefined {
  return errors?.find((e) => e.field === field)?.message;
}

/** The id of one radio button of a group (the first one is where an error summary link goes). */
export function radioId(name: string, value: string): string {
  return `${name}-${value}`;
}

export function ErrorSummary({ errors }: { errors?: Errors }) {
  const t = useT();
  if (!errors || errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} autofocus>
      <h2 id="error-summary-title" class="error-summary__title">
        {t('入力内容に誤りがあります')}
      </h2>
      <ul class="error-summary__list">
        {errors.map((e) => (
          <li>
            <a href={`#${e.inputId ?? e.field}`}>{t(e.message)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Notice({
  children,
  kind = 'info',
}: {
  children: Child;
  kind?: 'info' | 'warning' | 'success';
}) {
  const tr = useTr();
  return (
    <div class={`notice notice--${kind}`} role={kind === 'info' ? undefined : 'status'}>
      {tr(children)}
    </div>
  );
}

/**
 * ※必須 / ※任意 in text, beside (not inside) the label, so that the field's accessible name is the
 * spec's label exactly; `aria-required` tells assistive technology the same.
 */
function Required({ optional }: { optional?: boolean }) {
  const t = useT();
  return optional ? (
    <span class="optional" aria-hidden="true">
      {t('※任意')}
    </span>
  ) : (
    <span class="required" aria-hidden="true">
      {t('※必須')}
    </span>
  );
}

/** The ids of a field's hint and error, for `aria-describedby`. */
function describedByFor(id: string, hint: unknown, error: string | undefined): string {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
}

/** A field's hint and its error message, each with the id that `aria-describedby` points to. */
function HintAndError({ id, hint, error }: { id: string; hint?: Child; error?: string }) {
  const t = useT();
  const tr = useTr();
  return (
    <>
      {hint ? (
        <div id={`${id}-hint`} class="field__hint">
          {tr(hint)}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} class="field__error">
          <span class="visually-hidden">{t('エラー：')}</span>
          {t(error)}
        </p>
      ) : null}
    </>
  );
}

type TextFieldProps = {
  name: string;
  label: string;
  value?: string;
  error?: string;
  hint?: Child;
  optional?: boolean;
  type?: 'text' | 'email' | 'password' | 'tel';
  autocomplete?: string;
  inputmode?: 'numeric' | 'tel' | 'email' | 'text';
  width?: 'short' | 'medium' | 'long';
  maxlength?: number;
};

export function TextField(p: TextFieldProps) {
  const t = useT();
  const describedBy = describedByFor(p.name, p.hint, p.error);
  return (
    <div class={`field${p.error ? ' field--error' : ''}`}>
      <div class="field__head">
        <label for={p.name} class="field__label">
          {t(p.label)}
        </label>
        <Required optional={p.optional} />
      </div>
      <HintAndError id={p.name} hint={p.hint} error={p.error} />
      <input
        id={p.name}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.type === 'password' ? undefined : (p.value ?? '')}
        class={`input input--${p.width ?? 'long'}`}
        autocomplete={p.autocomplete}
        inputmode={p.inputmode}
        maxlength={p.maxlength}
        aria-required={p.optional ? undefined : 'true'}
        spellcheck={p.type === 'email' || p.type === 'password' ? false : undefined}
        aria-describedby={describedBy || undefined}
        aria-invalid={p.error ? 'true' : undefined}
      />
    </div>
  );
}

/**
 * The address a code is mailed to (registration, a new address, a password reset, a guest): typed
 * as an e-mail address. The browser cuts it only well beyond the rule's 255 characters, so that a
 * too-long address gets its message instead of being shortened unseen.
 */
export function EmailField(p: Omit<TextFieldProps, 'type' | 'autocomplete' | 'inputmode' | 'maxlength'>) {
  return <TextField {...p} type="email" autocomplete="email" inputmode="email" maxlength={300} />;
}

type DateFieldProps = {
  legend: string;
  prefix: string;
  values: Record<string, string>;
  error?: string;
  hint?: string;
};

/** A date as three fields 年/月/日 (the GOV.UK and Digital Agency pattern), with the 和暦 shown by script. */
export function DateField(p: DateFieldProps) {
  const t = useT();
  const id = `${p.prefix}Date`;
  const describedBy = [`${id}-hint`, p.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const part = (key: 'Year' | 'Month' | 'Day', label: string, width: string, autocomplete: string) => (
    <div class="date__item">
      <label for={`${p.prefix}${key}`} class="date__label">
        {label}
      </label>
      <input
        id={`${p.prefix}${key}`}
        name={`${p.prefix}${key}`}
        type="text"
        inputmode="numeric"
        class={`input input--${width}`}
        value={p.values[`${p.prefix}${key}`] ?? ''}
        autocomplete={autocomplete}
        aria-invalid={p.error ? 'true' : undefined}
        aria-required="true"
        data-wareki={key === 'Year' ? `${id}-wareki` : undefined}
      />
    </div>
  );
  return (
    <div class={`field${p.error ? ' field--error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={describedBy}>
        <legend class="field__label field__label--inline">{t(p.legend)}</legend>
        <Required />
        <div id={`${id}-hint`} class="field__hint">
          {p.hint ?? t('西暦で入力してください。例：1985年4月1日')}
        </div>
        {p.error ? (
          <p id={`${id}-error`} class="field__error">
            <span class="visually-hidden">{t('エラー：')}</span>
            {t(p.error)}
          </p>
        ) : null}
        <div class="date">
          {part('Year', t('年'), 'year', 'bday-year')}
          <span id={`${id}-wareki`} class="date__wareki" aria-live="polite"></span>
          {part('Month', t('月'), 'two', 'bday-month')}
          {part('Day', t('日'), 'two', 'bday-day')}
        </div>
      </fieldset>
    </div>
  );
}

type RadioGroupProps = {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  value?: string;
  error?: string;
  hint?: Child;
};

export function RadioGroup(p: RadioGroupProps) {
  const t = useT();
  const describedBy = describedByFor(p.name, p.hint, p.error);
  return (
    <div class={`field${p.error ? ' field--error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={describedBy || undefined}>
        <legend class="field__label field__label--inline">{t(p.legend)}</legend>
        <Required />
        <HintAndError id={p.name} hint={p.hint} error={p.error} />
        <div class="radios">
          {p.options.map((o) => (
            <div class="radio">
              <input
                type="radio"
                id={radioId(p.name, o.value)}
                name={p.name}
                value={o.value}
                checked={p.value === o.value}
                aria-invalid={p.error ? 'true' : undefined}
              />
              <label for={radioId(p.name, o.value)}>{t(o.label)}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/**
 * Where the person is in a flow of numbered steps (registration: メールアドレス → 認証コード →
 * 利用者情報 → 確認 → 完了). `steps` and `label` (the navigation's name) are catalogue keys.
 */
export function StepIndicator({
  steps,
  label,
  current,
}: {
  steps: readonly string[];
  label: string;
  current: number;
}) {
  const t = useT();
  return (
    <nav aria-label={t(label)} class="steps">
      <ol>
        {steps.map((s, i) => (
          <li
            class={
              i + 1 === current
                ? 'steps__item steps__item--current'
                : i + 1 < current
                  ? 'steps__item steps__item--done'
                  : 'steps__item'
            }
            aria-current={i + 1 === current ? 'step' : undefined}
          >
            <span class="steps__num">{i + 1}</span>
            {t(s)}
            {i + 1 < current ? <span class="visually-hidden">{t('（完了）')}</span> : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}

type SelectFieldProps = {
  name: string;
  label: string;
  options: readonly string[];
  value?: string;
  error?: string;
  hint?: Child;
  autocomplete?: string;
};

/**
 * The options of a fixed list as markup, made once per language and chosen value (47 都道府県 are
 * many elements to build on every view of 利用者情報の入力). A value that is not one of the options
 * (a hand-made POST) is rendered without being kept, so the memo stays as small as the lists.
 */
const renderedOptions = new WeakMap<readonly string[], Map<string, string>>();
function SelectOptions({ options, value }: { options: readonly string[]; value: string | undefined }) {
  const lang = useLang();
  const t = useT();
  const chosen = value !== undefined && options.includes(value) ? value : '';
  const key = `${lang} ${chosen}`;
  let byKey = renderedOptions.get(options);
  let markup = byKey?.get(key);
  if (markup === undefined) {
    markup = renderHtml(
      lang,
      <>
        <option value="">{t('選択してください')}</option>
        {options.map((o) => (
          <option value={o} selected={chosen === o}>
            {t(o)}
          </option>
        ))}
      </>,
    );
    if (!byKey) renderedOptions.set(options, (byKey = new Map()));
    byKey.set(key, markup);
  }
  return raw(markup);
}

/** A required choice from a fixed list, with a first empty option 「選択してください」. */
export function SelectField(p: SelectFieldProps) {
  const t = useT();
  const describedBy = describedByFor(p.name, p.hint, p.error);
  return (
    <div class={`field${p.error ? ' field--error' : ''}`}>
      <div class="field__head">
        <label for={p.name} class="field__label">
          {t(p.label)}
        </label>
        <Required />
      </div>
      <HintAndError id={p.name} hint={p.hint} error={p.error} />
      <select
        id={p.name}
        name={p.name}
        class="input input--medium"
        autocomplete={p.autocomplete}
        aria-required="true"
        aria-describedby={describedBy || undefined}
        aria-invalid={p.error ? 'true' : undefined}
      >
        <SelectOptions options={p.options} value={p.value} />
      </select>
    </div>
  );
}
