// One document, several editors (a lesson plan's parts, each a root of the plan's document), one presence per
// person: the shared awareness state says which part a person's caret is in (`part`), and each part's editor sees
// it through a view in which people elsewhere have no caret and no focus. Lexical's binding reads and writes
// presence through the view as if it were the whole document's, so cursors show in the right part only.
import type { Awareness } from "y-protocols/awareness";

type PresenceState = Record<string, unknown>;
type Listener = (...args: never[]) => void;

export class PartAwareness {
  constructor(
    private readonly awareness: Awareness,
    readonly part: string,
  ) {}

  getLocalState(): PresenceState | null {
    const state = this.awareness.getLocalState();
    return state ? this.asSeenHere(state) : null;
  }

  getStates(): Map<number, PresenceState> {
    const seen = new Map<number, PresenceState>();
    for (const [clientId, state] of this.awareness.getStates()) seen.set(clientId, this.asSeenHere(state));
    return seen;
  }

  setLocalState(next: PresenceState | null): void {
    // Leaving the document is the shared connection's to say, not one part's.
    if (next === null) return;
    const current = this.awareness.getLocalState();
    const claimsCaret = next.focusing === true || (next.anchorPos ?? null) !== null;
    if (claimsCaret || !current || current.part === this.part || current.part === undefined) {
      this.awareness.setLocalState({ ...next, part: this.part });
      return;
    }
    // The caret is in another part: this part may only change what every part shares.
    this.awareness.setLocalState({ ...current, name: next.name, color: next.color, awarenessData: next.awarenessData });
  }

  setLocalStateField(field: string, value: unknown): void {
    const state = this.getLocalState();
    if (state) this.setLocalState({ ...state, [field]: value });
  }

  on(type: "update" | "change", listener: Listener): void {
    this.awareness.on(type, listener as never);
  }

  off(type: "update" | "change", listener: Listener): void {
    this.awareness.off(type, listener as never);
  }

  private asSeenHere(state: PresenceState): PresenceState {
    if (state.part === this.part) return state;
    return { ...state, anchorPos: null, focusPos: null, focusing: false };
  }
}
