/**
 * The profile form of screen 5 (and of 利用者情報の変更) for each kind of user, and the read-only
 * table of screen 6. Labels are the spec's, verbatim, written once in messages/field-labels.ts.
 */
import type { UserKind } from '../../../domain/profile.js';
import { formatPhone } from '../../../domain/phone-format.js';
import { GENDERS, NOTIFY_VALUES, PREFECTURES, toWareki } from '../../../domain/profile.js';
import { GROUP_LABELS, jaLabel, OPTION_LABELS } from '../../../messages/field-labels.js';
import { translator, type Translate } from '../../../messages/i18n.js';
import { useT } from '../../shared/i18n.js';
import {
  CsrfField,
  DateField,
  RadioGroup,
  SelectField,
  TextField,
  errorFor,
  radioId,
  type Errors,
} from './components.js';

const GENDER_OPTIONS = GENDERS.map((value) => ({ value, label: OPTION_LABELS.gender[value].label }));
const NOTIFY_OPTIONS = NOTIFY_VALUES.map((value) => ({ value, label: OPTION_LABELS.notify[value].label }));
const RADIO_OPTIONS: Record<string, readonly { value: string }[]> = {
  gender: GENDER_OPTIONS,
  notify: NOTIFY_OPTIONS,
};

/** The id of the input an error summary link focuses for a profile field (a radio group: its first button). */
export function profileInputId(field: string): string {
  const first = Object.prototype.hasOwnProperty.call(RADIO_OPTIONS, field)
    ? RADIO_OPTIONS[field]?.[0]
    : undefined;
  return first ? radioId(field, first.value) : field;
}

function NotifyHint() {
  const t = useT();
  return (
    <>
      {t(
        '「希望する」を選択すると、登録した利用者情報や過去の申請内容に基づき関連するお知らせのメールが届きます。',
      )}
      <br />
      {t('「希望しない」を選択した場合でも、重要なお知らせがメールで届きます。')}
    </>
  );
}

/** The seed's password rule, printed next to the field. */
export function PasswordRule() {
  const t = useT();
  return (
    <>
      {t('パスワードは、以下の条件を2つ以上満たす8文字以上の半角文字列を入力してください（128文字まで）。')}
      <ol class="rule-list">
        <li>{t('英字（大文字）')}</li>
        <li>{t('英字（小文字）')}</li>
        <li>{t('数字')}</li>
        <li>{t('記号')}</li>
      </ol>
      {t(
        'メールアドレスと同じもの、「kawasaki」などのサービス名を含むもの、よく使われるパスワードは使えません。',
      )}
    </>
  );
}

type FormProps = {
  kind: UserKind;
  email: string;
  values: Record<string, string>;
  errors?: Errors;
  passwordKept?: boolean;
  csrfToken: string;
  action: string;
  submitLabel: string;
  withPassword: boolean;
};

