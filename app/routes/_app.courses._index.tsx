// The partnership's courses: filter by subject, key stage, institution and kind; sort; page through.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { TableWrap } from "~/components/ui/table-wrap";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { Pagination } from "~/components/ui/pagination";
import { COURSE_KINDS, COURSE_SORTS, KEY_STAGES, SUBJECTS, type CourseSort } from "~/lib/co-planning";
import { formatDate } from "~/lib/format";
import { listCourses } from "~/models/courses.server";
import { listInstitutions } from "~/models/institutions.server";
import { canCreateCourse, canViewCourses } from "~/policies/course";
import { ensure, requireActor } from "~/policies/enforce.server";
import { pageFromQuery } from "~/lib/pagination";

export const meta: MetaFunction = () => [{ title: "Courses · Staffroom" }];

const SORT_LABELS: Record<CourseSort, string> = {
  title: "Title (A to Z)",
  recent: "Recently changed",
  subject: "Subject",
};

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  ensure(canViewCourses(actor));
  const url = new URL(request.url);
  const param = (name: string) => url.searchParams.get(name) ?? "";
  const filters = {
    subject: SUBJECTS.is(param("subject")) ? param("subject") : "",
    keyStage: KEY_STAGES.is(param("keyStage")) ? param("keyStage") : "",
    kind: COURSE_KINDS.is(param("kind")) ? param("kind") : "",
    institution: param("institution").slice(0, 64),
    sort: ((COURSE_SORTS as readonly string[]).includes(param("sort")) ? param("sort") : "title") as CourseSort,
  };
  const [result, institutions] = await Promise.all([
    listCourses(actor.partnershipId, {
      subject: filters.subject || undefined,
      keyStage: filters.keyStage || undefined,
      kind: filters.kind || undefined,
      institutionId: filters.institution || undefined,
      sort: filters.sort,
      page: pageFromQuery(url.searchParams),
    }),
    listInstitutions(actor.partnershipId),
  ]);
  return {
    ...result,
    filters,
    filtered: Boolean(filters.subject || filters.keyStage || filters.kind || filters.institution),
    institutions: institutions.map((i) => ({ id: i.id, name: i.name })),
    canCreate: canCreateCourse(actor),
  };
}

function Select({
  id,
  name,
  label,
  value,
  all,
  options,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  all?: string;
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        {all ? <option value="">{all}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function CoursesPage() {
  const { courses, total, page, pageCount, filters, filtered, institutions, canCreate } =
    useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/courses";
  return (
    <>
      <h1>Courses</h1>
      <p className="page-intro">
        The qualifications and adapted modules the partnership plans and teaches together, with their units, groups and
        co-planners.
      </p>
      {canCreate ? (
        <p>
          <Link className="button" to="/courses/new">
            Add a course
          </Link>
        </p>
      ) : null}
      <Form method="get" className="filters" aria-label="Filter courses">
        <Select
          id="filter-subject"
          name="subject"
          label="Subject"
          value={filters.subject}
          all="All subjects"
          options={SUBJECTS.options}
        />
        <Select
          id="filter-key-stage"
          name="keyStage"
          label="Key stage"
          value={filters.keyStage}
          all="All key stages"
          options={KEY_STAGES.options}
        />
        <Select
          id="filter-institution"
          name="institution"
          label="Institution (lead or site)"
          value={filters.institution}
          all="All institutions"
          options={institutions.map((i) => ({ value: i.id, label: i.name }))}
        />
        <Select
          id="filter-kind"
          name="kind"
          label="Kind"
          value={filters.kind}
          all="Qualifications and modules"
          options={COURSE_KINDS.options}
        />
        <Select
          id="filter-sort"
          name="sort"
          label="Sort by"
          value={filters.sort}
          options={COURSE_SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))}
        />
        <button type="submit" className="button button--secondary">
          {loading ? "Filtering…" : "Filter"}
        </button>
      </Form>
      <p role="status" aria-live="polite">
        {loading ? "Loading…" : `${total} ${total === 1 ? "course" : "courses"}`}
      </p>
      {courses.length === 0 ? (
        <div className="card">
          <p>
            {filtered
              ? "No course matches these filters. Choose “All subjects”, “All key stages” and “All institutions” to see every course."
              : canCreate
                ? "The partnership has no courses yet. Add the first one: give it a title, its units and the colleagues who plan it with you."
                : "The partnership has no courses yet. Teachers and the coordinator add them."}
          </p>
        </div>
      ) : (
        <TableWrap label="Courses of the partnership">
          <table>
            <caption className="visually-hidden">Courses of the partnership</caption>
            <thead>
              <tr>
                <th scope="col">Course</th>
                <th scope="col">Subject</th>
                <th scope="col">Key stage</th>
                <th scope="col">Lead institution</th>
                <th scope="col">Units</th>
                <th scope="col">Groups</th>
                <th scope="col">Last changed</th>
              </tr>
            </thead>
            <tbody>
              {courses.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/courses/${c.id}`}>{c.title}</Link>
                    <br />
                    <span className="muted">
                      {c.kind === "qualification"
                        ? c.qualification || COURSE_KINDS.label(c.kind)
                        : COURSE_KINDS.label(c.kind)}
                    </span>
                  </td>
                  <td>{SUBJECTS.label(c.subject)}</td>
                  <td>{KEY_STAGES.label(c.keyStage)}</td>
                  <td>{c.leadInstitution.name}</td>
                  <td>{c._count.units}</td>
                  <td>{c._count.groups}</td>
                  <td>{formatDate(c.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Pagination page={page} pageCount={pageCount} label="Course pages" />
    </>
  );
}
