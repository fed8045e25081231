// One deployment as its supporter sees it: the lesson, the students, the
// briefing (the four need-to-knows and independence), "I have read it", and
// feedback for the teacher after the lesson (which appears live in the plan).
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { DeploymentStudents, type DeploymentStudent } from "~/components/deployments/deployment-students";
import { PlainText } from "~/components/lesson-plan/fields";
import { lazySection } from "~/components/ui/lazy-section";
import { Notice } from "~/components/ui/notice";
import { SubmitButton } from "~/components/ui/submit-button";
import { DEPLOYMENT_MODES, LESSON_PHASES, SUPPORTER_ROLES } from "~/lib/co-planning";
import { formatDate, formatDateTime } from "~/lib/format";
import { refusal } from "~/lib/errors";
import { feedbackSchema } from "~/lib/forms/deployments";
import { runIntent, submitForm } from "~/lib/forms/intents.server";
import {
  briefingOf,
  getDeployment,
  markBriefingRead,
  recordDeploymentFeedback,
  requireDeployment,
} from "~/models/deployments.server";
import { lessonStudents } from "~/models/lesson-students.server";
import { screenTexts, studentNameScreen } from "~/models/student-names.server";
import { canMarkBriefingRead } from "~/policies/deployment";
import { notFound, requireActionContext, requireActor } from "~/policies/enforce.server";

