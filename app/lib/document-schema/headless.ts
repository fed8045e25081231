// Converts between Lexical editor content and the Yjs state the collaboration
// engine stores, without a browser: seeding a new document's initial content on
// the server (so no client ever bootstraps), rendering a stored version read-only,
// and extracting plain text. Uses Lexical's own Yjs binding, so the structure is
// exactly what CollaborationPlugin produces and reads. A document may hold several
// roots (a lesson plan: its notes and each text part), each bound to its own editor.
import * as Y from "yjs";
import { $getRoot, createEditor, type LexicalEditor, type SerializedEditorState } from "lexical";
import { createYjsBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Provider } from "@lexical/yjs";
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

function bindingFor(doc: Y.Doc, rootName: string) {
  const editor = headlessEditor();
  const binding = createYjsBinding({ editor, id: rootName, doc, docMap: new Map([[rootName, doc]]), rootName });
  return { editor, binding };
}

/**
 * A headless editor bound to the root `rootName` of `doc` that writes each of its updates into the document, exactly
 * as the browser's editor does (tests and benchmarks of what the editor writes). With `follow`, it also takes in the
 * changes others make to that root, as an open editor does.
 */
export function headlessWriter(doc: Y.Doc, rootName: string, { follow = false } = {}): LexicalEditor {
  const { editor, binding } = bindingFor(doc, rootName);
  const provider = silentProvider();
  if (follow) {
    binding.root.getSharedType().observeDeep((events, transaction) => {
      if (transaction.origin !== binding) syncYjsChangesToLexical(binding, provider, events as never, false);
    });
  }
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
  return editor;
}

/** Writes `build`'s content into the root `rootName` of `doc` (build runs inside editor.update). */
function writeRoot(doc: Y.Doc, rootName: string, build: () => void): void {
  headlessWriter(doc, rootName).update(build, { discrete: true });
}

/**
 * The Yjs state (a full update) of a document whose roots are written by the
 * builders, by root name (each runs inside editor.update, so $-functions work).
 * With `clientId`, the same content gives the same bytes, so two processes that
 * write it at once make one change, not two (Yjs skips what it already has).
 */
export function rootsToYjsState(roots: Record<string, () => void>, clientId?: number): Uint8Array {
  const doc = new Y.Doc();
  if (clientId !== undefined) doc.clientID = clientId;
  for (const [rootName, build] of Object.entries(roots)) writeRoot(doc, rootName, build);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/** The Yjs state of a one-root document whose content is written by `build`. */
export function lexicalContentToYjsState(build: () => void): Uint8Array {
  return rootsToYjsState({ [YJS_ROOT_NAME]: build });
}

/** Binds a headless editor to each root, applies the state, and waits for every editor to commit. */
async function readRoots(state: Uint8Array, rootNames: readonly string[]): Promise<Map<string, LexicalEditor>> {
  const doc = new Y.Doc();
  const provider = silentProvider();
  const editors = new Map<string, LexicalEditor>();
  for (const rootName of rootNames) {
    const { editor, binding } = bindingFor(doc, rootName);
    doc
      .get(rootName, Y.XmlText)
      .observeDeep((events) => syncYjsChangesToLexical(binding, provider, events as never, false));
    editors.set(rootName, editor);
  }
  Y.applyUpdate(doc, state);
  // syncYjsChangesToLexical schedules an editor update; wait for each to commit.
  await Promise.all(
    [...editors.values()].map(
      (editor) => new Promise<void>((resolve) => editor.update(() => {}, { onUpdate: resolve })),
    ),
  );
  doc.destroy();
  return editors;
}

/** Lexical's serialized editor state of one root of a stored Yjs state (for a read-only view). */
export async function yjsStateToEditorState(
  state: Uint8Array,
  rootName: string = YJS_ROOT_NAME,
): Promise<SerializedEditorState> {
  const editors = await readRoots(state, [rootName]);
  return editors.get(rootName)!.getEditorState().toJSON();
}

/** Each root's serialized editor state, by root name. */
export async function yjsStateToEditorStates(
  state: Uint8Array,
  rootNames: readonly string[],
): Promise<Record<string, SerializedEditorState>> {
  const editors = await readRoots(state, rootNames);
  return Object.fromEntries([...editors].map(([name, editor]) => [name, editor.getEditorState().toJSON()]));
}

/** The document's text, paragraphs separated by blank lines (search, tests, previews). */
export async function yjsStateToPlainText(state: Uint8Array, rootName: string = YJS_ROOT_NAME): Promise<string> {
  const editors = await readRoots(state, [rootName]);
  return editors
    .get(rootName)!
    .getEditorState()
    .read(() => $getRoot().getTextContent());
}

/** Each root's text with one line per paragraph or list item, by root name (the plain-text copy of a plan's parts). */
export async function yjsStateToLines(
  state: Uint8Array,
  rootNames: readonly string[],
): Promise<Record<string, string>> {
  const editors = await readRoots(state, rootNames);
  return Object.fromEntries(
    [...editors].map(([name, editor]) => [name, editor.getEditorState().read(() => blockLines())]),
  );
}

/**
 * Each root's text read straight from the Yjs types, one line per block, by root name: for a document the editor
 * cannot read (a node type it does not know, stored before the server checked changes). Search still finds its words
 * and erasure can still tell whether it names someone, where the editor would throw.
 */
export function yjsStateToRawLines(state: Uint8Array, roots?: readonly string[]): Record<string, string> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  // Without names, every root the state holds (a plan: its notes and each text part).
  const rootNames = roots ?? [...doc.share.keys()];
  const lines = (type: Y.XmlText, into: string[]) => {
    let line = "";
    for (const op of type.toDelta() as Array<{ insert?: unknown }>) {
      if (typeof op.insert === "string") line += op.insert;
      else if (op.insert instanceof Y.XmlText) lines(op.insert, into);
    }
    if (line.trim()) into.push(line);
    return into;
  };
  try {
    return Object.fromEntries(rootNames.map((name) => [name, lines(doc.get(name, Y.XmlText), []).join("\n")]));
  } finally {
    doc.destroy();
  }
}

function blockLines(): string {
  return $getRoot().getTextContent().replace(/\n\n/g, "\n").replace(/\s+$/, "");
}
