// The students of a deployment on its briefing: the supporter's need-to-know (name, SEN, areas of need,
// communication mode) for each student the visibility rule lets her see, initials for the others.
import { Link } from "@remix-run/react";
import { COMMUNICATION_MODES, NEED_AREAS, SEN_STATUSES, yearGroupLabel } from "~/lib/co-planning";

export interface DeploymentStudent {
  id: string;
  name: string;
  /** "initials": no name, needs or link; "need-to-know": shown because the viewer is deployed to support them. */
  visibility: "full" | "need-to-know" | "initials";
  yearGroup: number | null;
  homeInstitution: string;
  senStatus: string;
  needAreas: string[];
  communicationMode: string;
}

export function DeploymentStudents({ students }: { students: DeploymentStudent[] }) {
  if (students.length === 0) return <p>The whole group.</p>;
  const anyInitials = students.some((s) => s.visibility === "initials");
  const anyNeedToKnow = students.some((s) => s.visibility === "need-to-know");
  return (
    <>
      <ul className="item-list">
        {students.map((s) => (
          <li key={s.id}>
            <p>
              {s.visibility === "initials" ? s.name : <Link to={`/students/${s.id}`}>{s.name}</Link>} (
              {[s.homeInstitution, s.yearGroup ? yearGroupLabel(s.yearGroup) : ""].filter(Boolean).join(", ")})
            </p>
            {s.visibility !== "initials" ? (
              <dl className="facts">
                <div>
                  <dt>SEN</dt>
                  <dd>{SEN_STATUSES.label(s.senStatus)}</dd>
                </div>
                <div>
                  <dt>Areas of need</dt>
                  <dd>{s.needAreas.map((a) => NEED_AREAS.label(a)).join("; ") || "None recorded"}</dd>
                </div>
                <div>
                  <dt>Communication</dt>
                  <dd>{s.communicationMode ? COMMUNICATION_MODES.label(s.communicationMode) : "Not recorded"}</dd>
                </div>
              </dl>
            ) : null}
          </li>
        ))}
      </ul>
      {anyNeedToKnow ? (
        <p className="muted">
          You see these students' names and needs because you are deployed to support them, until a fortnight after the
          lesson. Each view is recorded in the partnership's audit log.
        </p>
      ) : null}
      {anyInitials ? (
        <p className="hint">
          Students shown by initials: their details go to the people deployed to support them, staff of their
          institution, their teachers, leaders and the coordinator.
        </p>
      ) : null}
    </>
  );
}
