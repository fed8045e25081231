// Presence: who is in a document, from the awareness states Lexical's binding
// publishes ({ name, color, focusing, ... }), one entry per person even with
// several tabs open. Also picks a stable, readable cursor colour per user.
import { useEffect, useState } from "react";
import type { Awareness } from "y-protocols/awareness";

export interface Participant {
  clientId: number;
  name: string;
  color: string;
  focusing: boolean;
  isSelf: boolean;
}

// Dark enough for white text on the name label (WCAG AA at 14px bold).
const CURSOR_COLOURS = ["#1f5f4a", "#1a4f9c", "#8a2c8a", "#a4161a", "#7a4b00", "#0f6674", "#5a3ea8", "#2f6b1e"];

export function colourFor(userId: string): string {
  let hash = 0;
  for (const ch of userId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return CURSOR_COLOURS[hash % CURSOR_COLOURS.length]!;
}

export function participantsOf(awareness: Awareness): Participant[] {
  const byName = new Map<string, Participant>();
  for (const [clientId, state] of awareness.getStates()) {
    const name = typeof state.name === "string" ? state.name : "";
    if (!name) continue;
    const isSelf = clientId === awareness.clientID;
    const existing = byName.get(name);
    if (existing && !isSelf) continue;
    byName.set(name, {
      clientId,
      name,
      color: typeof state.color === "string" ? state.color : "#4a5360",
      focusing: state.focusing === true,
      isSelf,
    });
  }
  return [...byName.values()].sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
}

export function useParticipants(awareness: Awareness | null): Participant[] {
  const [participants, setParticipants] = useState<Participant[]>([]);
  useEffect(() => {
    if (!awareness) return;
    const update = () => setParticipants(participantsOf(awareness));
    update();
    awareness.on("change", update);
    return () => awareness.off("change", update);
  }, [awareness]);
  return participants;
}
