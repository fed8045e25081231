// The minutes' sections as the document engine holds them: a new item's section goes in its agenda place (before the
// next item that has one), what was written stays where it was, and a second run adds nothing.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { blocksOf, textOfRuns } from "~/lib/document-blocks";
import { rootsToYjsState, yjsStateToEditorState } from "~/lib/document-schema/headless";
import { addMissingSections, minutesSectionsContent } from "./minutes-sections.server";

function minutesWith(titles: string[]): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, rootsToYjsState({ root: minutesSectionsContent(titles) }));
  return doc;
}

/** Types into the paragraph under the heading, as an editor would. */
function writeUnder(doc: Y.Doc, heading: string, text: string) {
  const blocks = (doc.get("root", Y.XmlText).toDelta() as Array<{ insert: Y.XmlText }>).map((op) => op.insert);
  const paragraph = blocks[blocks.findIndex((b) => b.toString().includes(heading)) + 1]!;
  doc.transact(() => {
    const node = new Y.Map<unknown>();
    paragraph.insertEmbed(0, node);
    for (const [key, value] of Object.entries({ __type: "text", __format: 0, __style: "", __mode: 0, __detail: 0 }))
      node.set(key, value);
    paragraph.insert(1, text);
  });
}

async function outline(doc: Y.Doc) {
  const blocks = blocksOf(await yjsStateToEditorState(Y.encodeStateAsUpdate(doc)));
  return blocks.map((b) => (b.kind === "list" ? "" : `${b.kind === "heading" ? "# " : ""}${textOfRuns(b.runs)}`));
}

describe("the minutes' sections", () => {
  it("adds each missing item's section in its agenda place and leaves the writing alone", async () => {
    const doc = minutesWith(["Tracking sheet", "Communication support"]);
    writeUnder(doc, "Tracking sheet", "Schools will add their year groups.");
    const agenda = ["Apologies", "Tracking sheet", "Festival budget", "Communication support", "Any other business"];
    expect(addMissingSections(doc, agenda)).toBe(3);
    expect(await outline(doc)).toEqual([
      "# Apologies",
      "# Tracking sheet",
      "Schools will add their year groups.",
      "# Festival budget",
      "# Communication support",
      "# Any other business",
    ]);
    expect(addMissingSections(doc, agenda), "nothing twice").toBe(0);
  });
});
