/**
 * 手続一覧 and a procedure's page, and 申請する (a new draft, prefilled from 利用者情報, then its
 * first page). The search comes from the address as typed: an unknown 分類 or 対象 is ignored and
 * a long keyword cut, so no query can fail the page.
 */
import { Hono } from 'hono';
import type { PrefillSource } from '../../../domain/procedures/prefill.js';
import type { Gender, Profile } from '../../../domain/profile.js';
import type { UserRecord } from '../../../app/shared/ports.js';
import type { AppEnv, Ctx, WebDeps } from '../../shared/context.js';
import { renderPage } from '../../shared/render.js';
import { CATEGORY_IDS, CatalogueView, type CatalogueFilters } from '../../views/procedures/catalogue.js';
import { ProcedurePageView, type ApplyProblem } from '../../views/procedures/procedure-page.js';
import { toSignIn } from '../account/shared.js';
import { applicantOf } from './applicant.js';

const MAX_KEYWORD = 100;

/** The search as given in the address; what is not one of the known values is left out. */
export function catalogueFilters(query: Record<string, string | undefined>): CatalogueFilters {
  const q = (query.q ?? '').trim().slice(0, MAX_KEYWORD);
  const category = CATEGORY_IDS.find((c) => c === query.category) ?? null;
  const audience = query.audience === 'individual' || query.audience === 'business' ? query.audience : null;
  return { q, category, audience };
}

/** 利用者情報 as the prefill reads it: the stored profile's form values, and the account's address. */
export function prefillSourceOf(user: UserRecord): PrefillSource {
  const v = user.profileValues;
  const pad = (s: string | undefined) => (s ?? '').padStart(2, '0');
  const address = {
    postalCode: (v.postalCode ?? '').replace(/-/g, ''),
    prefecture: v.prefecture ?? '',
    cityAddress: v.cityAddress ?? '',
    building: v.building ? v.building : null,
    phone: v.phone ?? '',
    birthDate: v.birthYear ? `${v.birthYear}-${pad(v.birthMonth)}-${pad(v.birthDay)}` : '',
    notify: user.notify,
  };
  const profile: Profile =
    user.kind === 'individual'
      ? {
          kind: 'individual',
          familyName: v.familyName ?? '',
          givenName: v.givenName ?? '',
          familyNameKana: v.familyNameKana ?? '',
          givenNameKana: v.givenNameKana ?? '',
          // the stored value, one of GENDERS (prefill does not read it)
          gender: (v.gender ?? '') as Gender,
          ...address,
        }
      : {
          kind: 'business',
          orgName: v.orgName ?? '',
          orgNameKana: v.orgNameKana ?? '',
          representativeName: v.representativeName ?? '',
          department: v.department ?? '',
          contactName: v.contactName ?? '',
          ...address,
        };
  return { profile, email: user.email };
}

export function catalogueRoutes(deps: WebDeps) {
  const r = new Hono<AppEnv>();
  const dev = deps.devMailbox !== null;
  const page = (c: Ctx, opts: Parameters<typeof renderPage>[2], body: Parameters<typeof renderPage>[3]) =>
    renderPage(c, dev, opts, body);

  r.get('/procedures', async (c) => {
    const filters = catalogueFilters(c.req.query());
    const entries = await deps.procedures.catalogue({
      keyword: filters.q === '' ? undefined : filters.q,
      category: filters.category ?? undefined,
      audience: filters.audience ?? undefined,
    });
    return page(c, { title: '手続一覧' }, <CatalogueView entries={entries} filters={filters} />);
  });

  const procedurePage = async (c: Ctx, id: string, problem?: ApplyProblem, status = 200) => {
    const entry = await deps.procedures.procedure(id);
    if (!entry) return c.notFound();
    const signedIn = applicantOf(c) !== null;
    return page(
      c,
      { title: entry.definition.name[c.get('lang')], status },
      <ProcedurePageView
        entry={entry}
        signedIn={signedIn}
        csrfToken={signedIn ? c.get('csrfToken')() : ''}
        problem={problem}
      />,
    );
  };

  r.get('/procedures/:procedureId', (c) => procedurePage(c, c.req.param('procedureId')));

  r.post('/procedures/:procedureId/apply', async (c) => {
    const id = c.req.param('procedureId');
    const applicant = applicantOf(c);
    const s = c.get('session');
    if (!applicant || s.status !== 'signed_in') {
      if (!(await deps.procedures.procedure(id))) return c.notFound();
      return toSignIn(c, `/procedures/${id}`);
    }
    const started = await deps.procedures.startDraft(applicant, id, prefillSourceOf(s.user));
    if (started.ok) return c.redirect(`/applications/${started.applicationId}/pages/${started.page}`, 303);
    if (started.problem === 'unknown_procedure') return c.notFound();
    if (started.problem === 'not_accepting') return procedurePage(c, id, { kind: 'not_accepting' }, 409);
    // one per person: the one they have, to resume (a draft) or to see (sent)
    const existingId = 'existingId' in started ? started.existingId : null;
    let existing: { id: string; draft: boolean } | null = null;
    if (existingId) {
      const { applications, drafts } = await deps.procedures.history(applicant);
      if (drafts.some((d) => d.application.id === existingId)) existing = { id: existingId, draft: true };
      else if (applications.some((a) => a.application.id === existingId))
        existing = { id: existingId, draft: false };
    }
    return procedurePage(c, id, { kind: 'one_per_person', existing }, 409);
  });

  return r;
}
