import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, auditActionLabel, auditDetails } from './audit-labels.js';

const SRC = fileURLToPath(new URL('../../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** The values of `type Name = 'a' | 'b';` in a source file. */
function unionValues(file: string, name: string): string[] {
  const m = new RegExp(`type ${name} =([^;]+);`).exec(readFileSync(join(SRC, file), 'utf8'));
  if (!m?.[1]) throw new Error(`no type ${name} in ${file}`);
  return [...m[1].matchAll(/'([^']+)'/g)].map((v) => v[1] as string);
}

/** The expression at the start of `rest`: up to a `,` `;` or `}` outside quotes and `${…}`. */
function expression(rest: string): string {
  let quote: string | null = null;
  let depth = 0;
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charAt(i);
    if (quote) {
      if (c === '$' && rest.charAt(i + 1) === '{') depth++;
      else if (c === '}' && depth > 0) depth--;
      else if (c === quote && depth === 0) quote = null;
    } else if (c === "'" || c === '`') quote = c;
    else if (c === ',' || c === ';' || c === '}') return rest.slice(0, i).trim();
  }
  return rest.trim();
}

/**
 * Every action the app layer can record (the use cases write the audit log): the `area.event`
 * literals of each `action:` expression (a conditional gives two), and the template
 * `${purpose}.event` of the account's code flows for each purpose. Any other `action:` fails
 * unless it is a type, a value passed on, or a word without a dot (a procedure's state-machine
 * action such as 'submit' — audit actions are always `area.event`), so that none is missed silently.
 */
function recordedActions(): { actions: Set<string>; unreadable: string[] } {
  const actions = new Set<string>();
  const unreadable: string[] = [];
  const purposes = unionValues('app/account/ports.ts', 'AccountFlowPurpose');
  for (const file of sources(join(SRC, 'app'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\baction:\s*([^\n]+)/g)) {
      const expr = expression(m[1] as string);
      if (/^(string|[A-Z]\w*(\s*\|.*)?|\w+\.action)$/.test(expr)) continue; // a type, or a value passed on
      if (/^'[a-z_]+'$/.test(expr)) continue; // a word without a dot: not an audit action
      const literals = [...expr.matchAll(/'([a-z_]+\.[a-z_]+)'/g)].map((l) => l[1] as string);
      const template = /^`\$\{(?:\w+\.)?purpose\}\.([a-z_]+)`$/.exec(expr);
      // A table of actions in the same module (`TABLE[key]`): every `area.event` literal of the table.
      const table = /^([A-Z][A-Z_]*)\[\w+\]$/.exec(expr);
      const tableBody = table
        ? new RegExp(`const ${table[1]}\\b[^=]*=\\s*\\{([\\s\\S]*?)\\n\\};`).exec(text)
        : null;
      if (tableBody?.[1])
        for (const l of tableBody[1].matchAll(/'([a-z_]+\.[a-z_]+)'/g)) actions.add(l[1] as string);
      else if (literals.length > 0) literals.forEach((l) => actions.add(l));
      else if (template) purposes.forEach((p) => actions.add(`${p}.${template[1]}`));
      else unreadable.push(`${file}: action: ${expr}`);
    }
  }
  return { actions, unreadable };
}

describe('the audit log in Japanese', () => {
  it('every action the code can record has a Japanese name, and the table names nothing else', () => {
    const { actions, unreadable } = recordedActions();
    expect(unreadable).toEqual([]);
    expect(actions.size).toBeGreaterThan(30);
    const labelled = new Set(Object.keys(AUDIT_ACTION_LABELS));
    expect([...actions].filter((a) => !labelled.has(a)).sort()).toEqual([]);
    expect([...labelled].filter((a) => !actions.has(a)).sort()).toEqual([]);
    for (const label of Object.values(AUDIT_ACTION_LABELS)) expect(label).toMatch(/[ぁ-んァ-ヶ一-龠]/);
  });

  it('names an action, and keeps the code of one this version does not know', () => {
    expect(auditActionLabel('staff.signed_in')).toBe('職員ログイン');
    expect(auditActionLabel('registration.code_verified')).toBe('利用者登録：認証コードの確認');
    expect(auditActionLabel('something.new')).toBe('その他の操作（something.new）');
    expect(auditActionLabel('toString')).toBe('その他の操作（toString）');
  });

  const text = (r: Parameters<typeof auditDetails>[0]) =>
    auditDetails(r)
      .map((p) => p.text)
      .join('、');

  it('writes the details as phrases, key by key', () => {
    expect(
      text({
        action: 'staff.created',
        detail: { target: 'a', email: 'ta***@city.example.jp', role: 'admin', by: 'command' },
        targetStaffEmail: 'taro@city.example.jp',
      }),
    ).toBe('コマンドで作成（権限：管理者）、対象の職員：taro@city.example.jp');
    expect(
      text({
        action: 'staff.role_changed',
        detail: { target: 'a', from: 'operator', to: 'admin' },
        targetStaffEmail: null,
      }),
    ).toBe('権限：担当者から管理者へ、対象の職員：（不明）');
    expect(
      text({
        action: 'email_change.completed',
        detail: { from: 'ta***@example.jp', to: 'ji***@example.jp' },
        targetStaffEmail: null,
      }),
    ).toBe('変更前：ta***@example.jp、変更後：ji***@example.jp');
    expect(
      text({
        action: 'user.deleted',
        detail: { email: 'ta***@example.jp', kind: 'business', onRequest: true },
        targetStaffEmail: null,
      }),
    ).toBe('メールアドレス：ta***@example.jp、種別：事業者、本人の申し出による');
    expect(text({ action: 'user.searched', detail: { results: 3, page: 1 }, targetStaffEmail: null })).toBe(
      '該当3件、1ページ目',
    );
    expect(text({ action: 'x.y', detail: { strange: 'value' }, targetStaffEmail: null })).toBe(
      'strange：value',
    );
    expect(text({ action: 'user.viewed', detail: null, targetStaffEmail: null })).toBe('');
  });

  it('links a notice to its page', () => {
    expect(
      auditDetails({
        action: 'notice.created',
        detail: { notice: 'n-1', importance: 'important', audience: 'all' },
        targetStaffEmail: null,
      }),
    ).toEqual([
      { text: 'お知らせを表示', href: '/admin/notices/n-1' },
      { text: '種別：重要' },
      { text: '対象：すべて' },
    ]);
  });

  it('names an application, its state and version, and links to its 申請の詳細', () => {
    expect(
      auditDetails({
        action: 'application.return',
        detail: { to: 'returned', revision: 1, procedure: 'city-tax-certificate', applicationId: 'a-1' },
        targetStaffEmail: null,
      }),
    ).toEqual([
      { text: '申請を表示', href: '/admin/applications/a-1' },
      { text: '手続：city-tax-certificate' },
      { text: '状態：差し戻し' },
      { text: '第1版' },
    ]);
    expect(
      text({
        action: 'application.csv_exported',
        detail: { procedure: 'x', rows: 3 },
        targetStaffEmail: null,
      }),
    ).toBe('手続：x、3件');
  });
});
