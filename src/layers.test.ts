/**
 * The layer rules of .dependency-cruiser.mjs catch what they are meant to: a small tree of modules,
 * written to a temporary folder, breaks each rule once (at several folder depths, and once with a
 * type-only import) and also holds the imports that are allowed; the cruise must report exactly the
 * breaches.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';

const CONFIG = join(dirname(fileURLToPath(import.meta.url)), '..', '.dependency-cruiser.mjs');

/** path → source; imports are written as in the project (`.js` naming the `.ts` file). */
const TREE: Record<string, string> = {
  // allowed: web → app → domain, db and mail → app's ports, messages → domain
  'src/domain/profile.ts': `export const MAX = 10;\n`,
  'src/app/account/ports.ts': `import { MAX } from '../../domain/profile.js';\nexport type Row = { n: typeof MAX };\n`,
  'src/db/account/rows.ts': `import type { Row } from '../../app/account/ports.js';\nexport const rows: Row[] = [];\n`,
  'src/mail/templates/ja/account.ts': `import type { Row } from '../../../app/account/ports.js';\nexport const r: Row | null = null;\n`,
  'src/messages/ja.ts': `import { MAX } from '../domain/profile.js';\nexport const text = String(MAX);\n`,
  'src/web/routes/account/page.tsx': `import type { Row } from '../../../app/account/ports.js';\nexport const p: Row | null = null;\n`,
  'src/main.ts': `import { rows } from './db/account/rows.js';\nimport { p } from './web/routes/account/page.js';\nexport const all = [rows, p];\n`,

  // breaches
  'src/app/account/x.ts': `import { rows } from '../../db/account/rows.js';\nexport const x = rows;\n`,
  'src/app/account/typed.ts': `import type { Row } from '../../db/account/types.js';\nexport const t: Row | null = null;\n`,
  'src/db/account/types.ts': `export type Row = { n: number };\n`,
  'src/app/staff/deep/mail.ts': `import { r } from '../../../mail/templates/ja/account.js';\nexport const m = r;\n`,
  'src/app/staff/orm.ts': `import { sql } from 'drizzle-orm';\nexport const s = sql;\n`,
  'src/domain/clock.ts': `import { randomBytes } from 'node:crypto';\nexport const b = randomBytes;\n`,
  'src/domain/deep/rule.ts': `import type { Row } from '../../app/account/ports.js';\nexport const d: Row | null = null;\n`,
  'src/web/routes/account/db.tsx': `import { rows } from '../../../db/account/rows.js';\nexport const w = rows;\n`,
  'src/mail/templates/ja/link.ts': `import { p } from '../../../web/routes/account/page.js';\nexport const l = p;\n`,
  'src/db/notices/uses.ts': `import { a } from '../../app/notices/a.js';\nexport const u = a;\n`,
  'src/messages/en.ts': `import type { Row } from '../app/account/ports.js';\nexport const e: Row | null = null;\n`,
  'src/app/notices/a.ts': `import { b } from './b.js';\nexport const a = () => b;\n`,
  'src/app/notices/b.ts': `import { a } from './a.js';\nexport const b = () => a;\n`,

  'node_modules/drizzle-orm/package.json': `{ "name": "drizzle-orm", "version": "1.0.0", "main": "index.js" }\n`,
  'node_modules/drizzle-orm/index.js': `export const sql = 1;\n`,
  'tsconfig.json': `{ "compilerOptions": { "module": "NodeNext", "moduleResolution": "NodeNext", "jsx": "react-jsx", "strict": true } }\n`,
};

let root = '';
let result: ICruiseResult;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'layers-'));
  for (const [path, text] of Object.entries(TREE)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const options = await extractDepcruiseOptions(CONFIG);
  const output = await cruise(['src'], { ...options, baseDir: root });
  result = output.output as ICruiseResult;
}, 60_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the layer rules (.dependency-cruiser.mjs)', () => {
  it('report every forbidden import, at any depth and type-only ones too, and nothing else', () => {
    const found = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
    expect(found).toEqual(
      [
        'app-not-to-adapters: src/app/account/x.ts → src/db/account/rows.ts',
        'app-not-to-adapters: src/app/account/typed.ts → src/db/account/types.ts',
        'app-not-to-adapters: src/app/staff/deep/mail.ts → src/mail/templates/ja/account.ts',
        'app-no-frameworks: src/app/staff/orm.ts → node_modules/drizzle-orm/index.js',
        'domain-no-node-builtins: src/domain/clock.ts → crypto',
        'domain-is-pure: src/domain/deep/rule.ts → src/app/account/ports.ts',
        'web-not-to-db: src/web/routes/account/db.tsx → src/db/account/rows.ts',
        'adapters-not-to-web: src/mail/templates/ja/link.ts → src/web/routes/account/page.tsx',
        'messages-are-text: src/messages/en.ts → src/app/account/ports.ts',
        'adapters-only-ports: src/db/notices/uses.ts → src/app/notices/a.ts',
        'no-circular: src/app/notices/a.ts → src/app/notices/b.ts',
      ].sort(),
    );
  });

  it('count a type-only import as an import', () => {
    const typed = result.modules
      .find((m) => m.source === 'src/app/account/typed.ts')
      ?.dependencies.find((d) => d.resolved === 'src/db/account/types.ts');
    expect(typed?.dependencyTypes).toContain('type-only');
    expect(typed?.valid).toBe(false);
  });
});
