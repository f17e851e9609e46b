import { request as httpRequest } from 'node:http';
// A visitor speaking plain HTTP to the running server: keeps cookies, follows redirects on request,
// and fills in the CSRF token of the form it last saw, as a browser would.
export type Answer = { status: number; url: string; html: string; headers: Headers; bytes: Buffer };

export class Visitor {
  readonly cookies = new Map<string, string>();
  lastHtml = '';

  /** `ip` is sent as X-Forwarded-For, so rate limits count each test visitor on its own. */
  constructor(
    readonly base: string,
    readonly host?: string,
    readonly ip = `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  ) {}

  headers(extra: Record<string, string> = {}): Record<string, string> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return { ...(cookie ? { cookie } : {}), ...(this.host ? { host: this.host } : {}), 'x-forwarded-for': this.ip, ...extra };
  }

  private remember(setCookies: string[]) {
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...rest] = pair.split('=');
      const value = rest.join('=');
      const expired = attributes.some((a) => /expires=thu, 01 jan 1970/i.test(a.trim())) || value === '';
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
  }

  /** node:http rather than fetch, because fetch may not set the Host header that chooses the tenant. */
  private send(
    method: string,
    url: string,
    body: string | Buffer | undefined,
    headers: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; text: string; bytes: Buffer }> {
    return new Promise((resolve, reject) => {
      const request = httpRequest(
        url,
        { method, headers: { ...headers, ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const result = new Headers();
            for (const [key, value] of Object.entries(response.headers)) {
              for (const item of [value ?? []].flat()) result.append(key, String(item));
            }
            const bytes = Buffer.concat(chunks);
            resolve({ status: response.statusCode ?? 0, headers: result, text: bytes.toString('utf8'), bytes });
          });
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }

  async request(
    method: string,
    path: string,
    options: { body?: string | URLSearchParams | Buffer; headers?: Record<string, string>; follow?: boolean } = {},
  ): Promise<Answer> {
    let url = new URL(path, this.base).href;
    let currentMethod = method;
    let body: string | Buffer | undefined = Buffer.isBuffer(options.body) ? options.body : options.body?.toString();
    for (let hop = 0; hop < 15; hop++) {
      const response = await this.send(currentMethod, url, body, this.headers(options.headers));
      this.remember(response.headers.getSetCookie());
      const location = response.headers.get('location');
      if (options.follow !== false && location && response.status >= 300 && response.status < 400) {
        url = new URL(location, url).href;
        currentMethod = 'GET';
        body = undefined;
        options = { ...options, headers: {} };
        continue;
      }
      if ((response.headers.get('content-type') ?? '').includes('text/html')) this.lastHtml = response.text;
      return { status: response.status, url, html: response.text, headers: response.headers, bytes: response.bytes };
    }
    throw new Error('too many redirects');
  }

  get(path: string, follow = true) {
    return this.request('GET', path, { follow });
  }

  csrf(): string {
    const match = /name="_csrf" value="([^"]+)"/.exec(this.lastHtml);
    if (!match) throw new Error('no CSRF token on the last page');
    return match[1];
  }

  /** Submits a form like a browser: with the CSRF token of the last page unless told otherwise. */
  post(path: string, fields: Record<string, string>, options: { csrf?: boolean; follow?: boolean } = {}) {
    const form = new URLSearchParams(fields);
    if (options.csrf !== false) form.set('_csrf', this.csrf());
    return this.request('POST', path, {
      body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      follow: options.follow,
    });
  }
}
