// The partnership's people: a directory every member can browse, filtered in the URL.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { ROLE_LABELS, ROLES, isRole, type Role } from "~/lib/roles";
import { listInstitutions } from "~/models/institutions.server";
import { listMembers } from "~/models/members.server";
import { canInviteMembers, canManageMember, canViewMembers } from "~/policies/membership";
import { ensure, requireActor } from "~/policies/enforce.server";
import { TableWrap } from "~/components/ui/table-wrap";

export const meta: MetaFunction = () => [{ title: "People · Staffroom" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  ensure(canViewMembers(actor));
  const url = new URL(request.url);
  const institution = url.searchParams.get("institution") ?? "";
  const role = url.searchParams.get("role") ?? "";
  const showDeactivated = url.searchParams.get("show") === "all" && actor.role === "coordinator";
  const [members, institutions] = await Promise.all([
    listMembers(actor.partnershipId, {
      institutionId: institution || undefined,
      role: isRole(role) ? role : undefined,
      includeDeactivated: showDeactivated,
    }),
    listInstitutions(actor.partnershipId),
  ]);
  return {
    filters: { institution, role, showDeactivated },
    institutions: institutions.map((i) => ({ id: i.id, name: i.name })),
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      email: m.email,
      role: m.role as Role,
      jobTitle: m.jobTitle,
      institution: m.institution.name,
      deactivated: Boolean(m.deactivatedAt),
      manageable: canManageMember(actor, m),
    })),
    canInvite: canInviteMembers(actor),
    isCoordinator: actor.role === "coordinator",
  };
}

export default function PeoplePage() {
  const { members, institutions, filters, canInvite, isCoordinator } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/people";
  return (
    <>
      <h1>People</h1>
      <p className="page-intro">Everyone who plans, teaches and supports lessons across the partnership.</p>
      {canInvite ? (
        <p>
          <Link className="button" to="/people/invite">
            Invite a colleague
          </Link>
        </p>
      ) : null}
      <Form method="get" className="filters" aria-label="Filter people">
        <div className="field">
          <label htmlFor="filter-institution">Institution</label>
          <select id="filter-institution" name="institution" defaultValue={filters.institution}>
            <option value="">All institutions</option>
            {institutions.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-role">Role</label>
          <select id="filter-role" name="role" defaultValue={filters.role}>
            <option value="">All roles</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        {isCoordinator ? (
          <div className="field">
            <label>
              <input type="checkbox" name="show" value="all" defaultChecked={filters.showDeactivated} /> Include
              deactivated accounts
            </label>
          </div>
        ) : null}
        <button type="submit" className="button button--secondary">
          {loading ? "Filtering…" : "Filter"}
        </button>
      </Form>
      <p role="status" aria-live="polite">
        {loading ? "Loading…" : `${members.length} ${members.length === 1 ? "person" : "people"}`}
      </p>
      {members.length === 0 ? (
        <div className="card">
          <p>Nobody matches these filters. Choose “All institutions” and “All roles” to see everyone.</p>
        </div>
      ) : (
        <TableWrap label="People in the partnership">
          <table>
            <caption className="visually-hidden">People in the partnership</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Institution</th>
                <th scope="col">Email address</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id}>
                  <td>
                    {m.manageable ? <Link to={`/people/${m.id}`}>{m.name}</Link> : m.name}
                    {m.deactivated ? (
                      <>
                        {" "}
                        <span className="badge badge--muted">Deactivated</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {ROLE_LABELS[m.role] ?? m.role}
                    {m.jobTitle ? <span className="muted"> · {m.jobTitle}</span> : null}
                  </td>
                  <td>{m.institution}</td>
                  <td>
                    <a href={`mailto:${m.email}`}>{m.email}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