export function ProfileForm(p: FormProps) {
  const t = useT();
  const v = p.values;
  const err = (f: string) => errorFor(p.errors, f);
  const label = (f: string) => jaLabel(p.kind, f);
  const dateError = err('birthYear') ?? err('birthMonth') ?? err('birthDay');
  return (
    <form method="post" action={p.action} novalidate class="profile-form">
      <CsrfField token={p.csrfToken} />
      <p>{t('利用者情報を入力してください。')}</p>
      <dl class="readonly">
        <dt>{t('利用者ID（メールアドレス）')}</dt>
        <dd class="address">{p.email}</dd>
      </dl>
      {p.withPassword ? (
        <>
          {p.passwordKept ? (
            <p class="notice notice--info" id="password-kept">
              {t(
                'パスワードは入力済みです（安全のため表示していません）。変更しない場合は、パスワード欄を空欄のままにしてください。',
              )}
            </p>
          ) : null}
          <TextField
            name="password"
            label={label('password')}
            type="password"
            autocomplete="new-password"
            error={err('password')}
            hint={<PasswordRule />}
            optional={p.passwordKept}
            maxlength={200}
          />
          <TextField
            name="passwordConfirm"
            label={label('passwordConfirm')}
            type="password"
            autocomplete="new-password"
            error={err('passwordConfirm')}
            hint="確認のため、もう一度同じパスワードを入力してください。"
            optional={p.passwordKept}
            maxlength={200}
          />
          <div class="show-password" hidden data-show-password="password passwordConfirm">
            <input type="checkbox" id="show-password" />
            <label for="show-password">{t('パスワードを表示する')}</label>
          </div>
        </>
      ) : null}
      {p.kind === 'individual' ? (
        <>
          <fieldset class="fieldset field">
            <legend class="field__label">{t(GROUP_LABELS.name.label)}</legend>
            <div class="name-pair">
              <TextField
                name="familyName"
                label={label('familyName')}
                value={v.familyName}
                error={err('familyName')}
                autocomplete="family-name"
                width="medium"
              />
              <TextField
                name="givenName"
                label={label('givenName')}
                value={v.givenName}
                error={err('givenName')}
                autocomplete="given-name"
                width="medium"
              />
            </div>
          </fieldset>
          <fieldset class="fieldset field">
            <legend class="field__label">{t(GROUP_LABELS.nameKana.label)}</legend>
            <div class="name-pair">
              <TextField
                name="familyNameKana"
                label={label('familyNameKana')}
                value={v.familyNameKana}
                error={err('familyNameKana')}
                width="medium"
                hint="全角カタカナ"
              />
              <TextField
                name="givenNameKana"
                label={label('givenNameKana')}
                value={v.givenNameKana}
                error={err('givenNameKana')}
                width="medium"
                hint="全角カタカナ"
              />
            </div>
          </fieldset>
        </>
      ) : (
        <>
          <TextField
            name="orgName"
            label={label('orgName')}
            value={v.orgName}
            error={err('orgName')}
            autocomplete="organization"
          />
          <TextField
            name="orgNameKana"
            label={label('orgNameKana')}
            value={v.orgNameKana}
            error={err('orgNameKana')}
            hint="全角カタカナ"
          />
        </>
      )}
      <fieldset class="fieldset field">
        <legend class="field__label">{t(GROUP_LABELS.address.label)}</legend>
        <TextField
          name="postalCode"
          label={label('postalCode')}
          value={v.postalCode}
          error={err('postalCode')}
          autocomplete="postal-code"
          inputmode="numeric"
          width="short"
          hint="7桁の数字（例：210-8577）"
        />
        <SelectField
          name="prefecture"
          label={label('prefecture')}
          options={PREFECTURES}
          value={v.prefecture}
          error={err('prefecture')}
          autocomplete="address-level1"
        />
        <TextField
          name="cityAddress"
          label={label('cityAddress')}
          value={v.cityAddress}
          error={err('cityAddress')}
          autocomplete="address-level2"
          hint="例：川崎市川崎区宮本町1番地"
        />
        <TextField
          name="building"
          label={label('building')}
          value={v.building}
          error={err('building')}
          autocomplete="address-line2"
          optional
        />
      </fieldset>
      {p.kind === 'individual' ? (
        <>
          <TextField
            name="phone"
            label={label('phone')}
            type="tel"
            value={v.phone}
            error={err('phone')}
            autocomplete="tel"
            inputmode="tel"
            width="medium"
            hint="例：044-200-2111（ハイフンはなくても構いません）"
          />
          <DateField legend={label('birthYear')} prefix="birth" values={v} error={dateError} />
          <RadioGroup
            name="gender"
            legend={label('gender')}
            value={v.gender}
            error={err('gender')}
            options={GENDER_OPTIONS}
          />
        </>
      ) : (
        <>
          <TextField
            name="representativeName"
            label={label('representativeName')}
            value={v.representativeName}
            error={err('representativeName')}
          />
          <TextField
            name="phone"
            label={label('phone')}
            type="tel"
            value={v.phone}
            error={err('phone')}
            autocomplete="tel"
            inputmode="tel"
            width="medium"
            hint="例：044-200-2111（ハイフンはなくても構いません）"
          />
          <TextField
            name="department"
            label={label('department')}
            value={v.department}
            error={err('department')}
          />
          <TextField
            name="contactName"
            label={label('contactName')}
            value={v.contactName}
            error={err('contactName')}
            autocomplete="name"
          />
          <DateField legend={label('birthYear')} prefix="birth" values={v} error={dateError} />
        </>
      )}
      <RadioGroup
        name="notify"
        legend={label('notify')}
        value={v.notify}
        error={err('notify')}
        hint={<NotifyHint />}
        options={NOTIFY_OPTIONS}
      />
      <button type="submit" class="button">
        {t(p.submitLabel)}
      </button>
    </form>
  );
}

