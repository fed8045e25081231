// Comments in one part's editor (decision 024): the ranges of its open threads highlighted for everyone, following
// the text as the shared document changes (CSS Custom Highlights: nothing is written into the document, so readers
// who may not edit can comment too); Ctrl+Alt+M or the "Comment" button turns the selection into a draft thread for
// the panel; threads whose words are gone are reported as deleted.
import { useCallback, useEffect } from "react";
import * as Y from "yjs";
import {
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  type LexicalEditor,
  type LexicalNode,
  type PointType,
} from "lexical";
import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import {
  documentComments,
  subscribeDocumentComments,
  updateDocumentComments,
} from "~/components/comments/comment-store";
import {
  encodeAnchor,
  lexicalPointOfYPoint,
  resolveAnchor,
  yPointOfLexicalPoint,
  type YPoint,
} from "~/lib/comment-anchors";
import type { SharedDocument } from "./shared-document";

const SELECT_FIRST = "Select the words you want to comment on, then press Ctrl+Alt+M or choose Comment.";

function pathOf(node: LexicalNode): number[] {
  const path: number[] = [];
  for (let current: LexicalNode | null = node; current && current.getParent(); current = current.getParent()) {
    path.unshift(current.getIndexWithinParent());
  }
  return path;
}

function yPointOf(root: Y.XmlText, point: PointType): YPoint | null {
  const node = $getNodeByKey(point.key);
  if (!node) return null;
  return yPointOfLexicalPoint(root, pathOf(node), point.offset, point.type === "text" ? "text" : "element");
}

/** The draft for the panel from the editor's selection, or null when nothing is selected. */
function draftFromSelection(editor: LexicalEditor, root: Y.XmlText, part: string) {
  return editor.getEditorState().read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection) || selection.isCollapsed()) return null;
    const quote = selection.getTextContent().trim();
    const [first, last] = selection.isBackward()
      ? [selection.focus, selection.anchor]
      : [selection.anchor, selection.focus];
    const start = yPointOf(root, first);
    const end = yPointOf(root, last);
    if (!quote || !start || !end) return null;
    return { part, quote: quote.slice(0, 2_000), ...encodeAnchor(start, end) };
  });
}

function domPoint(editor: LexicalEditor, root: Y.XmlText, point: YPoint): [Node, number] | null {
  const lexical = lexicalPointOfYPoint(root, point);
  if (!lexical) return null;
  let node: LexicalNode | null = $getRoot();
  for (const step of lexical.path) node = $isElementNode(node) ? node.getChildAtIndex(step) : null;
  if (!node) return null;
  const element = editor.getElementByKey(node.getKey());
  if (!element) return null;
  if (lexical.kind === "element") return [element, Math.min(lexical.offset, element.childNodes.length)];
  let text: Node = element;
  while (text.firstChild) text = text.firstChild;
  return [text, Math.min(lexical.offset, text.textContent?.length ?? 0)];
}

type HighlightRegistry = Map<string, unknown>;
type HighlightClass = new (...ranges: Range[]) => unknown;

function highlightApi(): { registry: HighlightRegistry; Highlight: HighlightClass } | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Highlight = (globalThis as { Highlight?: HighlightClass }).Highlight;
  return css?.highlights && Highlight ? { registry: css.highlights, Highlight } : null;
}

/** Draws the open threads of this part and reports those whose words are gone. */
function paint(editor: LexicalEditor, shared: SharedDocument, part: string, ranges: Map<string, Range[]>): void {
  const root = shared.doc.get(part, Y.XmlText);
  const { threads, activeThreadId, deleted } = documentComments(shared.documentId);
  const nowDeleted = new Set([...deleted].filter((id) => !threads.some((t) => t.id === id && t.part === part)));
  const open: Range[] = [];
  const active: Range[] = [];
  editor.getEditorState().read(() => {
    for (const thread of threads) {
      if (thread.part !== part || !thread.anchorStart) continue;
      const resolved = resolveAnchor(shared.doc, thread);
      if (resolved.state === "deleted") {
        nowDeleted.add(thread.id);
        continue;
      }
      if (thread.resolved) continue;
      const start = domPoint(editor, root, resolved.start);
      const end = domPoint(editor, root, resolved.end);
      if (!start || !end) continue;
      const range = document.createRange();
      range.setStart(...start);
      range.setEnd(...end);
      (thread.id === activeThreadId ? active : open).push(range);
    }
  });
  ranges.set(`${shared.documentId}#${part}`, open);
  ranges.set(`${shared.documentId}#${part}#active`, active);
  const changed = nowDeleted.size !== deleted.size || [...nowDeleted].some((id) => !deleted.has(id));
  if (changed) updateDocumentComments(shared.documentId, { deleted: nowDeleted });
  const api = highlightApi();
  if (!api) return;
  const painted = [...ranges];
  const ofKind = (active: boolean) =>
    painted.filter(([key]) => key.endsWith("#active") === active).flatMap(([, r]) => r);
  api.registry.set("staffroom-comment", new api.Highlight(...ofKind(false)));
  api.registry.set("staffroom-comment-active", new api.Highlight(...ofKind(true)));
}

/** Every painted range on the page, by editor: one highlight registry serves all the editors of a page. */
const pageRanges = new Map<string, Range[]>();

export function CommentAnchorsPlugin({ shared, part }: { shared: SharedDocument; part: string }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let frame = 0;
    const repaint = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => paint(editor, shared, part, pageRanges));
    };
    const unsubscribe = subscribeDocumentComments(shared.documentId, repaint);
    const unlisten = editor.registerUpdateListener(repaint);
    repaint();
    return () => {
      cancelAnimationFrame(frame);
      unsubscribe();
      unlisten();
      pageRanges.delete(`${shared.documentId}#${part}`);
      pageRanges.delete(`${shared.documentId}#${part}#active`);
    };
  }, [editor, shared, part]);

  const startComment = useCallback(() => {
    const draft = draftFromSelection(editor, shared.doc.get(part, Y.XmlText), part);
    updateDocumentComments(shared.documentId, draft ? { draft, hint: null } : { hint: SELECT_FIRST });
  }, [editor, shared, part]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey && event.altKey && !event.shiftKey && event.code === "KeyM") {
        event.preventDefault();
        startComment();
      }
    };
    return editor.registerRootListener((rootElement, previous) => {
      previous?.removeEventListener("keydown", onKeyDown);
      rootElement?.addEventListener("keydown", onKeyDown);
    });
  }, [editor, startComment]);

  return (
    <button
      type="button"
      className="button button--small comment-start"
      // Keeps the editor's selection: the button must not take focus before it reads it.
      onMouseDown={(event) => event.preventDefault()}
      onClick={startComment}
      aria-keyshortcuts="Control+Alt+M"
    >
      Comment on the selection
    </button>
  );
}
