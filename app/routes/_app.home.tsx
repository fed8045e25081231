// Home: a page for each role, built from what exists in the partnership today.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { institutionKindLabel } from "~/lib/institutions";
import { ROLE_LABELS, ROLES, type Role } from "~/lib/roles";
import { partnershipOverview } from "~/models/partnerships.server";
import { requireActor } from "~/policies/enforce.server";
import { TableWrap } from "~/components/ui/table-wrap";

export const meta: MetaFunction = () => [{ title: "Home · Staffroom" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const overview = await partnershipOverview(actor.partnershipId);
  return {
    role: actor.role,
    firstName: context.user!.name.split(" ")[0],
    institutionId: actor.institutionId,
    overview,
  };
}

const GREETING: Record<Role, string> = {
  coordinator: "Keep the partnership and its steering group moving.",
  leader: "See how staff across the partnership work together.",
  teacher: "Plan and teach with colleagues across the partnership.",
  lsa: "Find the colleagues you support lessons with, at every site.",
};

export default function HomePage() {
  const { role, firstName, overview, institutionId } = useLoaderData<typeof loader>();
  const mine = overview.institutions.find((i) => i.id === institutionId);
  return (
    <>
      <h1>Welcome, {firstName}</h1>
      <p className="page-intro">{GREETING[role]}</p>

      {role === "coordinator" ? (
        <section aria-labelledby="at-a-glance">
          <h2 id="at-a-glance">The partnership at a glance</h2>
          <div className="grid">
            <div className="card">
              <span className="stat">{overview.institutions.length}</span> institutions
            </div>
            <div className="card">
              <span className="stat">{overview.memberCount}</span> members
            </div>
            <div className="card">
              <span className="stat">{overview.pendingInvites}</span> invitations waiting
            </div>
          </div>
          <div className="actions">
            <Link className="button" to="/people/invite">
              Invite a colleague
            </Link>
            <Link className="button button--secondary" to="/institutions">
              Manage institutions
            </Link>
            <Link className="button button--secondary" to="/audit">
              Read the audit log
            </Link>
          </div>
        </section>
      ) : null}

      {role === "teacher" || role === "lsa" ? (
        <section aria-labelledby="your-institution" className="card">
          <h2 id="your-institution">{mine?.name ?? "Your institution"}</h2>
          <p>
            {mine ? `${mine.memberCount} colleagues from ${mine.name} use Staffroom. ` : ""}
            The partnership has {overview.memberCount} members across {overview.institutions.length} institutions.
          </p>
          <Link to="/people">See who is in the partnership</Link>
        </section>
      ) : null}

      <section aria-labelledby="institutions-heading">
        <h2 id="institutions-heading">Staff across the partnership</h2>
        <TableWrap label="Members of each institution by role">
          <table>
            <caption className="visually-hidden">Members of each institution by role</caption>
            <thead>
              <tr>
                <th scope="col">Institution</th>
                {ROLES.map((r) => (
                  <th scope="col" key={r}>
                    {ROLE_LABELS[r]}s
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {overview.institutions.map((institution) => (
                <tr key={institution.id}>
                  <th scope="row">
                    <Link to={`/people?institution=${institution.id}`}>{institution.name}</Link>
                    <br />
                    <span className="muted">
                      {institutionKindLabel(institution.kind)}
                      {institution.town ? `, ${institution.town}` : ""}
                    </span>
                  </th>
                  {ROLES.map((r) => (
                    <td key={r}>{institution.roleCounts[r] ?? 0}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>

      {role === "coordinator" || role === "leader" ? (
        <section aria-labelledby="newest-heading">
          <h2 id="newest-heading">Newest members</h2>
          <ul>
            {overview.recentMembers.map((member) => (
              <li key={member.id}>
                {member.name}, {ROLE_LABELS[member.role as Role] ?? member.role} at {member.institution.name}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