const has = (obj: object, key: string): boolean => Object.prototype.hasOwnProperty.call(obj, key);

/** The Japanese text of a chosen option (性別, お知らせ・通知メール); '' when it is none of them. */
function optionText(options: Readonly<Record<string, { label: string }>>, value: string | undefined): string {
  return value !== undefined && has(options, value) ? (options[value]?.label ?? '') : '';
}

function formatPostal(v: string | undefined): string {
  const digits = (v ?? '').replace(/\D/g, '');
  return digits.length === 7 ? `〒${digits.slice(0, 3)}-${digits.slice(3)}` : (v ?? '');
}

function formatDate(v: Record<string, string>, t: Translate): string {
  const wareki = toWareki(Number(v.birthYear));
  const date = t('{year}年{month}月{day}日', {
    year: v.birthYear ?? '',
    month: v.birthMonth ?? '',
    day: v.birthDay ?? '',
  });
  return `${date}${wareki ? `（${wareki}）` : ''}`;
}

/** Rows of the read-only table (screen 6, マイページ): label and displayed value. */
export function profileRows(
  kind: UserKind,
  v: Record<string, string>,
  t: Translate = translator('ja'),
): [string, string][] {
  const label = (f: string) => jaLabel(kind, f);
  const address: [string, string][] = [
    [label('postalCode'), formatPostal(v.postalCode)],
    [label('prefecture'), v.prefecture ? t(v.prefecture) : ''],
    [label('cityAddress'), v.cityAddress ?? ''],
    [label('building'), v.building || t('（なし）')],
  ];
  const notify: [string, string] = [
    label('notify'),
    t(OPTION_LABELS.notify[v.notify === 'yes' ? 'yes' : 'no'].label),
  ];
  return kind === 'individual'
    ? [
        [GROUP_LABELS.name.label, `${v.familyName ?? ''} ${v.givenName ?? ''}`],
        [GROUP_LABELS.nameKana.label, `${v.familyNameKana ?? ''} ${v.givenNameKana ?? ''}`],
        ...address,
        [label('phone'), formatPhone(v.phone ?? '')],
        [label('birthYear'), formatDate(v, t)],
        [label('gender'), t(optionText(OPTION_LABELS.gender, v.gender))],
        notify,
      ]
    : [
        [label('orgName'), v.orgName ?? ''],
        [label('orgNameKana'), v.orgNameKana ?? ''],
        ...address,
        [label('representativeName'), v.representativeName ?? ''],
        [label('phone'), formatPhone(v.phone ?? '')],
        [label('department'), v.department ?? ''],
        [label('contactName'), v.contactName ?? ''],
        [label('birthYear'), formatDate(v, t)],
        notify,
      ];
}

export function ConfirmView(p: {
  kind: UserKind;
  email: string;
  values: Record<string, string>;
  showPassword?: boolean;
  /** false where the page states the user ID already (マイページ) */
  showEmail?: boolean;
}) {
  const t = useT();
  return (
    <table class="summary">
      <caption class="visually-hidden">{t('入力内容')}</caption>
      <tbody>
        {p.showEmail === false ? null : (
          <tr>
            <th scope="row">{t('利用者ID（メールアドレス）')}</th>
            <td class="address">{p.email}</td>
          </tr>
        )}
        {p.showPassword === false ? null : (
          <tr>
            <th scope="row">{t('パスワード')}</th>
            <td>
              <span aria-hidden="true">●●●●●●●●</span>
              <span class="visually-hidden">{t('（入力済み。安全のため表示しません）')}</span>
            </td>
          </tr>
        )}
        {profileRows(p.kind, p.values, t).map(([label, value]) => (
          <tr>
            <th scope="row">{t(label)}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
