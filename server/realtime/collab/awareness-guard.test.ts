import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import { colourFor } from "~/lib/document-schema/presence";
import { sanitiseAwarenessUpdate } from "./awareness-guard";

function presenceOf(name: string, extra: Record<string, unknown> = {}) {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState({ name, color: "#ffffff", focusing: true, ...extra });
  return awareness;
}

function statesAfter(update: Uint8Array) {
  const receiver = new Awareness(new Y.Doc());
  applyAwarenessUpdate(receiver, update, "test");
  return receiver.getStates();
}

const member = { id: "user-sarah", name: "Sarah Whitfield" };

describe("sanitiseAwarenessUpdate", () => {
  it("shows the signed-in member's name and colour, whatever the browser claimed", () => {
    const spoof = presenceOf("Headteacher", { anchorPos: null });
    const update = encodeAwarenessUpdate(spoof, [spoof.clientID]);
    const safe = sanitiseAwarenessUpdate(update, member, () => true);
    const state = statesAfter(safe!).get(spoof.clientID);
    expect(state).toMatchObject({
      name: "Sarah Whitfield",
      color: colourFor("user-sarah"),
      focusing: true,
      anchorPos: null,
    });
  });

  it("drops entries for client ids the socket may not speak for", () => {
    const mine = presenceOf("Me");
    const theirs = presenceOf("Someone else");
    const update = encodeAwarenessUpdate(theirs, [theirs.clientID]);
    expect(sanitiseAwarenessUpdate(update, member, (id) => id === mine.clientID)).toBeNull();
  });

  it("keeps removals (null states) so leaving is still announced", () => {
    const leaving = presenceOf("Me");
    leaving.setLocalState(null);
    const update = encodeAwarenessUpdate(leaving, [leaving.clientID]);
    const safe = sanitiseAwarenessUpdate(update, member, () => true);
    expect(safe).not.toBeNull();
    expect(statesAfter(safe!).has(leaving.clientID)).toBe(false);
  });

  it("refuses malformed updates", () => {
    expect(() => sanitiseAwarenessUpdate(new Uint8Array([1, 5]), member, () => true)).toThrow();
    const awareness = presenceOf("Me");
    const valid = encodeAwarenessUpdate(awareness, [awareness.clientID]);
    expect(() => sanitiseAwarenessUpdate(new Uint8Array([...valid, 7]), member, () => true)).toThrow(/trailing/);
  });
});
