/**
 * The inputs of a procedure's fields, one renderer per field type (`FIELD_VIEWS` is a mapped type
 * over FieldType, so a field type without a renderer does not compile). Each shows its label (the
 * definition's, in the page's language), ※必須 / ※任意, its hint, its error next to it (tied by
 * aria-describedby), and the answer as typed. Input names and ids are the engine's
 * (`<fieldId>-<part>`, fields/types.ts inputName), so the error summary links to `#<input>`.
 */
import type { Child } from 'hono/jsx';
import { PREFECTURES } from '../../../domain/fields.js';
import type {
  FieldDefinition,
  FieldOf,
  FieldType,
  Localized,
} from '../../../domain/procedures/definition.js';
import { formatSize } from '../../../domain/procedures/fields/file.js';
import type { AnswerOf, FileMeta } from '../../../domain/procedures/fields/types.js';
import { inputName } from '../../../domain/procedures/fields/types.js';
import { MAX_APPLICATION_FILES_MB } from '../../../domain/procedures/definition.js';
import { LABELS } from '../../../messages/field-labels.js';
import { useLang, useT } from '../../shared/i18n.js';
import { radioId } from '../shared/components.js';

/** What a field's renderer is given besides its definition and answer. */
export type FieldContext = {
  /** input name → its error message (already in the page's language) */
  errors: Readonly<Record<string, string>>;
  /** file fields: where 添付する and 削除 post (formaction buttons of the page's form) */
  files?: { uploadAction: string; deleteAction: (fileId: string) => string };
};

export type FieldViewProps<T extends FieldType> = {
  field: FieldOf<T>;
  answer: AnswerOf<T>;
  ctx: FieldContext;
};
export type FieldViews = { [T in FieldType]: (p: FieldViewProps<T>) => Child };

const errorId = (input: string) => `${input}-error`;
const hintId = (fieldId: string) => `${fieldId}-hint`;

function describedBy(fieldId: string, hasHint: boolean, errorInputs: string[], ctx: FieldContext) {
  const ids = [hasHint ? hintId(fieldId) : '', ...errorInputs.filter((i) => ctx.errors[i]).map(errorId)];
  return ids.filter(Boolean).join(' ') || undefined;
}

function Marker({ required }: { required: boolean }) {
  const t = useT();
  return required ? (
    <span class="required" aria-hidden="true">
      {t('※必須')}
    </span>
  ) : (
    <span class="optional" aria-hidden="true">
      {t('※任意')}
    </span>
  );
}

function ErrorText({ input, ctx }: { input: string; ctx: FieldContext }) {
  const t = useT();
  const message = ctx.errors[input];
  return message ? (
    <p id={errorId(input)} class="field__error">
      <span class="visually-hidden">{t('エラー：')}</span>
      {message}
    </p>
  ) : null;
}

function Hint({ fieldId, hint, extra }: { fieldId: string; hint?: Localized; extra?: Child }) {
  const lang = useLang();
  if (!hint && !extra) return null;
  return (
    <div id={hintId(fieldId)} class="field__hint">
      {hint ? hint[lang] : null}
      {hint && extra ? ' ' : null}
      {extra}
    </div>
  );
}

const anyError = (ctx: FieldContext, inputs: string[]) => inputs.some((i) => ctx.errors[i]);

/**
 * One labelled control (text-like inputs, select, textarea): the label, ※必須 or ※任意, the hint,
 * the error, then the control; `aria` holds the control's required/describedby/invalid attributes.
 */
function LabelledField(p: {
  field: FieldDefinition;
  ctx: FieldContext;
  hintExtra?: Child;
  children: (aria: {
    'aria-required': 'true' | undefined;
    'aria-describedby': string | undefined;
    'aria-invalid': 'true' | undefined;
  }) => Child;
}) {
  const lang = useLang();
  const { field, ctx } = p;
  const error = ctx.errors[field.id];
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <div class="field__head">
        <label for={field.id} class="field__label">
          {field.label[lang]}
        </label>
        <Marker required={field.required} />
      </div>
      <Hint fieldId={field.id} hint={field.hint} extra={p.hintExtra} />
      <ErrorText input={field.id} ctx={ctx} />
      {p.children({
        'aria-required': field.required ? 'true' : undefined,
        'aria-describedby': describedBy(field.id, !!field.hint || p.hintExtra !== undefined, [field.id], ctx),
        'aria-invalid': error ? 'true' : undefined,
      })}
    </div>
  );
}

