/** Rendering helpers shared by the routes: the page frame, form reading, error lists. */
import type { Child } from 'hono/jsx';
import type { Ctx } from './context.js';
import type { Errors } from './views/components.js';
import { LangContext, T } from './i18n.js';
import { Layout, type PageChrome } from './views/layout.js';

export function chrome(c: Ctx, showDevMailbox: boolean): PageChrome {
  const s = c.get('session');
  return {
    csrfToken: c.get('csrfToken') ?? '',
    userName: s?.status === 'signed_in' ? s.user.displayName : undefined,
    showDevMailbox,
    path: c.req.path + (new URL(c.req.url).search || ''),
  };
}

export type PageOptions = { title: string; errors?: Errors; status?: number; wide?: boolean; h1?: boolean };

/** Renders a full page with `<!DOCTYPE html>`; the `<h1>` is the title unless `h1: false`. */
export async function renderPage(
  c: Ctx,
  showDevMailbox: boolean,
  opts: PageOptions,
  body: Child,
): Promise<Response> {
  const html = (
    <LangContext.Provider value={c.get('lang') ?? 'ja'}>
      <Layout
        title={opts.title}
        hasErrors={(opts.errors?.length ?? 0) > 0}
        chrome={chrome(c, showDevMailbox)}
        wide={opts.wide}
      >
        {opts.h1 === false ? null : (
          <h1 class="title">
            <T>{opts.title}</T>
          </h1>
        )}
        {body}
      </Layout>
    </LangContext.Provider>
  );
  const text = '<!DOCTYPE html>' + (await html.toString());
  return c.html(text, (opts.status ?? 200) as 200);
}

/** The posted form as strings (first value of each name); null when it is not a well-formed form. */
export async function readForm(c: Ctx): Promise<Record<string, string> | null> {
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody();
  } catch {
    return null;
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    const s = Array.isArray(v) ? v[0] : v;
    if (typeof s !== 'string') continue;
    if (s.includes('\u0000') || s.includes('\uFFFD')) return null;
    out[k] = s.length > 2000 ? s.slice(0, 2000) : s;
  }
  return out;
}
