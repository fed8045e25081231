// How a comment's stored text splits into plain text and safe links. Apart from comments.ts and its zod schemas, so
// the pages that show comments load no zod.
export type BodyToken = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'}]/gi;

/** The body as plain text and links: only http(s) addresses become links, everything else stays text. */
export function commentBodyTokens(text: string): BodyToken[] {
  const tokens: BodyToken[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const at = match.index ?? 0;
    if (at > last) tokens.push({ kind: "text", text: text.slice(last, at) });
    tokens.push({ kind: "link", text: match[0], href: match[0] });
    last = at + match[0].length;
  }
  if (last < text.length) tokens.push({ kind: "text", text: text.slice(last) });
  return tokens;
}
