// Presence: who is in a document, from the awareness states Lexical's binding
// publishes ({ name, color, focusing, ... }), one entry per person even with
// several tabs open. Cursor colours come from app/lib/document-schema/presence.ts.
import { useEffect, useState } from "react";
import type { Awareness } from "y-protocols/awareness";

export interface Participant {
  clientId: number;
  name: string;
  color: string;
  focusing: boolean;
  isSelf: boolean;
}

function participantsOf(awareness: Awareness): Participant[] {
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
