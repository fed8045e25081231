// A stored co-edited document read as blocks for print and Word (app/lib/document-blocks.ts): its current state as
// Lexical reads it, root by root. The caller has checked that the reader may read the document.
import { blocksOf, type Block } from "~/lib/document-blocks";
import { yjsStateToEditorStates } from "~/lib/document-schema/headless";
import { loadDocumentState } from "./collab-log.server";

export async function readDocumentBlocks<Name extends string>(
  documentId: string,
  rootNames: readonly Name[],
): Promise<Record<Name, Block[]>> {
  const { state } = await loadDocumentState(documentId);
  const states = await yjsStateToEditorStates(state, rootNames);
  return Object.fromEntries(rootNames.map((name) => [name, blocksOf(states[name]!)])) as Record<Name, Block[]>;
}
