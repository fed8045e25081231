// The mentions a stored document holds, read straight from its Yjs types (every root, no editor needed): the server
// reads them where it copies a document's text out, to tell each mentioned member once (decision 030).
import * as Y from "yjs";

export interface DocumentMention {
  personId: string;
  mentionId: string;
  /** The line the mention is in, for the notification's excerpt. */
  line: string;
}

/** Every mention with both ids set, each (person, mention id) once. */
export function mentionsInState(state: Uint8Array): DocumentMention[] {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const found = new Map<string, DocumentMention>();
    const walk = (type: Y.XmlText) => {
      let line = "";
      const here: Array<Omit<DocumentMention, "line">> = [];
      for (const op of type.toDelta() as Array<{ insert?: unknown }>) {
        if (typeof op.insert === "string") line += op.insert;
        else if (op.insert instanceof Y.XmlText) walk(op.insert);
        else if (op.insert instanceof Y.Map && op.insert.get("__type") === "mention") {
          const personId = op.insert.get("__personId");
          const mentionId = op.insert.get("__mentionId");
          if (typeof personId === "string" && personId && typeof mentionId === "string" && mentionId) {
            here.push({ personId, mentionId });
          }
        }
      }
      for (const mention of here) {
        const key = `${mention.personId}:${mention.mentionId}`;
        if (!found.has(key)) found.set(key, { ...mention, line });
      }
    };
    for (const name of [...doc.share.keys()]) walk(doc.get(name, Y.XmlText));
    return [...found.values()];
  } finally {
    doc.destroy();
  }
}
