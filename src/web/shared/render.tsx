/** Rendering helpers shared by the routes: the page frame, form reading, error lists. */
import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Ctx } from './context.js';
import {
  compressNow,
  compressOnce,
  COMPRESS_MIN_BYTES,
  gzipTemplate,
  negotiate,
  type Encoding,
  type Variants,
} from './compression.js';
import type { Errors } from '../views/shared/components.js';
import { renderHtml, T } from './i18n.js';
import { nodeResponse } from './node-response.js';
import { Layout, type PageChrome } from '../views/shared/layout.js';

export function chrome(c: Ctx, showDevMailbox: boolean): PageChrome {
  const s = c.get('session');
  return {
    // Only a signed-in visitor's header has a form (ログアウト); other pages ask for the token if they need it.
    csrfToken: s?.status === 'signed_in' ? c.get('csrfToken')() : '',
    userName: s?.status === 'signed_in' ? s.user.displayName : undefined,
    showDevMailbox,
    path: c.req.path + (new URL(c.req.url).search || ''),
  };
}

export type PageOptions = { title: string; errors?: Errors; status?: number; wide?: boolean; h1?: boolean };

function pageHtml(c: Ctx, chromeOf: PageChrome, opts: PageOptions, body: Child): string {
  return renderHtml(
    c.get('lang') ?? 'ja',
    <Layout title={opts.title} hasErrors={(opts.errors?.length ?? 0) > 0} chrome={chromeOf} wide={opts.wide}>
      {opts.h1 === false ? null : (
        <h1 class="title">
          <T>{opts.title}</T>
        </h1>
      )}
      {body}
    </Layout>,
  );
}

/** Renders a full page with `<!DOCTYPE html>`; the `<h1>` is the title unless `h1: false`. */
export async function renderPage(
  c: Ctx,
  showDevMailbox: boolean,
  opts: PageOptions,
  body: Child,
): Promise<Response> {
  const text = '<!DOCTYPE html>' + pageHtml(c, chrome(c, showDevMailbox), opts, body);
  return sendText(c, Buffer.from(text), HTML, opts.status ?? 200);
}

const HTML = 'text/html; charset=UTF-8';

/** Node's buffers here come from Buffer.from/concat and zlib: plain ArrayBuffers, never shared ones. */
const bytes = (b: Buffer) => b as Uint8Array<ArrayBuffer>;

/**
 * Sends a text body compressed as the browser allows (see compression.ts): from `ready` when the
 * body was compressed beforehand, else now. `Vary` tells caches that the coding depends on the request.
 */
export function sendText(
  c: Context,
  body: Buffer,
  type: string,
  status: number,
  ready?: Partial<Record<Encoding, Buffer>>,
): Response {
  const encoding = body.length >= COMPRESS_MIN_BYTES ? negotiate(c.req.header('accept-encoding')) : null;
  codingHeaders(c, encoding);
  const sent = encoding ? (ready?.[encoding] ?? compressNow(body, encoding)) : body;
  return c.body(bytes(sent), status as 200, { 'Content-Type': type });
}

/**
 * A text answer's Vary and Content-Encoding. Under node:http they go onto the node response, as the
 * security headers do (node-response.ts): Hono would otherwise make a WHATWG `Headers` for them,
 * whose every `set` validates and sorts, only for @hono/node-server to copy them out again (a bare
 * route sending the home page's bytes and headers answered 15 % more requests without it). The
 * Content-Type goes with the body as the answer's only Hono header (kept as a plain object, no
 * `Headers`): @hono/node-server writes its own default type into the head when the answer has none,
 * which would replace one set on the node response. Nothing else sets these two, so they cannot
 * meet a Hono header of the same name; a Content-Encoding left by an earlier answer to the same
 * request (an error page after a page) is removed when this one is not compressed.
 */
function codingHeaders(c: Context, encoding: Encoding | null): void {
  const outgoing = nodeResponse(c);
  if (outgoing) {
    outgoing.setHeader('Vary', 'Accept-Encoding');
    if (encoding) outgoing.setHeader('Content-Encoding', encoding);
    else outgoing.removeHeader('Content-Encoding');
    return;
  }
  c.header('Vary', 'Accept-Encoding');
  c.header('Content-Encoding', encoding ?? undefined);
}

/** Stands in for the form token in a shared page; random, so no page text can contain it. */
const TOKEN_MARK = `csrf-mark-${randomBytes(16).toString('hex')}`;
const SHARED_PAGES_MAX = 128;

/**
 * Pages that are the same for everybody who is not signed in, but for the form token: the portal
 * home, the documents, the first registration screens, ログイン. Each is rendered once per key and
 * language with a mark where the token goes; a request then only joins the parts around its own
 * token. Keys come from the routes (a path and its checked query), never from what a client sends,
 * and there are at most SHARED_PAGES_MAX of them. A signed-in visitor's page shows their name, so it
 * is rendered for them as before.
 */
export function sharedPages(showDevMailbox: boolean) {
  type Entry = {
    version: unknown;
    parts: Buffer[];
    /** a page without a form token: the same bytes for everybody, compressed once */
    fixed: Variants | null;
    /** a page with a form token: gzip with the token put in */
    gzip: ((token: Buffer) => Buffer) | null;
  };
  const cache = new Map<string, Entry>();
  return async function sharedPage(
    c: Ctx,
    key: string,
    opts: PageOptions,
    body: () => Child,
    /** the data the page shows besides its text (e.g. the notices); a new value renders it anew */
    version: unknown = null,
  ): Promise<Response> {
    if (c.get('session').status === 'signed_in') return renderPage(c, showDevMailbox, opts, body());
    const id = `${c.get('lang')} ${key}`;
    let entry = cache.get(id);
    if (!entry || entry.version !== version) {
      const token = c.get('csrfToken');
      c.set('csrfToken', () => TOKEN_MARK);
      let html: string;
      try {
        html =
          '<!DOCTYPE html>' +
          pageHtml(c, { ...chrome(c, showDevMailbox), path: key, csrfToken: TOKEN_MARK }, opts, body());
      } finally {
        c.set('csrfToken', token);
      }
      if (!cache.has(id) && cache.size >= SHARED_PAGES_MAX) cache.delete(cache.keys().next().value ?? '');
      const parts = html.split(TOKEN_MARK).map((part) => Buffer.from(part));
      entry = {
        version,
        parts,
        fixed: parts.length === 1 ? compressOnce(parts[0] as Buffer) : null,
        gzip: parts.length > 1 ? gzipTemplate(parts) : null,
      };
      cache.set(id, entry);
    }
    const status = opts.status ?? 200;
    if (entry.fixed) return sendText(c, entry.fixed.identity, HTML, status, entry.fixed);
    const token = Buffer.from(c.get('csrfToken')());
    // Every browser that takes brotli takes gzip too: the template answers both.
    if (entry.gzip && negotiate(c.req.header('accept-encoding'))) {
      codingHeaders(c, 'gzip');
      return c.body(bytes(entry.gzip(token)), status as 200, { 'Content-Type': HTML });
    }
    // A browser that takes no compression: the page as it is.
    return sendText(
      c,
      Buffer.concat(entry.parts.flatMap((part, i) => (i > 0 ? [token, part] : [part]))),
      HTML,
      status,
    );
  };
}

export type SharedPage = ReturnType<typeof sharedPages>;

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
