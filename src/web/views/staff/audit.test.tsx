import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../../app/staff/ports.js';
import { AuditTable } from './audit.js';

/** hono/jsx elements render with toString(), which may return a Promise. */
async function render(node: unknown): Promise<string> {
  return String(await (node as { toString(): string | Promise<string> }).toString());
}

const entry = (r: Partial<AuditRecord>): AuditRecord => ({
  id: 1,
  at: new Date('2026-11-25T01:00:00Z'),
  action: 'user.viewed',
  userId: null,
  staffId: null,
  staffEmail: null,
  userEmail: null,
  targetStaffEmail: null,
  ip: null,
  detail: null,
  ...r,
});

const LIVE = '11111111-1111-4111-8111-111111111111';
const GONE = '22222222-2222-4222-8222-222222222222';
const STAFF = '33333333-3333-4333-8333-333333333333';

describe('AuditTable', () => {
  it('names actions, details and users in Japanese; a deleted user is shown as such, with no link', async () => {
    const html = await render(
      <AuditTable
        caption="監査ログ"
        showUser
        rows={[
          entry({
            action: 'user.viewed',
            userId: LIVE,
            userEmail: 'ta***@example.jp',
            staffId: STAFF,
            staffEmail: 'admin@city.example.jp',
          }),
          entry({
            action: 'user.deleted',
            userId: GONE,
            staffId: STAFF,
            staffEmail: 'admin@city.example.jp',
            detail: { email: 'ha***@example.jp', kind: 'individual', onRequest: true },
          }),
          entry({
            action: 'staff.created',
            detail: { target: STAFF, email: 'ad***@city.example.jp', role: 'admin', by: 'command' },
            targetStaffEmail: 'admin@city.example.jp',
          }),
        ]}
      />,
    );
    expect(html).toContain(`<a href="/admin/users/${LIVE}">ta***@example.jp</a>`);
    expect(html).toContain('削除済みの利用者');
    expect(html).not.toContain(`/admin/users/${GONE}`);
    expect(html).toContain('利用者情報の表示');
    expect(html).toContain('利用者アカウントの削除');
    expect(html).toContain('メールアドレス：ha***@example.jp、種別：個人、本人の申し出による');
    expect(html).toContain('コマンドで作成（権限：管理者）');
    expect(html).not.toMatch(/user\.viewed|staff\.created|by=|role=admin|target=/);
    expect(html).not.toContain(STAFF.slice(0, 8));
  });
});
