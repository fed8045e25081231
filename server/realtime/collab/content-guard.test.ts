// The schema check of client changes: what a real Lexical editor writes passes, change by change; each hostile
// shape the editor never writes (an inline style, an unknown node, a script link, a root of its own, a node's type
// removed) is refused, and so are updates over either size cap.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTabNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  createEditor,
} from "lexical";
import { createYjsBinding } from "@lexical/yjs";
import { $createLinkNode } from "@lexical/link";
import { $createListItemNode, $createListNode } from "@lexical/list";
import { $createQuoteNode } from "@lexical/rich-text";
import { headlessWriter } from "~/lib/document-schema/headless";
import { ELEMENT_CHILDREN, isAllowedProperty, TEXT_NODE_TYPES } from "~/lib/document-schema/content-rules";
import { $createHeadingNode, DOCUMENT_NODES } from "~/lib/document-schema/nodes";
import { PLAN_TEXT_PART_NAMES } from "~/lib/lesson-plan-text";
import { checkContent } from "./content-guard";
import type { OpenDocument } from "./open-document";
import { checkClientUpdate } from "./update-guard";

const ONE_ROOT = new Set(["root"]);

/** A server's live copy and one editor's copy of a document, every change of the editor checked on its way over. */
function session(rootName = "root", roots: ReadonlySet<string> = ONE_ROOT) {
  const server = new Y.Doc();
  const client = new Y.Doc();
  const editor = headlessWriter(client, rootName);
  const pending: Uint8Array[] = [];
  client.on("update", (update: Uint8Array) => pending.push(update));
  return {
    server,
    client,
    /** Makes the change in the editor; the updates it wrote. */
    write(change: () => void): Uint8Array[] {
      editor.update(change, { discrete: true });
      return pending.splice(0);
    },
    /** Makes the change in the editor and checks (then applies) each update it wrote; the verdicts. */
    edit(change: () => void) {
      return this.write(change).map((update) => {
        const verdict = checkContent(server, Y.decodeUpdate(update), roots);
        if (verdict.ok) Y.applyUpdate(server, update);
        return verdict;
      });
    },
    /** A change made to the client's Y.Doc directly (as a hostile client can), checked against the server's copy. */
    forge(change: (doc: Y.Doc) => void) {
      const before = Y.encodeStateVector(client);
      client.transact(() => change(client));
      pending.length = 0;
      return checkContent(server, Y.decodeUpdate(Y.encodeStateAsUpdate(client, before)), roots);
    },
  };
}

function firstText(): ReturnType<typeof $createTextNode> {
  const block = $getRoot().getFirstChild();
  const text = $isElementNode(block) ? block.getFirstChild() : null;
  if (!$isTextNode(text)) throw new Error("no text");
  return text;
}

function paragraphsOf(doc: Y.Doc, rootName = "root"): Y.XmlText[] {
  return doc
    .get(rootName, Y.XmlText)
    .toDelta()
    .map((op: { insert: unknown }) => op.insert)
    .filter((insert: unknown): insert is Y.XmlText => insert instanceof Y.XmlText);
}

function textNodeMap(): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries({ __type: "text", __format: 0, __style: "", __mode: 0, __detail: 0 })) {
    map.set(key, value);
  }
  return map;
}

describe("the rules cover every node the editor registers", () => {
  it("each node type of nodes.ts and Lexical's built-ins is known, with every property it is created with", () => {
    const doc = new Y.Doc();
    const editor = createEditor({
      nodes: [...DOCUMENT_NODES],
      onError: (error) => {
        throw error;
      },
    });
    const binding = createYjsBinding({ editor, id: "root", doc, docMap: new Map([["root", doc]]), rootName: "root" });
    const unknown: string[] = [];
    for (const [nodeType, properties] of binding.nodeProperties) {
      if (nodeType === "artificial") continue; // Lexical's internal placeholder, never in a document
      if (nodeType !== "root" && !ELEMENT_CHILDREN.has(nodeType) && !TEXT_NODE_TYPES.has(nodeType))
        unknown.push(nodeType);
      for (const [key, value] of Object.entries(properties)) {
        if (key !== "__type" && !isAllowedProperty(nodeType, key, value)) unknown.push(`${nodeType}.${key}`);
      }
    }
    expect(binding.nodeProperties.size).toBeGreaterThan(10);
    expect(unknown).toEqual([]);
  });
});

