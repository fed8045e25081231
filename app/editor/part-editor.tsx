// The rich-text editor of one root of a shared document: Lexical with headings, lists, bold/italic/underline, links
// and undo/redo, bound through CollaborationPlugin to the root `part` of the SharedDocument. Content is never
// bootstrapped here: the server writes every root's first content (collab-documents.server.ts). The editor keeps to
// the document rules the server checks (no inline styles, safe links), and a part it cannot show says so instead of
// blanking the page.
import { useCallback, useEffect, useState } from "react";
import type * as Y from "yjs";
import {
  $isElementNode,
  ParagraphNode,
  TabNode,
  TextNode,
  type ElementNode,
  type Klass,
  type LexicalNode,
} from "lexical";
import { AutoLinkNode, LinkNode } from "@lexical/link";
import { mergeRegister } from "@lexical/utils";
import { LexicalComposer } from "@lexical/react/LexicalComposer";
import { RichTextPlugin } from "@lexical/react/LexicalRichTextPlugin";
import { ContentEditable } from "@lexical/react/LexicalContentEditable";
import { LexicalErrorBoundary } from "@lexical/react/LexicalErrorBoundary";
import { ListPlugin } from "@lexical/react/LexicalListPlugin";
import { LinkPlugin } from "@lexical/react/LexicalLinkPlugin";
import { CollaborationPlugin } from "@lexical/react/LexicalCollaborationPlugin";
import { LexicalCollaboration } from "@lexical/react/LexicalCollaborationContext";
import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { MentionsPlugin } from "./mentions-plugin";
import { StudentNamesPlugin } from "./student-names-plugin";
import type { Provider } from "@lexical/yjs";
import { isSafeUrl } from "~/lib/document-schema/content-rules";
import { DOCUMENT_NODES } from "~/lib/document-schema/nodes";
import { colourFor } from "~/lib/document-schema/presence";
import { CommentAnchorsPlugin } from "./comment-anchors-plugin";
import type { SharedDocument } from "./shared-document";
import { editorTheme } from "./theme";
import { EditorToolbar } from "./toolbar";

export interface PartEditorProps {
  shared: SharedDocument;
  /** The root of the document this editor shows ("root" for a document's main text). */
  part: string;
  /** Accessible name of the editing area. */
  label: string;
  /** The id of an element describing the area (a hint), if any. */
  describedBy?: string;
  user: { id: string; name: string };
  editable: boolean;
  /** "full" for a document's main text; "compact" shows the toolbar only while the part has focus. */
  toolbar: "full" | "compact" | "none";
}

export function PartEditor({ shared, part, label, describedBy, user, editable, toolbar }: PartEditorProps) {
  const providerFactory = useCallback(
    (id: string, yjsDocMap: Map<string, Y.Doc>): Provider => {
      yjsDocMap.set(id, shared.doc);
      return shared.providerFor(part);
    },
    [shared, part],
  );
  const [focused, setFocused] = useState(false);
  // Content this editor cannot show (a node it does not know, say) fails this part only: the rest of the page works.
  const [failed, setFailed] = useState(false);
  const showToolbar = editable && (toolbar === "full" || (toolbar === "compact" && focused));
  if (failed) {
    return (
      <p className="alert alert--warning" role="alert" data-part={part}>
        {label}: this part holds something the editor cannot show, so it is not shown here. The rest of the page still
        works; reload the page to try again.
      </p>
    );
  }
  return (
    <LexicalCollaboration>
      <LexicalComposer
        initialConfig={{
          namespace: `staffroom-${part}`,
          nodes: [...DOCUMENT_NODES],
          theme: editorTheme,
          // Collaboration owns the content: no initial editor state, ever.
          editorState: null,
          editable,
          onError: (error) => {
            console.error(`The editor of "${part}" failed`, error);
            setFailed(true);
          },
        }}
      >
        <div
          className={`part-editor part-editor--${toolbar}`}
          onFocus={() => setFocused(true)}
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false);
          }}
        >
          {showToolbar ? <EditorToolbar /> : null}
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="collab-editor__content"
                aria-label={label}
                aria-describedby={describedBy}
                aria-readonly={!editable}
                data-part={part}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
          <CommentAnchorsPlugin shared={shared} part={part} />
        </div>
        <ListPlugin />
        <LinkPlugin validateUrl={isSafeUrl} />
        <EditableSync editable={editable} />
        {editable ? <StudentNamesPlugin /> : null}
        {editable ? <MentionsPlugin documentId={shared.documentId} userId={user.id} /> : null}
        <DocumentRules />
        <CollaborationPlugin
          id={`${shared.documentId}#${part}`}
          rootName={part}
          providerFactory={providerFactory}
          shouldBootstrap={false}
          username={user.name}
          cursorColor={colourFor(user.id)}
        />
      </LexicalComposer>
    </LexicalCollaboration>
  );
}

function EditableSync({ editable }: { editable: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => editor.setEditable(editable), [editor, editable]);
  return null;
}

const STYLED: ReadonlyArray<Klass<LexicalNode>> = [TextNode, TabNode, ParagraphNode, ...DOCUMENT_NODES];

/**
 * Keeps what the editor writes within the rules the server checks (decision 013), whatever is pasted: no inline
 * styles (pasted text keeps its bold and italics, not its fonts and colours), and a link to anything but a web page
 * or an e-mail address becomes plain text.
 */
function DocumentRules() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const unstyle = (node: LexicalNode) => {
      const styled = node as TextNode | ElementNode;
      if (styled.getStyle() !== "") styled.setStyle("");
      if ($isElementNode(styled) && styled.getTextStyle() !== "") styled.setTextStyle("");
    };
    const unlinkUnsafe = (link: LinkNode) => {
      if (isSafeUrl(link.getURL())) return;
      for (const child of link.getChildren()) link.insertBefore(child);
      link.remove();
    };
    return mergeRegister(
      ...STYLED.map((klass) => editor.registerNodeTransform(klass, unstyle)),
      editor.registerNodeTransform(LinkNode, unlinkUnsafe),
      editor.registerNodeTransform(AutoLinkNode, unlinkUnsafe),
    );
  }, [editor]);
  return null;
}
