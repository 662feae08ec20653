/** The registration's five steps, shown at the top of each of its screens. */
import { k } from '../../../messages/i18n.js';
import { StepIndicator } from '../shared/components.js';

const STEPS = {
  label: k('登録の手順'),
  steps: [k('メールアドレス'), k('認証コード'), k('利用者情報'), k('確認'), k('完了')],
};

export function RegistrationSteps({ current }: { current: number }) {
  return <StepIndicator {...STEPS} current={current} />;
}
