/** A tiny browser-like HTTP client for tests: keeps cookies, reads the CSRF token from forms. */
export class HttpClient {
  private cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  private remember(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i);
      const value = pair.slice(i + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const res = await fetch(this.base + path, {
      headers: { cookie: this.cookieHeader(), ...headers },
      redirect: 'manual',
    });
    this.remember(res);
    return res;
  }

  /** GETs the page and returns its CSRF token. */
  async token(path = '/'): Promise<string> {
    const html = await (await this.get(path)).text();
    const m = html.match(/name="_csrf" value="([^"]+)"/);
    if (!m?.[1]) throw new Error(`no CSRF token on ${path}`);
    return m[1];
  }

  async post(
    path: string,
    form: Record<string, string> | string,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const body = typeof form === 'string' ? form : new URLSearchParams(form).toString();
    const res = await fetch(this.base + path, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: this.cookieHeader(),
        ...headers,
      },
      redirect: 'manual',
    });
    this.remember(res);
    return res;
  }
}
