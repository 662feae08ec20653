/**
 * Query plans for the query-plan test (test/integration/query-plans.test.ts): a drizzle logger that
 * records the statements the app runs, and a check that EXPLAINs each one and names every scan that
 * reads a whole table of ours (or a whole index of it) instead of using an index for its condition.
 */
import { is, sql, type Logger, type SQL } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import type { Db } from '../../src/db/shared/client.js';
import * as schema from '../../src/db/schema/index.js';

export type Statement = { sql: string; params: unknown[] };

/** Records every statement while on; `paused` runs the test's own look-ups without recording them. */
export class StatementLog implements Logger {
  readonly statements: Statement[] = [];
  private recording = false;

  logQuery(query: string, params: unknown[]): void {
    if (this.recording) this.statements.push({ sql: query, params: [...params] });
  }

  start(): void {
    this.recording = true;
  }

  stop(): void {
    this.recording = false;
  }

  async paused<T>(work: () => Promise<T>): Promise<T> {
    const was = this.recording;
    this.recording = false;
    try {
      return await work();
    } finally {
      this.recording = was;
    }
  }
}

/** Every table of src/db/schema/index.ts (drizzle's own migrations table is not ours). */
export const OUR_TABLES: ReadonlySet<string> = new Set(
  (Object.values(schema) as unknown[]).flatMap((value) =>
    is(value, PgTable) ? [getTableConfig(value).name] : [],
  ),
);

/**
 * Tables on which a sequential scan is right, each with the reason. A table belongs here only when
 * it is bounded and tiny by construction; anything that grows with residents, mail or time gets an
 * index instead.
 */
export const SEQ_SCAN_ALLOWED: Readonly<Record<string, string>> = {
  procedure_settings: 'one row at most per procedure definition in procedures/ (eight)',
};

/**
 * Partial indexes that may be read whole: their condition keeps them small by construction, which is
 * what they are for. Mail being sent is at most a batch per worker (plus those of a worker that
 * died, until the next claim); notices being mailed are the few a person started.
 */
export const WHOLE_INDEX_ALLOWED: Readonly<Record<string, string>> = {
  mail_outbox_sending_idx: 'only mail being sent: a batch per worker',
  notices_mail_sending_idx: 'only notices being mailed: a handful at most',
};

type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Filter?: string;
  Plans?: PlanNode[];
};

const INDEX_SCANS = new Set(['Index Scan', 'Index Only Scan', 'Bitmap Index Scan']);

/** The first column of each index of ours (none for an index on an expression). */
export type LeadingColumns = ReadonlyMap<string, string>;

export async function leadingColumns(db: Db): Promise<LeadingColumns> {
  const result = await db.execute(sql`
    select c.relname as "index", a.attname as "column"
    from pg_index i
    join pg_class c on c.oid = i.indexrelid
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
    where c.relnamespace = 'public'::regnamespace`);
  const rows = (result as unknown as { rows: { index: string; column: string }[] }).rows;
  return new Map(rows.map((r) => [r.index, r.column]));
}

const mentions = (condition: string, column: string) =>
  new RegExp(`(^|[^a-z0-9_"])"?${column}"?($|[^a-z0-9_"])`).test(condition);

/**
 * The scans of a plan that read all of one of our tables:
 * - a Seq Scan (with enable_seqscan off the planner still takes one only when no index serves);
 * - an index scan without an Index Cond: the whole index walked in its order. That is fine only when
 *   a Limit stops it after a few rows and no Filter makes it skip rows (`order by id desc limit 50`);
 *   with a Filter it is a sequential scan in disguise (it may read every row to find none);
 * - an index scan whose Index Cond leaves out the index's first column: a B-tree is then read from
 *   end to end (the primary key (notice_id, user_id) looked up by user_id alone).
 */
export function wholeTableScans(
  plan: PlanNode,
  leading: LeadingColumns,
  tables: ReadonlySet<string> = OUR_TABLES,
): string[] {
  const found: string[] = [];
  const walk = (node: PlanNode, limited: boolean, heapRelation: string | undefined) => {
    const type = node['Node Type'];
    const relation = node['Relation Name'] ?? heapRelation;
    const ours = relation !== undefined && tables.has(relation);
    const index = node['Index Name'] ?? '?';
    const condition = node['Index Cond'];
    if (type === 'Seq Scan' && ours && !(relation in SEQ_SCAN_ALLOWED))
      found.push(`Seq Scan on ${relation}${node.Filter ? ` (Filter: ${node.Filter})` : ''}`);
    if (
      INDEX_SCANS.has(type) &&
      ours &&
      condition === undefined &&
      (node.Filter || !limited) &&
      !(index in WHOLE_INDEX_ALLOWED)
    )
      found.push(
        `${type} on ${relation} walks all of ${index}` +
          (node.Filter ? ` (Filter: ${node.Filter})` : ' with no Limit'),
      );
    const first = leading.get(index);
    if (INDEX_SCANS.has(type) && ours && condition !== undefined && first && !mentions(condition, first))
      found.push(
        `${type} on ${relation} reads all of ${index}: its condition ${condition} leaves out its first column ${first}`,
      );
    // A Limit bounds what its input reads, through the row locks; any other node may read it all.
    const passesLimit = type === 'Limit' || (limited && type === 'LockRows');
    for (const child of node.Plans ?? [])
      walk(child, passesLimit, type.startsWith('Bitmap') ? relation : undefined);
  };
  walk(plan, false, undefined);
  return found;
}

