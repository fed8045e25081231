// The coordinator's leavers: students marked as left, with the day each record will be erased, and the
// partnership's retention period for them (decision 019). Viewing the list is audited like any list of students.
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { lazySection } from "~/components/ui/lazy-section";
import { Notice } from "~/components/ui/notice";
import { TableWrap } from "~/components/ui/table-wrap";
import { yearGroupLabel } from "~/lib/co-planning";
import { formatDate } from "~/lib/format";
import { studentRetentionSchema } from "~/lib/forms/students";
import { listLeavers, setStudentRetentionYears } from "~/models/student-leavers.server";
import { ensure, requireActionContext } from "~/policies/enforce.server";
import { canManageStudentRetention } from "~/policies/student";

const RetentionForm = lazySection(() => import("./retention-form").then((m) => m.RetentionForm));

export const meta: MetaFunction = () => [{ title: "Leavers and retention · Staffroom" }];

const NOT_ALLOWED = "Only the coordinator sees the leavers and sets how long their records are kept.";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requireActionContext(context, request);
  ensure(canManageStudentRetention(ctx.actor), NOT_ALLOWED);
  const { years, leavers } = await listLeavers(ctx);
  return {
    years,
    leavers: leavers.map((l) => ({
      id: l.id,
      name: `${l.firstName} ${l.lastName}`,
      yearGroup: l.yearGroup,
      homeInstitution: l.homeInstitution.name,
      leftOn: l.leftOn.toISOString(),
      erasureDue: l.erasureDue.toISOString(),
    })),
  };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requireActionContext(context, request);
  ensure(canManageStudentRetention(ctx.actor), NOT_ALLOWED);
  const submission = parseWithZod(await request.formData(), { schema: studentRetentionSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), message: "" }, { status: 400 });
  await setStudentRetentionYears(ctx, submission.value.years);
  return { result: submission.reply(), message: `Leavers' records are now kept for ${submission.value.years} years.` };
}

export default function LeaversPage() {
  const { years, leavers } = useLoaderData<typeof loader>();
  const actionData = useLastActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/students">Back to students</Link>
      </p>
      <h1>Leavers and retention</h1>
      <p className="page-intro">
        Students marked as left are out of group lists and deployment pickers. Their records are kept for the retention
        period after their leaving date, then erased: the record goes and their name is replaced in plans, briefings,
        notes and versions.
      </p>
      {actionData?.message ? (
        <Notice tone="success">
          <p>{actionData.message}</p>
        </Notice>
      ) : null}
      <section className="card" aria-labelledby="leavers-heading">
        <h2 id="leavers-heading">Leavers</h2>
        {leavers.length === 0 ? (
          <p>No student is marked as left. Mark a student as left from their record.</p>
        ) : (
          <TableWrap label="Leavers">
            <table>
              <thead>
                <tr>
                  <th scope="col">Student</th>
                  <th scope="col">Home institution</th>
                  <th scope="col">Left on</th>
                  <th scope="col">Erased on</th>
                </tr>
              </thead>
              <tbody>
                {leavers.map((l) => (
                  <tr key={l.id}>
                    <td>
                      <Link to={`/students/${l.id}`}>{l.name}</Link>{" "}
                      <span className="muted">· {yearGroupLabel(l.yearGroup)}</span>
                    </td>
                    <td>{l.homeInstitution}</td>
                    <td>{formatDate(l.leftOn)}</td>
                    <td>{formatDate(l.erasureDue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
      <section className="card narrow" aria-labelledby="retention-heading">
        <h2 id="retention-heading">Retention period</h2>
        <RetentionForm years={years} lastResult={actionData?.result} />
      </section>
    </>
  );
}
