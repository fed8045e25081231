// Class names Lexical puts on the nodes it renders; styled in app/styles.
import type { EditorThemeClasses } from "lexical";

export const editorTheme: EditorThemeClasses = {
  paragraph: "doc-p",
  heading: { h1: "doc-h1", h2: "doc-h2", h3: "doc-h3" },
  list: { ul: "doc-ul", ol: "doc-ol", listitem: "doc-li", nested: { listitem: "doc-li--nested" } },
  link: "doc-link",
  quote: "doc-quote",
  text: { bold: "doc-bold", italic: "doc-italic", underline: "doc-underline" },
};
