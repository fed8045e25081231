// The Lexical node classes every Staffroom document may contain. The browser
// editor, the headless server-side conversions and the read-only version view
// all register exactly this list, so a document means the same thing everywhere.
import type { Klass, LexicalNode } from "lexical";
import { HeadingNode, QuoteNode } from "@lexical/rich-text";
import { ListItemNode, ListNode } from "@lexical/list";
import { AutoLinkNode, LinkNode } from "@lexical/link";
import { MentionNode } from "./mention-node";

export const DOCUMENT_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  MentionNode,
];

// Server code that writes a document's first content builds it from the same nodes as the browser's editor.
export { $createHeadingNode } from "@lexical/rich-text";

/** The Yjs shared type Lexical's binding keeps the document in (CollaborationPlugin's default rootName). */
export const YJS_ROOT_NAME = "root";
