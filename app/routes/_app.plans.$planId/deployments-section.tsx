// LSA deployment in a plan: who supports whom, when, how and for how long; the
// briefing (the EEF's four need-to-knows and independence), whether it was read,
// and the pattern of support it makes, warnings included.
import { getFormProps } from "@conform-to/react";
import { useState, type FormEvent } from "react";
import { useZodForm } from "~/components/ui/use-zod-form";
import { Form, Link } from "@remix-run/react";
import { FormErrors, SelectField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { SubmitButton } from "~/components/ui/submit-button";
import { TableWrap } from "~/components/ui/table-wrap";
import { DEPLOYMENT_MODES, LESSON_PHASES, SUPPORTER_ROLES } from "~/lib/co-planning";
import { formatDateTime } from "~/lib/format";
import { DEPLOY_ANYWAY } from "~/lib/forms/labels";
import { ClashConfirm } from "~/components/clash-confirm";
import { ChoiceGroupField, TextAreaField } from "~/components/ui/choice-fields";
import { NumberField, PlainText } from "~/components/lesson-plan/fields";
import { lastResultFor, type PlanActionData, type PlanPage } from "./plan-forms";

const BRIEFING = [
  { name: "concepts", label: "Concepts being taught" },
  { name: "skills", label: "Skills the students practise" },
  { name: "outcomes", label: "Intended outcomes" },
  { name: "feedbackExpected", label: "Feedback you expect after the lesson" },
  {
    name: "independence",
    label: "How they will build independence",
    hint: "Prompt before clue, clue before model, model before correct.",
  },
] as const;

/** The briefing's questions, as the deploy form and each briefing form ask them. */
function BriefingFields({
  fields,
}: {
  fields: Record<(typeof BRIEFING)[number]["name"], Parameters<typeof TextAreaField>[0]["meta"]>;
}) {
  return BRIEFING.map((b) => (
    <TextAreaField
      key={b.name}
      meta={fields[b.name]}
      label={b.label}
      hint={"hint" in b ? b.hint : undefined}
      rows={3}
      warnOfStudentNames
    />
  ));
}

/** What the deploy form keeps after a deployment: how the next supporter is likely to be deployed too. */
const KEPT_CHOICES = ["supporterRole", "phase", "mode", "minutes"] as const;

export function DeploymentsSection({ page, actionData }: { page: PlanPage; actionData: PlanActionData }) {
  const { deployments, patterns, canEdit, plan } = page;
  return (
    <section aria-labelledby="deployment-heading" className="card">
      <h2 id="deployment-heading">LSA deployment</h2>
      {deployments.length === 0 ? (
        <p className="muted">
          No one is deployed in this lesson yet.
          {canEdit ? " Deploy an LSA or another supporter below, and brief them before the lesson." : ""}
        </p>
      ) : (
        <>
          <h3>Pattern of support</h3>
          {patterns.warnings
            .filter((w) => w.kind !== "not-briefed")
            .map((w, i) => (
              <Notice key={`${w.kind}-${w.deploymentId}-${i}`} tone="warning">
                <p>{w.message}</p>
              </Notice>
            ))}
          <TableWrap label="Supported minutes per student">
            <table>
              <caption>Minutes of adult support per student in this {plan.durationMinutes}-minute lesson</caption>
              <thead>
                <tr>
                  <th scope="col">Student</th>
                  <th scope="col">Supported minutes</th>
                  <th scope="col">Share of the lesson</th>
                  <th scope="col">Of which one-to-one</th>
                </tr>
              </thead>
              <tbody>
                {patterns.perStudent.length === 0 ? (
                  <tr>
                    <td colSpan={4}>No student is named in a deployment: support is for the whole group.</td>
                  </tr>
                ) : (
                  patterns.perStudent.map((s) => (
                    <tr key={s.studentId}>
                      <th scope="row">{s.name}</th>
                      <td>{s.minutes}</td>
                      <td>{s.percentOfLesson}%</td>
                      <td>{s.oneToOneMinutes}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </TableWrap>
          <h3>Supporters</h3>
          <ul className="item-list" aria-live="polite">
            {deployments.map((d) => (
              <li key={d.id} className="deployment">
                <p>
                  <strong>{d.supporter.name}</strong> ({d.supporter.institution}),{" "}
                  {SUPPORTER_ROLES.label(d.supporterRole)}: {DEPLOYMENT_MODES.label(d.mode).toLowerCase()},{" "}
                  {LESSON_PHASES.label(d.phase).toLowerCase()}, {d.minutes} minutes
                </p>
                <p>
                  {d.students.length > 0 ? `Students: ${d.students.map((s) => s.name).join(", ")}` : "The whole group"}
                </p>
                {page.deploymentClashes[d.supporter.id] ? (
                  <Notice tone="warning">
                    <p>
                      <strong>{`${d.supporter.name} is also booked then:`}</strong>{" "}
                      {page.deploymentClashes[d.supporter.id]}.
                    </p>
                  </Notice>
                ) : null}
                <p>
                  {d.briefedAt
                    ? `Briefed by ${d.briefedBy ?? "a former member"} on ${formatDateTime(d.briefedAt)}. `
                    : "Not briefed yet. "}
                  {d.readAt ? `Read on ${formatDateTime(d.readAt)}.` : d.briefedAt ? "Not read yet." : ""}
                </p>
                {d.feedbackAt ? (
                  <div className="feedback">
                    <p>
                      <strong>Feedback</strong> ({formatDateTime(d.feedbackAt)}):
                    </p>
                    <PlainText text={d.feedback} />
                  </div>
                ) : null}
                <p>
                  <Link to={`/deployments/${d.id}`}>Open the briefing for {d.supporter.name}</Link>
                </p>
                {canEdit ? <BriefingForm deployment={d} actionData={actionData} /> : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {canEdit ? <DeployForm page={page} actionData={actionData} /> : null}
    </section>
  );
}

function BriefingForm({
  deployment,
  actionData,
}: {
  deployment: PlanPage["deployments"][number];
  actionData: PlanActionData;
}) {
  const lastResult = lastResultFor(actionData, "brief", deployment.id);
  const [form, fields] = useZodForm(() => import("~/lib/forms/deployments").then((m) => m.briefingSchema), {
    id: `brief-${deployment.id}`,
    lastResult,
    defaultValue: { ...deployment.briefing, deploymentId: deployment.id },
  });
  return (
    <details open={lastResult?.status === "error"}>
      <summary>
        {deployment.briefedAt ? "Change the briefing" : "Brief"} {deployment.supporter.name}
      </summary>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="deploymentId" value={deployment.id} />
        <FormErrors errors={form.errors} id={form.errorId} />
        <BriefingFields fields={fields} />
        <div className="actions">
          <SubmitButton name="intent" value="brief" pendingLabel="Saving…">
            Save briefing
          </SubmitButton>
        </div>
      </Form>
      {/* Its own form: the briefing form's validation is for the briefing only. */}
      <Form method="post" className="actions">
        <input type="hidden" name="deploymentId" value={deployment.id} />
        <SubmitButton name="intent" value="remove-deployment" variant="danger" pendingLabel="Removing…">
          Remove {deployment.supporter.name} from this lesson
        </SubmitButton>
      </Form>
    </details>
  );
}

function DeployForm({ page, actionData }: { page: PlanPage; actionData: PlanActionData }) {
  const lastResult = lastResultFor(actionData, "deploy");
  // After a deployment the form empties the supporter, students and briefing (they were that person's) but keeps
  // the role, part, way of working and minutes just sent: the next supporter is often deployed the same way. They
  // are kept when the form is sent, because the reply that empties the form can arrive before the page's new data.
  const [kept, setKept] = useState<Record<string, string>>({});
  const [form, fields] = useZodForm(() => import("~/lib/forms/deployments").then((m) => m.deploySchema), {
    id: "deploy",
    lastResult,
    defaultValue: {
      supporterRole: "lsa",
      phase: "main",
      mode: "group",
      minutes: Math.min(40, page.plan.durationMinutes),
      ...kept,
    },
  });
  const formProps = getFormProps(form);
  const keepChoices = (event: FormEvent<HTMLFormElement>) => {
    const sent = new FormData(event.currentTarget);
    setKept(Object.fromEntries(KEPT_CHOICES.map((name) => [name, String(sent.get(name) ?? "")])));
    formProps.onSubmit(event);
  };
  return (
    <details className="card narrow" open={lastResult?.status === "error"}>
      <summary>Deploy an LSA or other supporter</summary>
      <Form method="post" {...formProps} onSubmit={keepChoices}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <SelectField
          meta={fields.supporterId}
          label="Supporter"
          options={page.members}
          hint="Anyone in the partnership, from any institution; LSAs are listed first."
        />
        <SelectField meta={fields.supporterRole} label="Their role in this lesson" options={SUPPORTER_ROLES.options} />
        <SelectField meta={fields.phase} label="Part of the lesson" options={LESSON_PHASES.options} />
        <SelectField meta={fields.mode} label="How they will work" options={DEPLOYMENT_MODES.options} />
        <NumberField meta={fields.minutes} label="Minutes" />
        {page.groupStudents.length > 0 ? (
          <ChoiceGroupField
            type="checkbox"
            meta={fields.studentIds}
            legend="Students they support"
            hint="Leave all unticked to support the whole group."
            options={page.groupStudents.map((s) => ({ value: s.id, label: s.name }))}
          />
        ) : (
          <p className="muted">The plan has no teaching group with students, so support is for the whole class.</p>
        )}
        <h3>Briefing</h3>
        <p className="hint">
          The four things a supporter needs to know before the lesson. You can also add them later.
        </p>
        <BriefingFields fields={fields} />
        <ClashConfirm meta={fields.confirmClash} lastResult={lastResult} label={DEPLOY_ANYWAY} />
        <SubmitButton name="intent" value="deploy" pendingLabel="Deploying…">
          Deploy supporter
        </SubmitButton>
      </Form>
    </details>
  );
}
