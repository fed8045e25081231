// Micro-benchmark of the server's check of client updates (decision 013): the cost per typical update (typing,
// bold, a new paragraph) in a document of a few hundred paragraphs, before (decoding only, as the guard did until
// issue 14) and after (decoding, the schema check of the update's structs and the document's size).
// Run: npx tsx bench/collab/content-guard.ts [updates] [paragraphs]
import * as Y from "yjs";
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, $isTextNode } from "lexical";
import { headlessWriter } from "~/lib/document-schema/headless";
import type { OpenDocument } from "../../server/realtime/collab/open-document";
import { checkClientUpdate } from "../../server/realtime/collab/update-guard";

const updateCount = Number(process.argv[2] ?? 5_000);
const paragraphCount = Number(process.argv[3] ?? 300);

/** A document of `paragraphCount` paragraphs, then `updateCount` updates as an editor writes them. */
function record(): { base: Uint8Array; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const editor = headlessWriter(doc, "root");
  editor.update(
    () => {
      for (let i = 0; i < paragraphCount; i++) {
        $getRoot().append($createParagraphNode().append($createTextNode(`Paragraph ${i}: prompt before clue.`)));
      }
    },
    { discrete: true },
  );
  const base = Y.encodeStateAsUpdate(doc);
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  for (let i = 0; updates.length < updateCount; i++) {
    editor.update(
      () => {
        const block = $getRoot().getChildAtIndex((i * 7) % paragraphCount);
        const text = $isElementNode(block) ? block.getLastChild() : null;
        if (!$isTextNode(text)) return;
        if (i % 20 === 19) text.toggleFormat("bold");
        else if (i % 20 === 9) block!.insertAfter($createParagraphNode().append($createTextNode("New line")));
        else text.setTextContent(`${text.getTextContent()}${String.fromCharCode(97 + (i % 26))}`);
      },
      { discrete: true },
    );
  }
  return { base, updates: updates.slice(0, updateCount) };
}

function run(
  label: string,
  base: Uint8Array,
  updates: Uint8Array[],
  guard: (entry: OpenDocument, u: Uint8Array) => void,
) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const entry = {
    doc,
    record: { ownerType: "partnership", ownerId: "bench", partnershipId: "p" },
    sizeBytes: base.byteLength,
  } as OpenDocument;
  let guardNs = 0n;
  let applyNs = 0n;
  for (const update of updates) {
    const t0 = process.hrtime.bigint();
    guard(entry, update);
    const t1 = process.hrtime.bigint();
    Y.applyUpdate(doc, update);
    entry.sizeBytes += update.byteLength;
    applyNs += process.hrtime.bigint() - t1;
    guardNs += t1 - t0;
  }
  const perUpdate = (ns: bigint) => (Number(ns) / updates.length / 1000).toFixed(2);
  console.log(`${label.padEnd(34)} check ${perUpdate(guardNs)} µs/update   apply ${perUpdate(applyNs)} µs/update`);
}

const { base, updates } = record();
const bytes = updates.reduce((sum, u) => sum + u.byteLength, 0);
console.log(
  `${updates.length} updates (mean ${(bytes / updates.length).toFixed(0)} bytes) on a ${paragraphCount}-paragraph document of ${base.byteLength} bytes`,
);
const limits = { maxUpdateBytes: 256 * 1024, maxDocumentBytes: 8 * 1024 * 1024 };
// The first rounds warm up the JIT; the later ones are the ones to quote.
for (let round = 1; round <= 5; round++) {
  run(`round ${round} before: decode only`, base, updates, (_entry, u) => void Y.decodeUpdate(u));
  run(`round ${round} after: decode + schema + size`, base, updates, (entry, u) => {
    const verdict = checkClientUpdate(entry, u, limits);
    if (!verdict.ok) throw new Error(`refused: ${verdict.reason}`);
  });
}
