// Students of the partnership, filtered by institution and year group. Rows show
// initials where the viewer may not see the student's details; full rows are audited.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { StudentTable } from "~/components/student-table";
import { Notice } from "~/components/ui/notice";
import { Pagination } from "~/components/ui/pagination";
import { YEAR_GROUPS, yearGroupLabel } from "~/lib/co-planning";
import { listInstitutions } from "~/models/institutions.server";
import { viewStudents } from "~/models/students.server";
import { ensure, requireActionContext } from "~/policies/enforce.server";
import { canCreateStudents, canListStudents, canManageStudentRetention } from "~/policies/student";
import { pageFromQuery } from "~/lib/pagination";

export const meta: MetaFunction = () => [{ title: "Students · Staffroom" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  // Students shown in full are audited: the loader acts with the address too.
  const ctx = requireActionContext(context, request);
  const { actor } = ctx;
  ensure(canListStudents(actor), "LSAs see the students of the groups they are deployed with, on those groups' pages.");
  const url = new URL(request.url);
  const institution = (url.searchParams.get("institution") ?? "").slice(0, 64);
  const year = Number(url.searchParams.get("year") ?? "");
  const yearGroup = (YEAR_GROUPS as readonly number[]).includes(year) ? year : undefined;
  const [result, institutions] = await Promise.all([
    viewStudents(
      ctx,
      { homeInstitutionId: institution || undefined, yearGroup, page: pageFromQuery(url.searchParams) },
      "list",
    ),
    listInstitutions(actor.partnershipId),
  ]);
  return {
    ...result,
    filters: { institution, year: yearGroup ? String(yearGroup) : "" },
    institutions: institutions.map((i) => ({ id: i.id, name: i.name })),
    canCreate: canCreateStudents(actor),
    canSeeLeavers: canManageStudentRetention(actor),
    erased: url.searchParams.get("erased") === "1",
  };
}

export default function StudentsPage() {
  const { students, total, page, pageCount, filters, institutions, canCreate, canSeeLeavers, erased } =
    useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/students";
  const filtered = Boolean(filters.institution || filters.year);
  return (
    <>
      <h1>Students</h1>
      <p className="page-intro">
        Students taught in the partnership's shared courses. You see the details of students of your own institution and
        of the groups you teach; others show initials only. Every view of a student's details is recorded in the audit
        log.
      </p>
      {erased ? (
        <Notice tone="success">
          <p>The student&apos;s record has been erased, and their name replaced wherever it was written.</p>
        </Notice>
      ) : null}
      {canCreate || canSeeLeavers ? (
        <p className="actions">
          {canCreate ? (
            <Link className="button" to="/students/new">
              Add a student
            </Link>
          ) : null}
          {canSeeLeavers ? <Link to="/students/leavers">Leavers and retention</Link> : null}
        </p>
      ) : null}
      <Form method="get" className="filters" aria-label="Filter students">
        <div className="field">
          <label htmlFor="filter-institution">Home institution</label>
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
          <label htmlFor="filter-year">Year group</label>
          <select id="filter-year" name="year" defaultValue={filters.year}>
            <option value="">All year groups</option>
            {YEAR_GROUPS.map((y) => (
              <option key={y} value={y}>
                {yearGroupLabel(y)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {loading ? "Filtering…" : "Filter"}
        </button>
      </Form>
      <p role="status" aria-live="polite">
        {loading ? "Loading…" : `${total} ${total === 1 ? "student" : "students"}`}
      </p>
      {students.length === 0 ? (
        <div className="card">
          <p>
            {filtered
              ? "No student matches these filters. Choose “All institutions” and “All year groups” to see everyone."
              : canCreate
                ? "No students yet. Add the students of your institution who take a shared course, then add them to its teaching group."
                : "No students yet. Teachers and the coordinator add them."}
          </p>
        </div>
      ) : (
        <StudentTable students={students} caption="Students of the partnership" />
      )}
      <Pagination page={page} pageCount={pageCount} label="Student pages" />
    </>
  );
}
