// Mentions inside a co-edited document (decision 030) through the server's schema check: what the editor writes when
// someone picks a member from the `@` list passes, reads back as the same node, and is found by the server's reader
// of mentions; a forged mention (a script for an id, an extra property, a style, a mention that is not a token, one
// inside a link) is refused like any other node the editor never writes.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { headlessWriter, yjsStateToEditorState, yjsStateToPlainText } from "~/lib/document-schema/headless";
import { $createMentionNode } from "~/lib/document-schema/mention-node";
import { mentionsInState } from "~/lib/document-schema/mentions";
import { checkContent } from "./content-guard";

const ROOTS = new Set(["root"]);
const REFUSED = { ok: false, code: "invalid-content" };

/** A server copy holding one paragraph, and an editor's copy of it whose changes are checked on their way over. */
function session() {
  const server = new Y.Doc();
  const client = new Y.Doc();
  const editor = headlessWriter(client, "root");
  const pending: Uint8Array[] = [];
  client.on("update", (update: Uint8Array) => pending.push(update));
  const check = (update: Uint8Array) => {
    const verdict = checkContent(server, Y.decodeUpdate(update), ROOTS);
    if (verdict.ok) Y.applyUpdate(server, update);
    return verdict;
  };
  editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode("Starter: "))), {
    discrete: true,
  });
  pending.splice(0).forEach(check);
  return {
    server,
    edit: (change: () => void) => {
      editor.update(change, { discrete: true });
      return pending.splice(0).map(check);
    },
    forge: (change: (paragraph: Y.XmlText) => void) => {
      const before = Y.encodeStateVector(client);
      const paragraph = client.get("root", Y.XmlText).toDelta()[0].insert as Y.XmlText;
      client.transact(() => change(paragraph));
      pending.length = 0;
      return checkContent(server, Y.decodeUpdate(Y.encodeStateAsUpdate(client, before)), ROOTS);
    },
  };
}

function mentionMap(properties: Record<string, unknown> = {}): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  const base = { __type: "mention", __format: 0, __style: "", __mode: 1, __detail: 0 };
  for (const [key, value] of Object.entries({ ...base, __personId: "clx1person", __mentionId: "m1", ...properties }))
    map.set(key, value);
  return map;
}

describe("a mention in a document", () => {
  it("as the editor writes it passes the check, reads back as a mention and is found by the server", async () => {
    const s = session();
    const verdicts = s.edit(() => {
      const paragraph = $getRoot().getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>();
      paragraph.append($createMentionNode("clx1person", "a1b2c3", "@Dan Osei"), $createTextNode(" can you lead?"));
    });
    expect(verdicts.length).toBeGreaterThan(0);
    expect(verdicts.filter((v) => !v.ok)).toEqual([]);

    const state = Y.encodeStateAsUpdate(s.server);
    expect(await yjsStateToPlainText(state)).toBe("Starter: @Dan Osei can you lead?");
    const json = JSON.stringify(await yjsStateToEditorState(state));
    expect(json).toContain('"type":"mention"');
    expect(json).toContain('"personId":"clx1person"');
    expect(mentionsInState(state)).toEqual([
      { personId: "clx1person", mentionId: "a1b2c3", line: "Starter: @Dan Osei can you lead?" },
    ]);
  });

  it("forged is refused: a script for an id, an extra or styled property, not a token, inside a link", () => {
    const forged = (properties: Record<string, unknown>) =>
      session().forge((paragraph) => {
        paragraph.insertEmbed(0, mentionMap(properties));
        paragraph.insert(1, "@Someone");
      });
    expect(forged({})).toEqual({ ok: true });
    expect(forged({ __personId: '"><img src=x onerror=alert(1)>' })).toMatchObject(REFUSED);
    expect(forged({ __mentionId: "x".repeat(65) })).toMatchObject(REFUSED);
    expect(forged({ __personId: 42 })).toMatchObject(REFUSED);
    expect(forged({ __href: "https://evil.example" })).toMatchObject(REFUSED);
    expect(forged({ __style: "position:fixed;inset:0" })).toMatchObject(REFUSED);
    expect(forged({ __mode: 0 })).toMatchObject(REFUSED);
    const inLink = session().forge((paragraph) => {
      const link = new Y.XmlText();
      link.setAttribute("__type", "link");
      link.setAttribute("__url", "https://www.example.org");
      paragraph.insertEmbed(0, link);
      link.insertEmbed(0, mentionMap());
      link.insert(1, "@Someone");
    });
    expect(inLink).toMatchObject(REFUSED);
  });
});