/** The statement as drizzle SQL: its $n placeholders bound to the recorded parameters again. */
function bound(statement: Statement): SQL {
  const chunks: SQL[] = [];
  let at = 0;
  for (const m of statement.sql.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(statement.sql.slice(at, m.index)));
    chunks.push(sql`${sql.param(statement.params[Number(m[1]) - 1])}`);
    at = m.index + m[0].length;
  }
  chunks.push(sql.raw(statement.sql.slice(at)));
  return sql.join(chunks);
}

/**
 * `seqscan: false` (the default) turns sequential scans off for the EXPLAIN; `tables` limits the
 * check to some tables (with sequential scans on, the planner rightly reads a tiny table whole).
 */
type ExplainOptions = { seqscan: boolean; tables?: ReadonlySet<string> };

/** EXPLAIN of a statement with its parameters, in a transaction of its own that changes nothing. */
async function explain(db: Db, statement: Statement, format: 'json' | 'text', options: ExplainOptions) {
  const rollback = new Error('rollback');
  let rows: Record<string, unknown>[] = [];
  try {
    await db.transaction(async (tx) => {
      // Without sequential scans the planner takes an index whenever one can serve the statement,
      // so on a small test table a Seq Scan in the plan means that no index can.
      if (!options.seqscan) await tx.execute(sql`set local enable_seqscan = off`);
      // (and the plans printed on failure stay free of JIT details)
      await tx.execute(sql`set local jit = off`);
      const result = await tx.execute(sql`explain (format ${sql.raw(format)}) ${bound(statement)}`);
      rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
      throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
  }
  return rows.map((r) => r['QUERY PLAN']);
}

const READS = /^\s*(select|update|delete|insert|with)\b/i;

/**
 * EXPLAINs every statement that reads or writes a table (plain INSERT ... VALUES too: its plan is
 * trivially clean, and ON CONFLICT / INSERT ... SELECT are checked with the rest) and returns one
 * message per statement that scans a whole table of ours, naming the statement, its parameters and
 * its plan. Identical statements with identical parameters are explained once.
 */
export async function planProblems(
  db: Db,
  statements: readonly Statement[],
  options: ExplainOptions = { seqscan: false },
): Promise<string[]> {
  const seen = new Set<string>();
  const problems: string[] = [];
  const leading = await leadingColumns(db);
  for (const statement of statements) {
    if (!READS.test(statement.sql)) continue;
    const key = JSON.stringify(statement);
    if (seen.has(key)) continue;
    seen.add(key);
    const [json] = await explain(db, statement, 'json', options);
    const parsed = (typeof json === 'string' ? JSON.parse(json) : json) as { Plan: PlanNode }[];
    const scans = parsed.flatMap((p) => wholeTableScans(p.Plan, leading, options.tables));
    if (scans.length === 0) continue;
    const text = (await explain(db, statement, 'text', options)).join('\n');
    problems.push(
      [
        scans.join('; '),
        `  statement: ${statement.sql}`,
        `  params: ${JSON.stringify(statement.params)}`,
        `  plan:\n${text.replace(/^/gm, '    ')}`,
      ].join('\n'),
    );
  }
  return problems;
}

/**
 * What PostgreSQL runs on the referencing table for each row deleted from a referenced one (the
 * foreign key triggers: ON DELETE CASCADE deletes, SET NULL updates, NO ACTION looks). EXPLAIN of
 * a DELETE does not show them, yet the sweep deletes thousands of flows at once: each needs an
 * index on the referencing column.
 */
export async function foreignKeyStatements(db: Db): Promise<Statement[]> {
  const result = await db.execute(sql`
    select c.conrelid::regclass::text as "table", a.attname as "column",
           format_type(a.atttypid, a.atttypmod) as "type", c.confdeltype as "onDelete"
    from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'f' and c.connamespace = 'public'::regnamespace and cardinality(c.conkey) = 1
    order by 1, 2`);
  const rows = (
    result as unknown as { rows: { table: string; column: string; type: string; onDelete: string }[] }
  ).rows;
  return rows.map((fk) => referencingStatement(fk.table, fk.column, fk.type, fk.onDelete));
}

const SAMPLE_VALUES: Record<string, string> = {
  uuid: '00000000-0000-0000-0000-000000000000',
  bigint: '0',
  integer: '0',
  text: '',
};

export function referencingStatement(
  table: string,
  column: string,
  type: string,
  onDelete: string,
): Statement {
  const value = SAMPLE_VALUES[type];
  if (value === undefined) throw new Error(`no sample value for a foreign key of type ${type}`);
  const t = `"${table}"`;
  const c = `"${column}"`;
  const text =
    onDelete === 'c'
      ? `delete from only ${t} where ${c} = $1::${type}`
      : onDelete === 'n'
        ? `update only ${t} set ${c} = null where ${c} = $1::${type}`
        : `select 1 from only ${t} x where x.${c} = $1::${type} for key share of x`;
  return { sql: text, params: [value] };
}
