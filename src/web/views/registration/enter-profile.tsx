/** The seed's registration screen 5: 利用者情報の入力. */
import type { UserKind } from '../../../domain/profile.js';
import { ErrorSummary, type Errors } from '../shared/components.js';
import { RegistrationSteps } from './steps.js';
import { ProfileForm } from '../shared/profile-form.js';

export function ProfileView(p: {
  kind: UserKind;
  email: string;
  values: Record<string, string>;
  passwordKept: boolean;
  csrfToken: string;
  errors?: Errors;
}) {
  const { kind, email, values, passwordKept, errors } = p;
  return (
    <>
      <RegistrationSteps current={3} />
      <ErrorSummary errors={errors} />
      <ProfileForm
        kind={kind}
        email={email}
        values={values}
        errors={errors}
        passwordKept={passwordKept}
        csrfToken={p.csrfToken}
        action="/register/profile"
        submitLabel="入力内容を確認する"
        withPassword
      />
    </>
  );
}
