/**
 * A browser without JavaScript for the screens' HTTP tests: a cookie jar, the CSRF token of the last
 * page, no redirects followed unless asked.
 */
/** The text of the page's <main>, tags dropped and spaces folded. */
export const mainText = (html: string): string =>
  (html.match(/<main[\s\S]*?<\/main>/)?.[0] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

export type Page = { status: number; location: string | null; html: string };

export class FormClient {
  readonly jar = new Map<string, string>();
  csrf = '';
  constructor(private readonly base: string) {}

  private async send(path: string, init: RequestInit): Promise<Page> {
    const cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(this.base + path, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (value === '' || attrs.some((a) => /^\s*max-age=0$/i.test(a))) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    const html = await res.text();
    const token = html.match(/name="_csrf" value="([^"]+)"/)?.[1];
    if (token) this.csrf = token;
    return { status: res.status, location: res.headers.get('location'), html };
  }

  get(path: string): Promise<Page> {
    return this.send(path, { method: 'GET' });
  }

  /** A urlencoded POST; a list sends its name several times (checkboxes). */
  post(path: string, form: Record<string, string | string[]> = {}, withCsrf = true): Promise<Page> {
    const body = new URLSearchParams();
    if (withCsrf) body.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(form))
      for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    return this.send(path, {
      method: 'POST',
      body: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  /**
   * A multipart POST as a browser sends a form with file inputs: its fields, then its files (a file
   * input left empty is sent as an empty part without a name, as browsers do).
   */
  postMultipart(
    path: string,
    form: Record<string, string | string[]>,
    files: Record<string, { name: string; type: string; content: Uint8Array } | null> = {},
  ): Promise<Page> {
    const body = new FormData();
    body.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(form))
      for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    for (const [k, f] of Object.entries(files))
      body.append(
        k,
        f
          ? new Blob([new Uint8Array(f.content)], { type: f.type })
          : new Blob([], { type: 'application/octet-stream' }),
        f ? f.name : '',
      );
    return this.send(path, { method: 'POST', body });
  }

  /** GET, following redirects on this site. */
  async follow(path: string): Promise<Page> {
    let page = await this.get(path);
    for (let i = 0; i < 5 && page.location; i++) page = await this.get(page.location);
    return page;
  }

  async english(): Promise<void> {
    await this.get('/lang/en?back=/');
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.get('/login');
    const r = await this.post('/login', { email, password });
    if (r.status !== 303) throw new Error(`sign-in failed: ${r.status}`);
  }
}
