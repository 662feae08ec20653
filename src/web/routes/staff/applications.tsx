/**
 * 申請一覧 and 申請の詳細 (issue 13, the city's side): the filters, the answers, the history, the
 * staff's actions (処理を開始する, 処理を完了する, 却下する, 差し戻す, メモを追加する) and the downloads.
 * Every action is a POST → 303 back to 申請の詳細 with what happened; a change refused because the
 * application moved on meanwhile says so instead of failing.
 */
import { Hono } from 'hono';
import { revisionChanges } from '../../../app/procedures/revision-changes.js';
import { sendDownload } from '../../shared/download.js';
import type { Errors } from '../../views/shared/components.js';
import { ApplicationDetailView, markId, type ActionValues } from '../../views/staff/application-detail.js';
import { ApplicationListView } from '../../views/staff/applications.js';
import { listQuery, parseListQuery } from './application-filter.js';
import {
  adminPage,
  notFoundPage,
  pageParam,
  readAdminForm,
  type AdminCtx,
  type AdminDeps,
  type AdminEnv,
} from './shared.js';
import { isUuid } from '../../../domain/ids.js';

const DONE: Record<string, string> = {
  start: '処理を開始しました。申請者にメールで知らせました。',
  complete: '処理を完了しました。申請者にメールで知らせました。',
  reject: '申請を却下しました。申請者にメールで知らせました。',
  return: '申請を差し戻しました。申請者にメールで知らせました。',
  notes: 'メモを追加しました。',
};

const REFUSED =
  'この申請の状態が変わったため、操作できませんでした。最新の状態を確かめてから、もう一度操作してください。';

const REASON_REQUIRED: Record<string, string> = {
  reject: '却下の理由を入力してください。',
  return: '差し戻しの理由を入力してください。',
  notes: 'メモを入力してください。',
};

const FIELDS_REQUIRED = '修正を求める項目を1つ以上選んでください。';

/**
 * Application ids are UUIDs: anything else is no page and never reaches the database (a file id is
 * looked up only among the application's files).
 */

