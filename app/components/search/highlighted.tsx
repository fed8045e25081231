// A snippet's text with its matched words marked: the highlight markers become <mark> elements and everything else
// stays text (React escapes it), so nothing stored is ever rendered as HTML.
import { HIGHLIGHT_END, HIGHLIGHT_START } from "~/lib/forms/search";

export function Highlighted({ text }: { text: string }) {
  const parts = text.split(HIGHLIGHT_START);
  return (
    <>
      {parts.map((part, index) => {
        if (index === 0) return part.replaceAll(HIGHLIGHT_END, "");
        const [marked = "", ...rest] = part.split(HIGHLIGHT_END);
        return (
          <span key={index}>
            <mark>{marked}</mark>
            {rest.join("")}
          </span>
        );
      })}
    </>
  );
}
