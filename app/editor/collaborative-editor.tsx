// The collaborative rich-text editor: Lexical with headings, lists, bold/italic/
// underline, links and undo/redo, bound to a shared document through
// CollaborationPlugin and our Socket.io provider. Shows the people in the
// document and an honest save status, and warns before leaving with unsaved
// changes. Content is never bootstrapped here: the server creates every
// document with its initial content (see collab-documents.server.ts).
import { useCallback, useEffect, useState } from "react";
import * as Y from "yjs";
import { LexicalComposer } from "@lexical/react/LexicalComposer";
import { RichTextPlugin } from "@lexical/react/LexicalRichTextPlugin";
import { ContentEditable } from "@lexical/react/LexicalContentEditable";
import { LexicalErrorBoundary } from "@lexical/react/LexicalErrorBoundary";
import { ListPlugin } from "@lexical/react/LexicalListPlugin";
import { LinkPlugin } from "@lexical/react/LexicalLinkPlugin";
import { CollaborationPlugin } from "@lexical/react/LexicalCollaborationPlugin";
import { LexicalCollaboration } from "@lexical/react/LexicalCollaborationContext";
import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import type { Provider } from "@lexical/yjs";
import { collabSocket } from "./collab-socket";
import { DOCUMENT_NODES } from "~/lib/document-schema/nodes";
import { colourFor } from "~/lib/document-schema/presence";
import { useParticipants } from "./presence";
import { PresenceList } from "./presence-list";
import { SocketIoYjsProvider, type CollabSocket } from "./socket-provider";
import { SyncIndicator, useSyncState, useWarnBeforeUnload } from "./sync-indicator";
import { EditorToolbar } from "./toolbar";
import { editorTheme } from "./theme";

export interface CollaborativeEditorProps {
  /** CollabDocument id. */
  documentId: string;
  /** The signed-in member: their name labels their cursor; the id picks its colour. */
  user: { id: string; name: string };
  /** What the page's loader decided from the policy; the server enforces it regardless. */
  readOnly: boolean;
  /** Accessible name of the editing area, e.g. the document title. */
  label: string;
  /** For tests and storybooks; defaults to the tab's shared socket. */
  socket?: CollabSocket;
}

export function CollaborativeEditor({ documentId, user, readOnly, label, socket }: CollaborativeEditorProps) {
  const [provider, setProvider] = useState<SocketIoYjsProvider | null>(null);
  // Bumped to start again from a fresh copy of the document (after the server refused a change).
  const [copy, setCopy] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const state = useSyncState(provider);
  const participants = useParticipants(provider?.awareness ?? null);
  useWarnBeforeUnload(state.unsaved);

  const providerFactory = useCallback(
    (id: string, yjsDocMap: Map<string, Y.Doc>): Provider => {
      const doc = new Y.Doc();
      yjsDocMap.set(id, doc);
      const created = new SocketIoYjsProvider(socket ?? collabSocket(), id, doc);
      setProvider(created);
      return created.asLexicalProvider();
    },
    [socket],
  );

  useEffect(() => {
    if (!provider) return;
    const onRefused = () => {
      setNotice(
        "You can no longer change this document, so your latest changes were not saved. This is the saved version.",
      );
      setCopy((n) => n + 1);
    };
    provider.on("refused", onRefused);
    return () => provider.off("refused", onRefused);
  }, [provider]);

  const editable = !readOnly && !state.readOnly && state.phase !== "error";
  return (
    <section className="collab-editor" aria-label={label}>
      <div className="collab-editor__bar">
        <SyncIndicator state={state} />
        <PresenceList participants={participants} />
      </div>
      {notice ? (
        <p className="alert alert--warning collab-editor__notice" role="alert">
          {notice}
        </p>
      ) : null}
      <LexicalCollaboration key={copy}>
        <LexicalComposer
          initialConfig={{
            namespace: "staffroom-document",
            nodes: [...DOCUMENT_NODES],
            theme: editorTheme,
            // Collaboration owns the content: no initial editor state, ever.
            editorState: null,
            editable,
            onError: (error) => {
              throw error;
            },
          }}
        >
          {editable ? <EditorToolbar /> : null}
          <RichTextPlugin
            contentEditable={
              <ContentEditable className="collab-editor__content" aria-label={label} aria-readonly={!editable} />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
          <ListPlugin />
          <LinkPlugin validateUrl={isSafeUrl} />
          <EditableSync editable={editable} />
          <CollaborationPlugin
            id={documentId}
            providerFactory={providerFactory}
            shouldBootstrap={false}
            username={user.name}
            cursorColor={colourFor(user.id)}
          />
        </LexicalComposer>
      </LexicalCollaboration>
    </section>
  );
}

function EditableSync({ editable }: { editable: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => editor.setEditable(editable), [editor, editable]);
  return null;
}

function isSafeUrl(url: string): boolean {
  try {
    const parsed = new URL(url, "https://example.invalid");
    return ["http:", "https:", "mailto:"].includes(parsed.protocol);
  } catch {
    return false;
  }
}
