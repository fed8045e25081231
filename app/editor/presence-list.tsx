// Who is in the document right now, each with the colour of their cursor.
import type { Participant } from "./presence";

export function PresenceList({ participants }: { participants: Participant[] }) {
  if (participants.length === 0) return null;
  return (
    <div className="presence">
      <h2 className="visually-hidden">People in this document</h2>
      <ul className="presence__list" aria-label="People in this document">
        {participants.map((p) => (
          <li key={p.clientId} className="presence__person" data-name={p.name}>
            <span className="presence__dot" style={{ backgroundColor: p.color }} aria-hidden="true" />
            {p.isSelf ? `${p.name} (you)` : p.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