/** One input with its label (text, number, email, tel). */
function SingleInput(
  p: FieldViewProps<'text' | 'number' | 'email' | 'tel'> & {
    type: 'text' | 'email' | 'tel';
    inputmode?: 'numeric' | 'decimal' | 'tel' | 'email';
    autocomplete?: string;
    maxlength?: number;
    width?: 'short' | 'medium' | 'long';
  },
) {
  const lang = useLang();
  const { field, ctx } = p;
  const unit = field.type === 'number' ? field.unit?.[lang] : undefined;
  return (
    <LabelledField field={field} ctx={ctx}>
      {(aria) => (
        <>
          <input
            id={field.id}
            name={field.id}
            type={p.type}
            value={p.answer}
            class={`input input--${p.width ?? 'long'}`}
            inputmode={p.inputmode}
            autocomplete={p.autocomplete}
            maxlength={p.maxlength}
            spellcheck={p.type === 'email' ? false : undefined}
            {...aria}
          />
          {unit ? <span class="input__unit">{unit}</span> : null}
        </>
      )}
    </LabelledField>
  );
}

/** A group of inputs under a legend (date, radio, checkbox, 氏名, 住所, file). */
function Group({
  field,
  ctx,
  inputs,
  children,
  hintExtra,
}: {
  field: FieldOf<FieldType>;
  ctx: FieldContext;
  inputs: string[];
  children: Child;
  hintExtra?: Child;
}) {
  const lang = useLang();
  const hasHint = !!field.hint || !!hintExtra;
  return (
    <div class={`field${anyError(ctx, inputs) ? ' field--error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={describedBy(field.id, hasHint, inputs, ctx)}>
        <legend class="field__label field__label--inline">{field.label[lang]}</legend>
        <Marker required={field.required} />
        <Hint fieldId={field.id} hint={field.hint} extra={hintExtra} />
        {children}
      </fieldset>
    </div>
  );
}

/** A part of 氏名 or 住所 (or of a date): its own label, its error next to it. */
function PartInput(p: {
  name: string;
  label: string;
  value: string;
  ctx: FieldContext;
  required: boolean;
  width?: string;
  autocomplete?: string;
  inputmode?: 'numeric';
}) {
  const error = p.ctx.errors[p.name];
  return (
    <div class="field__part">
      <label for={p.name} class="date__label">
        {p.label}
      </label>
      <ErrorText input={p.name} ctx={p.ctx} />
      <input
        id={p.name}
        name={p.name}
        type="text"
        value={p.value}
        class={`input input--${p.width ?? 'medium'}`}
        autocomplete={p.autocomplete}
        inputmode={p.inputmode}
        aria-required={p.required ? 'true' : undefined}
        aria-describedby={error ? errorId(p.name) : undefined}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

function DateView({ field, answer, ctx }: FieldViewProps<'date'>) {
  const t = useT();
  const names = (['year', 'month', 'day'] as const).map((part) => inputName(field.id, part));
  const [year = '', month = '', day = ''] = names;
  const error = names.map((n) => ctx.errors[n]).find(Boolean);
  const part = (name: string, label: string, value: string, width: string) => (
    <div class="date__item">
      <label for={name} class="date__label">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type="text"
        inputmode="numeric"
        class={`input input--${width}`}
        value={value}
        aria-required={field.required ? 'true' : undefined}
        aria-invalid={ctx.errors[name] ? 'true' : undefined}
        data-wareki={name === year ? `${field.id}-wareki` : undefined}
      />
    </div>
  );
  return (
    <Group field={field} ctx={ctx} inputs={names} hintExtra={t('西暦で入力してください。例：1985年4月1日')}>
      {error ? (
        <p id={errorId(names.find((n) => ctx.errors[n]) ?? year)} class="field__error">
          <span class="visually-hidden">{t('エラー：')}</span>
          {error}
        </p>
      ) : null}
      <div class="date">
        {part(year, t('年'), answer.year, 'year')}
        <span id={`${field.id}-wareki`} class="date__wareki" aria-live="polite"></span>
        {part(month, t('月'), answer.month, 'two')}
        {part(day, t('日'), answer.day, 'two')}
      </div>
    </Group>
  );
}

function RadioView({ field, answer, ctx }: FieldViewProps<'radio'>) {
  const lang = useLang();
  return (
    <Group field={field} ctx={ctx} inputs={[field.id]}>
      <ErrorText input={field.id} ctx={ctx} />
      <div class="radios">
        {field.options.map((o) => (
          <div class="radio">
            <input
              type="radio"
              id={radioId(field.id, o.value)}
              name={field.id}
              value={o.value}
              checked={answer === o.value}
              aria-invalid={ctx.errors[field.id] ? 'true' : undefined}
            />
            <label for={radioId(field.id, o.value)}>{o.label[lang]}</label>
          </div>
        ))}
      </div>
    </Group>
  );
}

function CheckboxView({ field, answer, ctx }: FieldViewProps<'checkbox'>) {
  const lang = useLang();
  const t = useT();
  return (
    <Group
      field={field}
      ctx={ctx}
      inputs={[field.id]}
      hintExtra={
        field.maxSelected !== undefined ? t('{n}つまで選択できます。', { n: field.maxSelected }) : undefined
      }
    >
      <ErrorText input={field.id} ctx={ctx} />
      <div class="checkboxes">
        {field.options.map((o) => (
          <div class="checkbox">
            <input
              type="checkbox"
              id={radioId(field.id, o.value)}
              name={field.id}
              value={o.value}
              checked={answer.includes(o.value)}
              aria-invalid={ctx.errors[field.id] ? 'true' : undefined}
            />
            <label for={radioId(field.id, o.value)}>{o.label[lang]}</label>
          </div>
        ))}
      </div>
    </Group>
  );
}

function SelectView({ field, answer, ctx }: FieldViewProps<'select'>) {
  const lang = useLang();
  const t = useT();
  return (
    <LabelledField field={field} ctx={ctx}>
      {(aria) => (
        <select id={field.id} name={field.id} class="input input--medium" {...aria}>
          <option value="">{t('選択してください')}</option>
          {field.options.map((o) => (
            <option value={o.value} selected={answer === o.value}>
              {o.label[lang]}
            </option>
          ))}
        </select>
      )}
    </LabelledField>
  );
}

function NameView({ field, answer, ctx }: FieldViewProps<'name'>) {
  const t = useT();
  const parts = (
    [
      ['familyName', 'family-name'],
      ['givenName', 'given-name'],
      ...(field.kana ? [['familyNameKana'], ['givenNameKana']] : []),
    ] as [keyof typeof answer, string?][]
  ).map(([part, autocomplete]) => ({ part, name: inputName(field.id, part), autocomplete }));
  return (
    <Group field={field} ctx={ctx} inputs={parts.map((p) => p.name)}>
      <div class="name-parts">
        {parts.map((p) => (
          <PartInput
            name={p.name}
            label={t(LABELS[p.part]?.label ?? p.part)}
            value={answer[p.part]}
            ctx={ctx}
            required={field.required}
            autocomplete={p.autocomplete}
          />
        ))}
      </div>
    </Group>
  );
}

function AddressView({ field, answer, ctx }: FieldViewProps<'address'>) {
  const t = useT();
  const name = (part: string) => inputName(field.id, part);
  const prefecture = name('prefecture');
  const prefError = ctx.errors[prefecture];
  return (
    <Group
      field={field}
      ctx={ctx}
      inputs={['postalCode', 'prefecture', 'cityAddress', 'building'].map(name)}
      hintExtra={t('郵便番号を入力すると、都道府県と市区町村を自動で入力します（JavaScriptが有効な場合）。')}
    >
      <div data-postal-prefix={`${field.id}-`}>
        <PartInput
          name={name('postalCode')}
          label={t('郵便番号')}
          value={answer.postalCode}
          ctx={ctx}
          required={field.required}
          width="short"
          inputmode="numeric"
          autocomplete="postal-code"
        />
      </div>
      <div class="field__part">
        <label for={prefecture} class="date__label">
          {t('都道府県')}
        </label>
        <ErrorText input={prefecture} ctx={ctx} />
        <select
          id={prefecture}
          name={prefecture}
          class="input input--medium"
          autocomplete="address-level1"
          aria-required={field.required ? 'true' : undefined}
          aria-describedby={prefError ? errorId(prefecture) : undefined}
          aria-invalid={prefError ? 'true' : undefined}
        >
          <option value="">{t('選択してください')}</option>
          {PREFECTURES.map((p) => (
            <option value={p} selected={answer.prefecture === p}>
              {t(p)}
            </option>
          ))}
        </select>
      </div>
      <PartInput
        name={name('cityAddress')}
        label={t('市区町村・番地')}
        value={answer.cityAddress}
        ctx={ctx}
        required={field.required}
        width="long"
        autocomplete="address-level2"
      />
      <PartInput
        name={name('building')}
        label={t('建物名など（任意）')}
        value={answer.building}
        ctx={ctx}
        required={false}
        width="long"
      />
    </Group>
  );
}

/** The attached files with 削除, the limits before upload, and the file input with 添付する. */
function FileView({ field, answer, ctx }: FieldViewProps<'file'>) {
  const t = useT();
  const lang = useLang();
  const kinds = field.kinds.map((k) => k.toUpperCase()).join(lang === 'ja' ? '、' : ', ');
  const accept = field.kinds
    .map((k) =>
      k === 'pdf' ? '.pdf,application/pdf' : k === 'png' ? '.png,image/png' : '.jpg,.jpeg,image/jpeg',
    )
    .join(',');
  const full = answer.length >= field.maxFiles;
  return (
    <Group
      field={field}
      ctx={ctx}
      inputs={[field.id]}
      hintExtra={t(
        '添付できるファイル：{kinds}（1ファイル{max}MBまで、{count}ファイルまで。1件の申請の添付ファイルは合計{total}MBまで）',
        { kinds, max: field.maxFileMb, count: field.maxFiles, total: MAX_APPLICATION_FILES_MB },
      )}
    >
      <ErrorText input={field.id} ctx={ctx} />
      {answer.length > 0 ? (
        <ul class="file-list">
          {answer.map((f: FileMeta) => (
            <li class="file-list__item">
              <span>
                {f.name}（{formatSize(f.size)}）
              </span>
              {ctx.files ? (
                <button
                  type="submit"
                  class="button button--secondary button--small"
                  formaction={ctx.files.deleteAction(f.id)}
                  name="fieldId"
                  value={field.id}
                >
                  {t('削除')}
                  <span class="visually-hidden">{lang === 'ja' ? `：${f.name}` : `: ${f.name}`}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p class="file-list__none">{t('添付されたファイルはありません。')}</p>
      )}
      {ctx.files && !full ? (
        <div class="file-upload">
          <label for={field.id} class="date__label">
            {t('ファイルを選択')}
          </label>
          <input
            id={field.id}
            name={field.id}
            type="file"
            accept={accept}
            class="input input--file"
            aria-invalid={ctx.errors[field.id] ? 'true' : undefined}
          />
          <button
            type="submit"
            class="button button--secondary"
            formaction={ctx.files.uploadAction}
            name="fieldId"
            value={field.id}
          >
            {t('添付する')}
          </button>
        </div>
      ) : (
        // the error summary's link target when no file input is shown
        <span id={field.id}></span>
      )}
    </Group>
  );
}

export const FIELD_VIEWS: FieldViews = {
  text: (p) => <SingleInput {...p} type="text" maxlength={p.field.maxLength} />,
  textarea: ({ field, answer, ctx }) => <TextareaView field={field} answer={answer} ctx={ctx} />,
  number: (p) => (
    <SingleInput {...p} type="text" inputmode={p.field.integer ? 'numeric' : 'decimal'} width="short" />
  ),
  email: (p) => <SingleInput {...p} type="email" inputmode="email" autocomplete="email" />,
  tel: (p) => <SingleInput {...p} type="tel" inputmode="tel" autocomplete="tel" width="medium" />,
  date: (p) => <DateView {...p} />,
  radio: (p) => <RadioView {...p} />,
  checkbox: (p) => <CheckboxView {...p} />,
  select: (p) => <SelectView {...p} />,
  name: (p) => <NameView {...p} />,
  address: (p) => <AddressView {...p} />,
  file: (p) => <FileView {...p} />,
};

function TextareaView({ field, answer, ctx }: FieldViewProps<'textarea'>) {
  const t = useT();
  return (
    <LabelledField
      field={field}
      ctx={ctx}
      hintExtra={t('{max}文字以内で入力してください。', { max: field.maxLength })}
    >
      {(aria) => (
        <textarea id={field.id} name={field.id} rows={field.rows} class="input textarea" {...aria}>
          {answer}
        </textarea>
      )}
    </LabelledField>
  );
}

/** A field's inputs, by its type. */
export function FieldView<T extends FieldType>(p: FieldViewProps<T>) {
  const render = FIELD_VIEWS[p.field.type] as (q: FieldViewProps<T>) => Child;
  return <>{render(p)}</>;
}