describe("what the editor writes passes, change by change", () => {
  it("typing, bold, headings, lists, quotes, links, line breaks, tabs, alignment and deleting", () => {
    const s = session();
    const verdicts = [
      ...s.edit(() => $getRoot().append($createParagraphNode().append($createTextNode("Starter")))),
      ...s.edit(() => firstText().setTextContent("Starter: recap")),
      ...s.edit(() => firstText().toggleFormat("bold")),
      ...s.edit(() => $getRoot().append($createHeadingNode("h2").append($createTextNode("Main activity")))),
      ...s.edit(() => {
        const nested = $createListNode("number").append($createListItemNode().append($createTextNode("pairs")));
        const list = $createListNode("bullet").append(
          $createListItemNode().append($createTextNode("Think")),
          $createListItemNode().append(nested),
        );
        $getRoot().append(list);
      }),
      ...s.edit(() => $getRoot().append($createQuoteNode().append($createTextNode("Prompt before clue.")))),
      ...s.edit(() => {
        const link = $createLinkNode("https://www.example.org/phonics").append($createTextNode("phonics"));
        const mail = $createLinkNode("mailto:office@hollinspark.example").append($createTextNode("office"));
        const line = [$createTextNode("See"), $createLineBreakNode(), $createTabNode(), link, mail];
        $getRoot().append($createParagraphNode().append(...line));
      }),
      ...s.edit(() => {
        const block = $getRoot().getFirstChild();
        if ($isElementNode(block)) block.setFormat("center").setIndent(2);
      }),
      ...s.edit(() => $getRoot().getFirstChild()?.remove()),
    ];
    expect(verdicts.length).toBeGreaterThan(8);
    expect(verdicts.filter((v) => !v.ok)).toEqual([]);
    expect(Y.encodeStateVector(s.server)).toEqual(Y.encodeStateVector(s.client));
  });

  it("a lesson plan's text parts are roots of their own", () => {
    const roots = new Set(["root", ...PLAN_TEXT_PART_NAMES]);
    const s = session("starter", roots);
    expect(s.edit(() => $getRoot().append($createParagraphNode().append($createTextNode("Recap"))))).toEqual([
      { ok: true },
    ]);
    // Everything else keeps the one root.
    const other = session("starter");
    expect(other.edit(() => $getRoot().append($createParagraphNode()))[0]).toMatchObject({
      ok: false,
      code: "invalid-content",
    });
  });

  it("a change that catches up with one already there (a resent update) passes", () => {
    const s = session();
    s.edit(() => $getRoot().append($createParagraphNode().append($createTextNode("once"))));
    expect(checkContent(s.server, Y.decodeUpdate(Y.encodeStateAsUpdate(s.client)), ONE_ROOT)).toEqual({ ok: true });
  });

  it("characters without a text node before them pass: a merge of concurrent edits leaves them, Lexical drops them", () => {
    const s = session();
    expect(s.forge((doc) => doc.get("root", Y.XmlText).insert(0, "raw"))).toEqual({ ok: true });
  });
});

