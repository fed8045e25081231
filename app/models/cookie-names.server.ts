// Names of the cookies that carry authentication. With Secure cookies (production), the `__Host-` prefix makes the
// browser refuse one that is not Secure, has a Domain, or a Path other than "/": a sibling subdomain or a plain-HTTP
// page cannot plant or overwrite it. Browsers refuse the prefix without Secure, so plain-HTTP development keeps the
// plain name.
import { config } from "~/config.server";

export function authCookieName(name: string): string {
  return config().cookieSecure ? `__Host-${name}` : name;
}
