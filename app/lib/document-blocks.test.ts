// Reading a document as blocks: formats and links kept on runs, lists flattened, empty paragraphs dropped, and the
// minutes split by the agenda items' headings (notes under other headings kept apart, never lost).
import { describe, expect, it } from "vitest";
import type { SerializedEditorState } from "lexical";
import { blocksOf, mapBlockText, sectionsByHeading, type Block } from "./document-blocks";

const text = (value: string, format = 0) => ({ type: "text", text: value, format });
const state = (children: unknown[]) => ({ root: { type: "root", children } }) as unknown as SerializedEditorState;

describe("document blocks", () => {
  it("keeps formats, links and list items, and drops empty paragraphs", () => {
    const blocks = blocksOf(
      state([
        { type: "heading", tag: "h2", children: [text("Apologies")] },
        { type: "paragraph", children: [text("From "), text("Tom", 1 | 2)] },
        { type: "paragraph", children: [] },
        {
          type: "list",
          listType: "number",
          children: [
            { type: "listitem", children: [{ type: "link", url: "https://example.org", children: [text("Agenda")] }] },
            { type: "listitem", children: [text("Notes")] },
          ],
        },
      ]),
    );
    expect(blocks).toEqual([
      { kind: "heading", level: 2, runs: [{ text: "Apologies" }] },
      { kind: "paragraph", runs: [{ text: "From " }, { text: "Tom", bold: true, italic: true }] },
      { kind: "list", ordered: true, items: [[{ text: "Agenda", href: "https://example.org" }], [{ text: "Notes" }]] },
    ]);
    expect(mapBlockText(blocks, (t) => t.toUpperCase())[1]).toEqual({
      kind: "paragraph",
      runs: [{ text: "FROM " }, { text: "TOM", bold: true, italic: true }],
    });
  });

  it("splits the minutes by the agenda items' headings", () => {
    const heading = (t: string): Block => ({ kind: "heading", level: 2, runs: [{ text: t }] });
    const para = (t: string): Block => ({ kind: "paragraph", runs: [{ text: t }] });
    const { sections, other } = sectionsByHeading(
      [para("Opened at four."), heading("Apologies"), para("None."), heading("Aside"), para("Tea.")],
      ["Apologies", "Budget"],
    );
    expect(sections.get("Apologies")).toEqual([para("None.")]);
    expect(sections.has("Budget")).toBe(false);
    expect(other).toEqual([para("Opened at four."), heading("Aside"), para("Tea.")]);
  });
});
