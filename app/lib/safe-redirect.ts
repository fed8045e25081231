// Where to send someone after signing in: only ever a path on this site. Browsers forgive a lot in a Location
// header (they drop tabs and newlines, read "\" as "/", treat "//host" as another site), so the path is parsed as a
// browser would parse it and kept only when it stays on this origin.

const PLACEHOLDER_ORIGIN = "http://staffroom.invalid";
const MAX_LENGTH = 2048;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f-\u009f\\]/;

/** A same-site path to go to after signing in; anything else falls back to /home. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/home"): string {
  if (typeof to !== "string" || to.length > MAX_LENGTH) return fallback;
  if (!to.startsWith("/") || CONTROL_OR_BACKSLASH.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" normalises to "//evil.example", which a browser would read as another site.
  if (path.startsWith("//")) return fallback;
  return path;
}
