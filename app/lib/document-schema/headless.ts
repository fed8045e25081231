// Converts between Lexical editor content and the Yjs state the collaboration
// engine stores, without a browser: seeding a new document's initial content on
// the server (so no client ever bootstraps), rendering a stored version read-only,
// and extracting plain text. Uses Lexical's own Yjs binding, so the structure is
// exactly what CollaborationPlugin produces and reads.
import * as Y from "yjs";
import { $getRoot, createEditor, type LexicalEditor, type SerializedEditorState } from "lexical";
import { createBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Provider } from "@lexical/yjs";
import { DOCUMENT_NODES, YJS_ROOT_NAME } from "./nodes";

/** The binding only touches the provider for cursors; a headless editor has none. */
function silentProvider(): Provider {
  const awareness = {
    getLocalState: () => null,
    getStates: () => new Map(),
    on: () => {},
    off: () => {},
    setLocalState: () => {},
    setLocalStateField: () => {},
  };
  return { awareness, connect: () => {}, disconnect: () => {}, on: () => {}, off: () => {} } as Provider;
}

function headlessEditor(): LexicalEditor {
  return createEditor({
    namespace: "staffroom-headless",
    nodes: [...DOCUMENT_NODES],
    editable: false,
    onError: (error) => {
      throw error;
    },
  });
}

/**
 * The Yjs state (a full update) of a document whose Lexical content is written
 * by `build` (it runs inside editor.update, so $-functions are available).
 */
export function lexicalContentToYjsState(build: () => void): Uint8Array {
  const doc = new Y.Doc();
  const editor = headlessEditor();
  const provider = silentProvider();
  const binding = createBinding(editor, provider, "headless", doc, new Map([["headless", doc]]));
  editor.registerUpdateListener(
    ({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
      syncLexicalUpdateToYjs(
        binding,
        provider,
        prevEditorState,
        editorState,
        dirtyElements,
        dirtyLeaves,
        normalizedNodes,
        tags,
      );
    },
  );
  editor.update(build, { discrete: true });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/** Lexical's serialized editor state for a stored Yjs state (for a read-only view). */
export async function yjsStateToEditorState(state: Uint8Array): Promise<SerializedEditorState> {
  const doc = new Y.Doc();
  const editor = headlessEditor();
  const provider = silentProvider();
  const binding = createBinding(editor, provider, "headless", doc, new Map([["headless", doc]]));
  const root = doc.get(YJS_ROOT_NAME, Y.XmlText);
  root.observeDeep((events) => syncYjsChangesToLexical(binding, provider, events as never, false));
  Y.applyUpdate(doc, state);
  // syncYjsChangesToLexical schedules an editor update; wait for it to commit.
  await new Promise<void>((resolve) => editor.update(() => {}, { onUpdate: resolve }));
  const json = editor.getEditorState().toJSON();
  doc.destroy();
  return json;
}

/** The document's text, paragraphs separated by blank lines (search, tests, previews). */
export async function yjsStateToPlainText(state: Uint8Array): Promise<string> {
  const serialized = await yjsStateToEditorState(state);
  const editor = headlessEditor();
  editor.setEditorState(editor.parseEditorState(serialized));
  return editor.getEditorState().read(() => $getRoot().getTextContent());
}