export function adminApplicationRoutes(deps: AdminDeps) {
  const r = new Hono<AdminEnv>();
  const procedures = deps.procedures;

  for (const path of ['/applications/:id', '/applications/:id/*'])
    r.use(path, async (c, next) => (isUuid(c.req.param('id') ?? '') ? next() : notFoundPage(c)));

  r.get('/applications', async (c) => {
    const query = listQuery((n) => c.req.query(n));
    const catalogue = await procedures.catalogue();
    const options = catalogue.map((e) => ({ id: e.definition.id, name: e.definition.name.ja }));
    const parsed = parseListQuery(
      query,
      options.map((o) => o.id),
    );
    const result = parsed.ok ? await procedures.list({ ...parsed.filter, page: pageParam(c) }) : null;
    return adminPage(
      c,
      { title: '申請一覧', section: 'applications', errors: parsed.ok ? undefined : parsed.errors },
      <ApplicationListView
        query={query}
        procedures={options}
        errors={parsed.ok ? undefined : parsed.errors}
        result={result}
      />,
    );
  });

  async function detailPage(
    c: AdminCtx,
    id: string,
    opts: { errors?: Errors; values?: ActionValues; status?: number } = {},
  ): Promise<Response> {
    const detail = await procedures.staffDetail(id);
    if (!detail) return notFoundPage(c);
    const staffNames = new Map(
      (await deps.backOffice.staff.directory()).map((s) => [s.id, s.email] as [string, string]),
    );
    const done = c.req.query('done') ?? '';
    // The summary's link for 修正を求める項目 goes to its first checkbox.
    const first = detail.sections.flatMap((s) => s.rows)[0]?.field;
    const errors = opts.errors?.map((e) =>
      e.field === 'returnFields' && first ? { ...e, inputId: markId(first) } : e,
    );
    return adminPage(
      c,
      { title: '申請の詳細', section: 'applications', errors, status: opts.status },
      <ApplicationDetailView
        detail={detail}
        changes={revisionChanges(detail.form, detail.application.answers, detail.events)}
        staffNames={staffNames}
        message={opts.errors ? null : (DONE[done] ?? null)}
        refusal={!opts.errors && c.req.query('refused') ? REFUSED : null}
        errors={errors}
        values={opts.values ?? {}}
        csrfToken={c.get('csrfToken')()}
      />,
    );
  }

  r.get('/applications/:id', (c) => detailPage(c, c.req.param('id')));

  /** The form of an action: its text fields and the fields marked (差し戻す). */
  async function readAction(c: AdminCtx): Promise<ActionValues | null> {
    const form = await readAdminForm(c);
    if (!form) return null;
    let marked: string[];
    try {
      const all = await c.req.parseBody({ all: true });
      const f = all.fields;
      marked = (Array.isArray(f) ? f : f === undefined ? [] : [f]).filter(
        (x): x is string => typeof x === 'string' && x.length <= 100,
      );
    } catch {
      return null;
    }
    return {
      completeMessage: form.completeMessage ?? '',
      rejectReason: form.rejectReason ?? '',
      returnReason: form.returnReason ?? '',
      note: form.note ?? '',
      fields: marked.slice(0, 500),
    };
  }

  const ACTIONS = ['start', 'complete', 'reject', 'return', 'notes'] as const;
  type Action = (typeof ACTIONS)[number];

  for (const action of ACTIONS)
    r.post(`/applications/:id/${action}`, async (c) => {
      const id = c.req.param('id');
      const values = await readAction(c);
      if (!values) return detailPage(c, id, { status: 400 });
      const errors = requiredErrors(action, values);
      if (errors.length) return detailPage(c, id, { errors, values, status: 400 });
      const staff = { staffId: c.get('staff').id };
      const result = await run(action, staff, id, values);
      if (result.ok) return c.redirect(`/admin/applications/${id}?done=${action}`, 303);
      switch (result.problem) {
        case 'not_found':
          return notFoundPage(c);
        case 'reason_required':
          return detailPage(c, id, { errors: reasonError(action), values, status: 400 });
        case 'fields_required':
        case 'unknown_field':
          return detailPage(c, id, {
            errors: [{ field: 'returnFields', message: FIELDS_REQUIRED }],
            values,
            status: 400,
          });
        default:
          // wrong_state, conflict: the application moved on since the page was shown
          return c.redirect(`/admin/applications/${id}?refused=1`, 303);
      }
    });

  function run(action: Action, staff: { staffId: string }, id: string, v: ActionValues) {
    switch (action) {
      case 'start':
        return procedures.start(staff, id);
      case 'complete':
        return procedures.complete(staff, id, v.completeMessage);
      case 'reject':
        return procedures.reject(staff, id, v.rejectReason ?? '');
      case 'return':
        return procedures.returnForCorrection(staff, id, v.returnReason ?? '', v.fields ?? []);
      case 'notes':
        return procedures.addNote(staff, id, v.note ?? '');
    }
  }

  const reasonField = { reject: 'rejectReason', return: 'returnReason', notes: 'note' } as const;
  const reasonError = (action: Action): Errors =>
    action === 'reject' || action === 'return' || action === 'notes'
      ? [{ field: reasonField[action], message: REASON_REQUIRED[action] as string }]
      : [];

  function requiredErrors(action: Action, v: ActionValues): Errors {
    const errors: Errors = [];
    if (action === 'reject' && !v.rejectReason?.trim()) errors.push(...reasonError(action));
    if (action === 'notes' && !v.note?.trim()) errors.push(...reasonError(action));
    if (action === 'return') {
      if (!v.returnReason?.trim()) errors.push(...reasonError(action));
      if (!v.fields?.length) errors.push({ field: 'returnFields', message: FIELDS_REQUIRED });
    }
    return errors;
  }

  r.get('/applications/:id/files/:fileId', async (c) => {
    const detail = await procedures.staffDetail(c.req.param('id'));
    const fileId = c.req.param('fileId');
    if (!detail?.attachments.some((a) => a.id === fileId)) return notFoundPage(c);
    const file = await procedures.download({ staffId: c.get('staff').id }, fileId);
    if (!file) return notFoundPage(c);
    return sendDownload(c, file);
  });

  return r;
}