describe("what the editor never writes is refused", () => {
  function seeded() {
    const s = session();
    s.edit(() => $getRoot().append($createParagraphNode().append($createTextNode("Plenary"))));
    return s;
  }
  const refused = { ok: false, code: "invalid-content" };

  it("an inline style on a text node, or on a block", () => {
    const s = seeded();
    const [paragraph] = paragraphsOf(s.client);
    expect(
      s.forge(() => {
        const styled = textNodeMap();
        styled.set("__style", "position:fixed;inset:0;background:url(https://tracker.example/p.gif)");
        paragraph!.insertEmbed(0, styled);
        paragraph!.insert(1, "Click here");
      }),
    ).toMatchObject(refused);
    expect(seeded().forge((doc) => paragraphsOf(doc)[0]!.setAttribute("__style", "color:red"))).toMatchObject(refused);
    expect(seeded().forge((doc) => paragraphsOf(doc)[0]!.setAttribute("__textStyle", "color:red"))).toMatchObject(
      refused,
    );
  });

  it("a node type the editor does not know, or a known one in the wrong shared type or place", () => {
    const unknown = new Y.XmlText();
    unknown.setAttribute("__type", "iframe");
    expect(seeded().forge((doc) => doc.get("root", Y.XmlText).insertEmbed(0, unknown))).toMatchObject(refused);
    const untyped = new Y.XmlText();
    expect(seeded().forge((doc) => doc.get("root", Y.XmlText).insertEmbed(0, untyped))).toMatchObject(refused);
    const mapAsParagraph = new Y.Map();
    mapAsParagraph.set("__type", "paragraph");
    expect(seeded().forge((doc) => doc.get("root", Y.XmlText).insertEmbed(0, mapAsParagraph))).toMatchObject(refused);
    expect(seeded().forge((doc) => doc.get("root", Y.XmlText).insertEmbed(0, textNodeMap()))).toMatchObject(refused);
    expect(seeded().forge((doc) => paragraphsOf(doc)[0]!.insertEmbed(0, { image: "x" }))).toMatchObject(refused);
  });

  it("a link to anything but a web page or an e-mail address", () => {
    const s = seeded();
    expect(
      s.edit(() => firstText().insertAfter($createLinkNode("javascript:alert(1)").append($createTextNode("open")))),
    ).toEqual([expect.objectContaining(refused)]);
  });

  it("a root the document does not have, and shared types of other kinds", () => {
    expect(seeded().forge((doc) => doc.getMap("tracking").set("pixel", "https://tracker.example"))).toMatchObject(
      refused,
    );
    expect(seeded().forge((doc) => doc.get("mainActivity", Y.XmlText).insert(0, "x"))).toMatchObject(refused);
    expect(seeded().forge((doc) => doc.get("root", Y.XmlText).format(0, 1, { bold: true }))).toMatchObject(refused);
  });

  it("a property the node does not have, a changed type, a removed type", () => {
    expect(seeded().forge((doc) => paragraphsOf(doc)[0]!.setAttribute("onclick", "steal()"))).toMatchObject(refused);
    expect(seeded().forge((doc) => paragraphsOf(doc)[0]!.setAttribute("__type", "heading"))).toMatchObject(refused);
    expect(seeded().forge((doc) => paragraphsOf(doc)[0]!.removeAttribute("__type"))).toMatchObject(refused);
  });

  it("a change built on changes the server lacks is sent again, not stored half-placed", () => {
    const s = seeded();
    const ahead = new Y.Doc();
    Y.applyUpdate(ahead, Y.encodeStateAsUpdate(s.client));
    const step = Y.encodeStateVector(ahead);
    paragraphsOf(ahead)[0]!.insert(2, "A");
    const missing = Y.encodeStateAsUpdate(ahead, step);
    const base = Y.encodeStateVector(ahead);
    paragraphsOf(ahead)[0]!.insert(3, "B");
    const dependent = Y.encodeStateAsUpdate(ahead, base);
    expect(missing.length).toBeGreaterThan(0);
    expect(checkContent(s.server, Y.decodeUpdate(dependent), ONE_ROOT)).toMatchObject({
      ok: false,
      code: "invalid-message",
    });
    // A later change of the same client, placed by what the server has, but after a gap in the client's clock.
    const gapBase = Y.encodeStateVector(ahead);
    paragraphsOf(ahead)[0]!.insert(0, "C");
    expect(checkContent(s.server, Y.decodeUpdate(Y.encodeStateAsUpdate(ahead, gapBase)), ONE_ROOT)).toMatchObject({
      ok: false,
      code: "invalid-message",
    });
  });
});

describe("size caps", () => {
  function openEntry(doc: Y.Doc): OpenDocument {
    const sizeBytes = Y.encodeStateAsUpdate(doc).byteLength;
    return { doc, record: { ownerType: "partnership", ownerId: "x", partnershipId: "p" }, sizeBytes } as OpenDocument;
  }

  it("an update over the cap per update, and a growing change once the document would pass its cap", () => {
    const s = session();
    s.edit(() => $getRoot().append($createParagraphNode().append($createTextNode("x".repeat(2_000)))));
    const entry = openEntry(s.server);
    const [update] = s.write(() => $getRoot().append($createParagraphNode().append($createTextNode("y".repeat(500)))));
    expect(checkClientUpdate(entry, update!, { maxUpdateBytes: 100, maxDocumentBytes: 1e6 })).toMatchObject({
      ok: false,
      code: "too-large",
    });
    expect(checkClientUpdate(entry, update!, { maxUpdateBytes: 1e6, maxDocumentBytes: 2_200 })).toMatchObject({
      ok: false,
      code: "too-large",
      message: expect.stringContaining("size limit"),
    });
    expect(checkClientUpdate(entry, update!, { maxUpdateBytes: 1e6, maxDocumentBytes: 1e6 })).toEqual({ ok: true });
    // A full document still takes deletions.
    const before = Y.encodeStateVector(s.client);
    paragraphsOf(s.client)[0]!.delete(0, 1);
    const deletion = Y.encodeStateAsUpdate(s.client, before);
    expect(checkClientUpdate(entry, deletion, { maxUpdateBytes: 1e6, maxDocumentBytes: 10 })).toEqual({ ok: true });
  });
});
