// A stored version of a document, read only, to show beside the live one. Its own module: pages load it (and
// Lexical) only when a reader opens a version (see version-history-section.tsx).
import { LexicalComposer } from "@lexical/react/LexicalComposer";
import { RichTextPlugin } from "@lexical/react/LexicalRichTextPlugin";
import { ContentEditable } from "@lexical/react/LexicalContentEditable";
import { LexicalErrorBoundary } from "@lexical/react/LexicalErrorBoundary";
import { ListPlugin } from "@lexical/react/LexicalListPlugin";
import type { SerializedEditorState } from "lexical";
import { DOCUMENT_NODES } from "~/lib/document-schema/nodes";
import { editorTheme } from "./theme";

/** A stored version, read only. Re-mount (key) per version: initial state is read once. */
export function VersionViewer({ editorState, label }: { editorState: SerializedEditorState; label: string }) {
  return (
    <LexicalComposer
      initialConfig={{
        namespace: "staffroom-version",
        nodes: [...DOCUMENT_NODES],
        theme: editorTheme,
        editable: false,
        editorState: JSON.stringify(editorState),
        onError: (error) => {
          throw error;
        },
      }}
    >
      <RichTextPlugin
        contentEditable={
          <ContentEditable
            className="collab-editor__content collab-editor__content--version"
            aria-label={label}
            aria-readonly
          />
        }
        ErrorBoundary={LexicalErrorBoundary}
      />
      <ListPlugin />
    </LexicalComposer>
  );
}
