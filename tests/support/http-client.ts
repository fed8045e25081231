// A small browser stand-in over fetch: a cookie jar, an Origin header on
// state-changing requests (as browsers send), no automatic redirects, and the
// raw Set-Cookie headers for attribute checks.

interface SetCookie {
  name: string;
  value: string;
  /** Attribute names lower-cased; flag attributes map to "". */
  attributes: Record<string, string>;
  raw: string;
}

export interface HttpResult {
  status: number;
  headers: Headers;
  /** The Location header, resolved against the base URL path (e.g. "/login?redirectTo=%2Fpeople"). */
  location: string | null;
  setCookies: SetCookie[];
  body: string;
}

export interface RequestOptions {
  /** Sent as application/x-www-form-urlencoded. */
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** The Origin header: defaults to the server's own on non-GET requests; null sends none. */
  origin?: string | null;
  /** Send the cookie jar (default true). */
  cookies?: boolean;
}

function parseSetCookie(raw: string): SetCookie {
  const [pair = "", ...parts] = raw.split(";");
  const eq = pair.indexOf("=");
  const attributes: Record<string, string> = {};
  for (const part of parts) {
    const [key = "", ...rest] = part.split("=");
    if (key.trim()) attributes[key.trim().toLowerCase()] = rest.join("=").trim();
  }
  return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), attributes, raw };
}

function isRemoval(cookie: SetCookie): boolean {
  if (cookie.value === "") return true;
  const maxAge = cookie.attributes["max-age"];
  if (maxAge !== undefined && Number(maxAge) <= 0) return true;
  const expires = cookie.attributes.expires;
  return expires !== undefined && new Date(expires).getTime() <= Date.now();
}

export class HttpClient {
  readonly jar = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  /** The Cookie header this client would send. */
  cookieHeader(): string {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  cookie(name: string): string | undefined {
    return this.jar.get(name);
  }

  setCookie(name: string, value: string): void {
    this.jar.set(name, value);
  }

  /** A second client with a copy of this one's cookies (a stolen or replayed cookie, or another server process). */
  clone(baseUrl = this.baseUrl): HttpClient {
    const copy = new HttpClient(baseUrl);
    for (const [name, value] of this.jar) copy.jar.set(name, value);
    return copy;
  }

  async request(method: string, pathname: string, options: RequestOptions = {}): Promise<HttpResult> {
    const url = new URL(pathname, this.baseUrl);
    // A new connection per request: reusing an idle keep-alive connection races the server closing it
    // ("other side closed") when a slow machine pauses between requests.
    const headers: Record<string, string> = { accept: "text/html", connection: "close", ...options.headers };
    const safe = method === "GET" || method === "HEAD";
    const origin = options.origin === undefined ? (safe ? null : new URL(this.baseUrl).origin) : options.origin;
    if (origin !== null) headers.origin = origin;
    if (options.cookies !== false && this.jar.size > 0) headers.cookie = this.cookieHeader();
    let body: string | undefined;
    if (options.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(options.form).toString();
    }
    const res = await fetch(url, { method, headers, body, redirect: "manual" });
    const setCookies = res.headers.getSetCookie().map(parseSetCookie);
    for (const cookie of setCookies) {
      if (isRemoval(cookie)) this.jar.delete(cookie.name);
      else this.jar.set(cookie.name, cookie.value);
    }
    const rawLocation = res.headers.get("location");
    let location: string | null = null;
    if (rawLocation) {
      const resolved = new URL(rawLocation, url);
      location = resolved.origin === url.origin ? `${resolved.pathname}${resolved.search}` : resolved.toString();
    }
    return { status: res.status, headers: res.headers, location, setCookies, body: await res.text() };
  }

  get(pathname: string, options?: RequestOptions): Promise<HttpResult> {
    return this.request("GET", pathname, options);
  }

  post(
    pathname: string,
    form: Record<string, string>,
    options: Omit<RequestOptions, "form"> = {},
  ): Promise<HttpResult> {
    return this.request("POST", pathname, { ...options, form });
  }

  /** Posts the sign-in form; success is a redirect with a new session cookie. */
  signIn(
    email: string,
    password: string,
    redirectTo?: string,
    options: Omit<RequestOptions, "form"> = {},
  ): Promise<HttpResult> {
    return this.post("/login", { email, password, ...(redirectTo ? { redirectTo } : {}) }, options);
  }

  signOut(): Promise<HttpResult> {
    return this.post("/logout", {});
  }
}

export const SESSION_COOKIE = "staffroom_session";

/** Signs in and fails with the response body when it does not redirect. */
export async function signedInClient(baseUrl: string, email: string, password: string): Promise<HttpClient> {
  const client = new HttpClient(baseUrl);
  const res = await client.signIn(email, password);
  if (res.status !== 302 && res.status !== 303) {
    throw new Error(`sign-in as ${email} answered ${res.status}, not a redirect:\n${res.body.slice(0, 2000)}`);
  }
  if (!client.cookie(SESSION_COOKIE)) throw new Error(`sign-in as ${email} set no ${SESSION_COOKIE} cookie`);
  return client;
}
