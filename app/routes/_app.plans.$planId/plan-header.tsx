// The top of a plan: what, when, where, for whom; its status (changed by
// editors); the lesson details form and the way to duplicate it.
import { getFormProps } from "@conform-to/react";
import { useZodForm } from "~/components/ui/use-zod-form";
import { Form, Link } from "@remix-run/react";
import { FormErrors, SelectField, TextField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { LESSON_STATUSES } from "~/lib/co-planning";
import { formatDate } from "~/lib/format";
import { NumberField } from "~/components/lesson-plan/fields";
import { TimetableDayWarning } from "~/components/lesson-plan/timetable-day-warning";
import { Notice } from "~/components/ui/notice";
import { lastResultFor, type PlanActionData, type PlanPage } from "./plan-forms";

export function PlanHeader({
  page,
  actionData,
  editing,
}: {
  page: PlanPage;
  actionData: PlanActionData;
  /** The editing view (its forms); otherwise the reading view, with the way into editing. */
  editing: boolean;
}) {
  const { plan, canEdit } = page;
  return (
    <>
      <p className="no-print">
        <Link to={`/courses/${plan.course.id}`}>Back to {plan.course.title}</Link>
      </p>
      <h1>{plan.title}</h1>
      <dl className="facts">
        <div>
          <dt>Course</dt>
          <dd>
            {plan.course.title}
            {plan.unit ? `: ${plan.unit.title}` : ""}
          </dd>
        </div>
        <div>
          <dt>Group</dt>
          <dd>{plan.group ? `${plan.group.name}, at ${plan.group.site.name}` : "No group chosen"}</dd>
        </div>
        <div>
          <dt>When</dt>
          <dd>
            {plan.lessonDate ? formatDate(plan.lessonDate) : "No date"}
            {plan.startTime ? ` at ${plan.startTime}` : ""}, {plan.durationMinutes} minutes
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`status status--${plan.status}`}>{LESSON_STATUSES.label(plan.status)}</span>
          </dd>
        </div>
      </dl>
      {page.dateWarning ? (
        <Notice tone="warning">
          <p>{page.dateWarning}</p>
        </Notice>
      ) : null}
      {canEdit ? (
        <p className="plan-mode no-print">
          {editing ? (
            <Link to={`/plans/${plan.id}`} className="button button--secondary">
              Back to the reading view
            </Link>
          ) : (
            <Link to={`/plans/${plan.id}?edit`} className="button button--secondary">
              Edit details, deployment and resources
            </Link>
          )}{" "}
          <span className="hint">
            {editing
              ? "The text below is saved as you type."
              : "Type in any part below to change it: it is saved as you type."}
          </span>
        </p>
      ) : null}
      {editing ? (
        <div className="plan-tools">
          <StatusForm page={page} actionData={actionData} />
          <details className="card narrow">
            <summary>Change title, unit, group, date or length</summary>
            <DetailsForm page={page} actionData={actionData} />
          </details>
          <p>
            <Link to={`/plans/${plan.id}/duplicate`}>Duplicate this plan for another group or date</Link>
          </p>
        </div>
      ) : null}
    </>
  );
}

function StatusForm({ page, actionData }: { page: PlanPage; actionData: PlanActionData }) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/lesson-plans").then((m) => m.statusSchema), {
    id: `status-${page.plan.status}`,
    lastResult: lastResultFor(actionData, "status"),
    defaultValue: { status: LESSON_STATUSES.is(page.plan.status) ? page.plan.status : undefined },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="inline-form">
      <SelectField meta={fields.status} label="Status" options={LESSON_STATUSES.options} />
      <SubmitButton name="intent" value="status" variant="secondary" pendingLabel="Changing…">
        Change status
      </SubmitButton>
    </Form>
  );
}

function DetailsForm({ page, actionData }: { page: PlanPage; actionData: PlanActionData }) {
  const { plan } = page;
  const [form, fields] = useZodForm(() => import("~/lib/forms/lesson-plans").then((m) => m.planDetailsSchema), {
    id: `details-${plan.updatedAt instanceof Date ? plan.updatedAt.getTime() : String(plan.updatedAt)}`,
    lastResult: lastResultFor(actionData, "details"),
    defaultValue: {
      title: plan.title,
      unitId: plan.unitId ?? "",
      groupId: plan.groupId ?? "",
      lessonDate: plan.lessonDate,
      startTime: plan.startTime,
      durationMinutes: plan.durationMinutes,
    },
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <TextField meta={fields.title} label="Title" />
      <SelectField
        meta={fields.unitId}
        label="Unit"
        options={page.units.map((u) => ({ value: u.id, label: u.title }))}
        placeholder="No unit"
      />
      <SelectField
        meta={fields.groupId}
        label="Teaching group"
        options={page.groups.map((g) => ({ value: g.id, label: g.name }))}
        placeholder="No group"
      />
      <TextField meta={fields.lessonDate} type="date" label="Date" />
      <TimetableDayWarning date={fields.lessonDate.value} group={page.groupDays[fields.groupId.value ?? ""]} />
      <TextField meta={fields.startTime} type="time" label="Start time" hint="Optional." />
      <NumberField meta={fields.durationMinutes} label="Length in minutes" />
      <SubmitButton name="intent" value="details" pendingLabel="Saving…">
        Save lesson details
      </SubmitButton>
    </Form>
  );
}
