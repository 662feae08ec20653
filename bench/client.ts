/**
 * A browser as the benchmark needs one: keeps cookies, follows a 303 with a GET, asks for brotli and
 * gzip and decompresses, and comes from its own address (X-Forwarded-For, read because the server
 * runs with TRUST_PROXY=true, as behind the city's load balancer). Keep-alive over node:http, which
 * costs the load generator less than fetch.
 */
import { Agent, request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

export const agent = new Agent({ keepAlive: true, maxSockets: 256 });

export type Reply = { status: number; location: string | undefined; html: string };

let nextAddress = 1;
/** A different documentation-range address for each visitor (198.18.0.0/15, benchmark use). */
function visitorAddress(): string {
  const n = nextAddress++;
  return `198.${18 + ((n >> 16) & 1)}.${(n >> 8) & 255}.${n & 255}`;
}

export class Visitor {
  private readonly cookies = new Map<string, string>();
  readonly address = visitorAddress();
  constructor(private readonly base: string) {}

  private send(method: 'GET' | 'POST', path: string, form?: Record<string, string>): Promise<Reply> {
    const body = form ? new URLSearchParams(form).toString() : undefined;
    const headers: Record<string, string> = {
      'accept-encoding': 'br, gzip',
      'x-forwarded-for': this.address,
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    };
    if (body !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    return new Promise((resolve, reject) => {
      const req = request(`${this.base}${path}`, { method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('error', reject);
        res.on('end', () => {
          for (const line of res.headers['set-cookie'] ?? []) {
            const [pair = ''] = line.split(';');
            const i = pair.indexOf('=');
            const value = pair.slice(i + 1);
            if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(pair.slice(0, i));
            else this.cookies.set(pair.slice(0, i), value);
          }
          const raw = Buffer.concat(chunks);
          const encoding = res.headers['content-encoding'];
          const html = (
            encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw
          ).toString();
          resolve({ status: res.statusCode ?? 0, location: res.headers.location, html });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  /** GET, following redirects as a browser does. */
  async get(path: string): Promise<Reply> {
    let reply = await this.send('GET', path);
    for (let hops = 0; reply.location && reply.status >= 300 && reply.status < 400 && hops < 5; hops++)
      reply = await this.send('GET', reply.location);
    return reply;
  }

  /** POST a form with the page's token; a 303 is followed with a GET. Returns the final page. */
  async post(path: string, token: string, form: Record<string, string>): Promise<Reply & { via: string }> {
    const reply = await this.send('POST', path, { _csrf: token, ...form });
    if (reply.status === 303 && reply.location)
      return { ...(await this.get(reply.location)), via: reply.location };
    return { ...reply, via: path };
  }

  /** Takes the cookies of a `cookie` header (another visitor's session, say). */
  adopt(header: string): this {
    for (const pair of header.split('; ')) {
      const i = pair.indexOf('=');
      if (i > 0) this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return this;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export function formToken(html: string): string {
  const m = html.match(/name="_csrf" value="([^"]+)"/);
  if (!m?.[1]) throw new Error('no form token on the page');
  return m[1];
}