const FeedbackForm = lazySection(() => import("./feedback-form").then((m) => m.FeedbackForm));
// The comments load after the page too: a briefing is read first, discussed after.
const CommentPanel = lazySection(() => import("~/components/comments/comment-panel").then((m) => m.CommentPanel));

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Briefing: ${data?.lesson.title ?? "deployment"} · Staffroom` },
];

const NOT_THE_SUPPORTER = "Only the person deployed can mark the briefing read or give feedback.";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const found = await getDeployment(actor, params.deploymentId ?? "");
  if (!found) notFound("We could not find that deployment.");
  const { deployment: d } = found;
  const students = await lessonStudents(
    { actor, ipAddress: context.clientIp },
    { groupIds: [], studentIds: d.students.map((s) => s.studentId) },
    "deployment",
  );
  const plan = d.lessonPlan;
  const screen = await studentNameScreen(actor, [
    ...Object.values(briefingOf(d)),
    d.feedback,
    plan.objectives,
    plan.successCriteria,
  ]);
  return {
    id: d.id,
    lesson: {
      id: plan.id,
      title: plan.title,
      date: plan.lessonDate ? plan.lessonDate.toISOString().slice(0, 10) : null,
      startTime: plan.startTime,
      durationMinutes: plan.durationMinutes,
      course: plan.course.title,
      group: plan.group?.name ?? null,
      site: plan.group?.site.name ?? null,
      objectives: screen(plan.objectives),
      successCriteria: screen(plan.successCriteria),
    },
    supporter: { name: d.supporter.name, institution: d.supporter.institution.name },
    supporterRole: d.supporterRole,
    phase: d.phase,
    mode: d.mode,
    minutes: d.minutes,
    // The supporter's need-to-know for her students (app/policies/student.ts), loaded afresh on every load: a
    // removed deployment answers 404 and a live refresh takes the names away.
    students: d.students.map((s): DeploymentStudent => {
      const student = students.get(s.studentId);
      return {
        id: s.studentId,
        name: student?.name ?? "a student",
        visibility: student?.visibility ?? "initials",
        yearGroup: student?.yearGroup ?? null,
        homeInstitution: student?.homeInstitution ?? "",
        senStatus: student?.senStatus ?? "",
        needAreas: student?.needAreas ?? [],
        communicationMode: student?.communicationMode ?? "",
      };
    }),
    briefing: screenTexts(briefingOf(d), screen),
    briefedBy: d.briefedBy?.name ?? null,
    briefedAt: d.briefedAt,
    readAt: d.readAt,
    feedback: screen(d.feedback),
    feedbackAt: d.feedbackAt,
    isSupporter: found.isSupporter,
    canGiveFeedback: found.canGiveFeedback,
    canReadPlan: found.canReadPlan,
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requireActionContext(context, request);
  const deploymentId = params.deploymentId ?? "";
  // Only the supporter acts here (canMarkBriefingRead and canRecordDeploymentFeedback are the same rule).
  const deployment = await requireDeployment(ctx.actor, deploymentId, canMarkBriefingRead, NOT_THE_SUPPORTER).catch(
    refusal,
  );
  const changed = () =>
    context.realtime.emitToPartnership(ctx.actor.partnershipId, "partnership:changed", {
      entity: "deployment",
      id: deploymentId,
      action: "updated",
      by: ctx.actor.id,
    });
  return runIntent(await request.formData(), {
    "mark-read": async (_form, intent) => {
      await markBriefingRead(ctx, deployment);
      changed();
      return { intent, message: "Thank you: the teacher can see you have read the briefing." };
    },
    feedback: (form, intent) =>
      submitForm(form, intent, feedbackSchema, async ({ feedback }) => {
        await recordDeploymentFeedback(ctx, deployment, feedback);
        changed();
        return "Feedback sent. The teacher sees it in the lesson plan now.";
      }),
  });
}

const NEED_TO_KNOW = [
  { key: "concepts", label: "Concepts being taught" },
  { key: "skills", label: "Skills the students practise" },
  { key: "outcomes", label: "Intended outcomes" },
  { key: "feedbackExpected", label: "Feedback the teacher expects" },
  { key: "independence", label: "How to build independence" },
] as const;

export default function DeploymentPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useLastActionData<typeof action>();
  return (
    <>
      <p>
        {d.isSupporter ? (
          <Link to="/deployments">Back to my deployments</Link>
        ) : (
          <Link to={`/plans/${d.lesson.id}`}>Back to the lesson plan</Link>
        )}
      </p>
      <h1>Briefing: {d.lesson.title}</h1>
      <dl className="facts">
        <div>
          <dt>When</dt>
          <dd>
            {d.lesson.date ? formatDate(d.lesson.date) : "No date set"}
            {d.lesson.startTime ? ` at ${d.lesson.startTime}` : ""}, {d.lesson.durationMinutes}-minute lesson
          </dd>
        </div>
        <div>
          <dt>Where</dt>
          <dd>{d.lesson.site ?? "Site not set"}</dd>
        </div>
        <div>
          <dt>Course and group</dt>
          <dd>
            {d.lesson.course}
            {d.lesson.group ? `, ${d.lesson.group}` : ""}
          </dd>
        </div>
        <div>
          <dt>Supporter</dt>
          <dd>
            {d.supporter.name} ({d.supporter.institution}), {SUPPORTER_ROLES.label(d.supporterRole)}
          </dd>
        </div>
        <div>
          <dt>What you do</dt>
          <dd>
            {DEPLOYMENT_MODES.label(d.mode)} in the {LESSON_PHASES.label(d.phase).toLowerCase()}, {d.minutes} minutes
          </dd>
        </div>
      </dl>
      {actionData?.message && !actionData.failed ? (
        <Notice tone="success">
          <p>{actionData.message}</p>
        </Notice>
      ) : null}
      <section aria-labelledby="students-heading" className="card">
        <h2 id="students-heading">Students</h2>
        <DeploymentStudents students={d.students} />
      </section>
      <section aria-labelledby="briefing-heading" className="card">
        <h2 id="briefing-heading">The briefing</h2>
        {d.briefedAt ? (
          <p className="hint">
            From {d.briefedBy ?? "a former member"}, {formatDateTime(d.briefedAt)}.
          </p>
        ) : (
          <Notice tone="warning">
            <p>The teacher has not finished the briefing yet. It will appear here; this page updates by itself.</p>
          </Notice>
        )}
        {d.lesson.objectives ? (
          <>
            <h3>Learning objectives</h3>
            <PlainText text={d.lesson.objectives} />
          </>
        ) : null}
        {NEED_TO_KNOW.map((n) => (
          <div key={n.key}>
            <h3>{n.label}</h3>
            <PlainText text={d.briefing[n.key]} />
          </div>
        ))}
        {d.isSupporter && d.briefedAt ? (
          d.readAt ? (
            <p>
              <strong>You marked this briefing read on {formatDateTime(d.readAt)}.</strong>
            </p>
          ) : (
            <Form method="post">
              <SubmitButton name="intent" value="mark-read" pendingLabel="Saving…">
                I have read the briefing
              </SubmitButton>
            </Form>
          )
        ) : !d.isSupporter ? (
          <p>
            {d.readAt
              ? `Read by ${d.supporter.name} on ${formatDateTime(d.readAt)}.`
              : `${d.supporter.name} has not read it yet.`}
          </p>
        ) : null}
      </section>
      <FeedbackSection />
      <CommentPanel subjectType="deployment" subjectId={d.id} subjectTitle="this briefing" />
      {d.canReadPlan ? (
        <p>
          <Link to={`/plans/${d.lesson.id}`}>Open the whole lesson plan</Link>
        </p>
      ) : null}
    </>
  );
}

function FeedbackSection() {
  const d = useLoaderData<typeof loader>();
  const actionData = useLastActionData<typeof action>();
  return (
    <section aria-labelledby="feedback-heading" className="card narrow">
      <h2 id="feedback-heading">Feedback for the teacher</h2>
      {d.canGiveFeedback ? (
        <FeedbackForm
          feedback={d.feedback}
          feedbackAt={d.feedbackAt}
          lastResult={actionData?.intent === "feedback" ? actionData.result : undefined}
        />
      ) : d.feedbackAt ? (
        <>
          <p className="hint">
            From {d.supporter.name}, {formatDateTime(d.feedbackAt)}.
          </p>
          <PlainText text={d.feedback} />
        </>
      ) : (
        <p className="muted">No feedback yet.</p>
      )}
    </section>
  );
}
