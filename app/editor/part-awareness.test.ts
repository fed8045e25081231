// Presence per part of one document: the caret, focus and cursor of a person show in the part they are in only.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { Awareness } from "y-protocols/awareness";
import { PartAwareness } from "./part-awareness";

function setup() {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState(null);
  const starter = new PartAwareness(awareness, "starter");
  const plenary = new PartAwareness(awareness, "plenary");
  const init = (view: PartAwareness) =>
    view.setLocalState({ name: "Sarah", color: "#123", anchorPos: null, focusPos: null, focusing: false });
  init(starter);
  init(plenary);
  return { awareness, starter, plenary };
}

describe("PartAwareness", () => {
  it("moves the caret to the part that takes focus, and hides it from the others", () => {
    const { awareness, starter, plenary } = setup();
    starter.setLocalStateField("focusing", true);
    starter.setLocalStateField("anchorPos", { at: 3 });
    expect(awareness.getLocalState()).toMatchObject({ part: "starter", focusing: true, anchorPos: { at: 3 } });
    expect(plenary.getLocalState()).toMatchObject({ focusing: false, anchorPos: null, name: "Sarah" });
    // Blur in the starter, then focus in the plenary (the browser's order).
    starter.setLocalStateField("focusing", false);
    plenary.setLocalStateField("focusing", true);
    expect(awareness.getLocalState()).toMatchObject({ part: "plenary", focusing: true });
    expect(starter.getLocalState()).toMatchObject({ focusing: false, anchorPos: null });
  });

  it("does not let a part without the caret clear it (a remote change redraws the selection there)", () => {
    const { awareness, starter, plenary } = setup();
    plenary.setLocalState({ name: "Sarah", color: "#123", anchorPos: { at: 1 }, focusPos: { at: 1 }, focusing: true });
    starter.setLocalState({ name: "Sarah", color: "#123", anchorPos: null, focusPos: null, focusing: false });
    expect(awareness.getLocalState()).toMatchObject({ part: "plenary", focusing: true, anchorPos: { at: 1 } });
  });

  it("shows other people's presence in their part only, and ignores a part's attempt to leave", () => {
    const { awareness, starter, plenary } = setup();
    awareness.states.set(99, { name: "Tom", color: "#456", part: "plenary", focusing: true, anchorPos: { at: 0 } });
    expect(plenary.getStates().get(99)).toMatchObject({ focusing: true, anchorPos: { at: 0 } });
    expect(starter.getStates().get(99)).toMatchObject({ name: "Tom", focusing: false, anchorPos: null });
    starter.setLocalState(null);
    expect(awareness.getLocalState()).not.toBeNull();
  });
});
