// What a person's presence looks like in every document, on both sides: the browser
// editor draws cursors in these colours, and the server stamps them on presence it relays.

// Dark enough for white text on the name label (WCAG AA at 14px bold).
const CURSOR_COLOURS = ["#1f5f4a", "#1a4f9c", "#8a2c8a", "#a4161a", "#7a4b00", "#0f6674", "#5a3ea8", "#2f6b1e"];

/** A stable, readable cursor colour per user. */
export function colourFor(userId: string): string {
  let hash = 0;
  for (const ch of userId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return CURSOR_COLOURS[hash % CURSOR_COLOURS.length]!;
}
