// Students as the viewer may see them: full rows for those whose details they may
// see, name and needs for the students a supporter is deployed to, initials with
// year group and home institution for everyone else.
import { TableWrap } from "~/components/ui/table-wrap";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { COMMUNICATION_MODES, NEED_AREAS, SEN_STATUSES, yearGroupLabel } from "~/lib/co-planning";

interface NamedStudentRow {
  id: string;
  initials: string;
  firstName: string;
  lastName: string;
  yearGroup: number;
  homeInstitution: { name: string };
  senStatus: string;
  needAreas: string[];
  communicationMode: string;
}

export type StudentRow =
  | { visibility: "initials"; id: string; initials: string; yearGroup: number; homeInstitution: { name: string } }
  | (NamedStudentRow & { visibility: "need-to-know" })
  | (NamedStudentRow & { visibility: "full"; atRisk: boolean });

export function studentName(s: StudentRow): string {
  return s.visibility === "initials" ? s.initials : `${s.firstName} ${s.lastName}`;
}

export function StudentTable({
  students,
  caption,
  action,
}: {
  students: StudentRow[];
  caption: string;
  action?: (student: StudentRow) => ReactNode;
}) {
  return (
    <TableWrap label={`${caption}`}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Student</th>
            <th scope="col">Year group</th>
            <th scope="col">Home institution</th>
            <th scope="col">SEN</th>
            <th scope="col">Areas of need</th>
            <th scope="col">Communication</th>
            {action ? <th scope="col">Change</th> : null}
          </tr>
        </thead>
        <tbody>
          {students.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                {s.visibility !== "initials" ? (
                  <>
                    <Link to={`/students/${s.id}`}>
                      {s.firstName} {s.lastName}
                    </Link>
                    {s.visibility === "full" && s.atRisk ? (
                      <>
                        {" "}
                        <span className="badge badge--danger">At risk</span>
                      </>
                    ) : null}
                  </>
                ) : (
                  <span>
                    {s.initials} <span className="visually-hidden">(initials only)</span>
                  </span>
                )}
              </th>
              <td>{yearGroupLabel(s.yearGroup)}</td>
              <td>{s.homeInstitution.name}</td>
              {s.visibility !== "initials" ? (
                <>
                  <td>{SEN_STATUSES.label(s.senStatus)}</td>
                  <td>{s.needAreas.map((a) => NEED_AREAS.label(a)).join("; ") || "None recorded"}</td>
                  <td>{s.communicationMode ? COMMUNICATION_MODES.label(s.communicationMode) : "Not recorded"}</td>
                </>
              ) : (
                <td colSpan={3} className="muted">
                  Details are shared only with the student's home institution, their teachers and leaders.
                </td>
              )}
              {action ? <td>{action(s)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
