// The plan as a lesson reads, in lesson order: objectives and success criteria; the starter, main activity and
// plenary, each with the supporters deployed in it beside it (and the whole-lesson support and differentiation
// beside the lesson); assessment for learning; the shared notes; the evaluation with the supporters' feedback.
// Every text part is a live part of the plan's one document: editors simply start typing, everyone sees it as it
// is typed. Structured choices stay in the forms of the editing view.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { LivePart } from "~/components/live-document";
import { PlainText } from "~/components/lesson-plan/fields";
import { DEPLOYMENT_MODES, NEED_AREAS, SUPPORTER_ROLES } from "~/lib/co-planning";
import { formatDateTime } from "~/lib/format";
import { PLAN_TEXT_PARTS, type PlanTextPartName } from "~/lib/lesson-plan-text";
import type { PlanPage } from "./plan-forms";

type Deployment = PlanPage["deployments"][number];

function Part({ page, name, hideLabel }: { page: PlanPage; name: PlanTextPartName; hideLabel?: boolean }) {
  const part = PLAN_TEXT_PARTS.find((p) => p.name === name)!;
  return (
    <LivePart
      part={part.name}
      label={part.label}
      hint={page.canEdit && part.hint ? part.hint : undefined}
      text={page.plan[part.name]}
      hideLabel={hideLabel}
    />
  );
}

export function LessonText({ page }: { page: PlanPage }) {
  const { plan } = page;
  return (
    <>
      <section aria-labelledby="objectives-heading" className="card">
        <h2 id="objectives-heading">Objectives and success criteria</h2>
        <div className="plan-pair">
          <Part page={page} name="objectives" />
          <Part page={page} name="successCriteria" />
        </div>
      </section>
      <section aria-labelledby="lesson-heading" className="card">
        <h2 id="lesson-heading">The lesson</h2>
        <WholeLesson page={page} />
        {(["starter", "main", "plenary"] as const).map((phase) => (
          <div key={phase} className="plan-phase">
            <Part page={page} name={phase === "main" ? "mainActivity" : phase} />
            <PhaseSupport
              deployments={page.deployments.filter((d) => d.phase === phase)}
              clashes={page.deploymentClashes}
            />
          </div>
        ))}
      </section>
      <section aria-labelledby="assessment-heading" className="card">
        <h2 id="assessment-heading">Assessment for learning</h2>
        <Part page={page} name="assessment" hideLabel />
      </section>
      <section aria-labelledby="body-heading" className="card">
        <h2 id="body-heading">Lesson notes</h2>
        {page.body ? (
          <>
            <LivePart
              part="root"
              label={`Lesson notes: ${plan.title}`}
              hint={page.canEdit ? "The sequence, key questions, what to watch for." : undefined}
              text=""
              toolbar="full"
              hideLabel
            />
            <p className="no-print">
              <Link to={`/plans/${plan.id}/history`}>Version history of the plan</Link>
            </p>
          </>
        ) : (
          <p className="muted">This plan has no shared notes.</p>
        )}
      </section>
      <section aria-labelledby="evaluation-heading" className="card">
        <h2 id="evaluation-heading">Evaluation</h2>
        <SupporterFeedback page={page} />
        <Part page={page} name="evaluation" />
        <Part page={page} name="nextSteps" />
      </section>
    </>
  );
}

/** Support for the whole lesson and the differentiation, beside the lesson's phases. */
function WholeLesson({ page }: { page: PlanPage }) {
  const whole = page.deployments.filter((d) => d.phase === "whole");
  const hasDifferentiation = page.plan.strategies.length > 0 || page.notes.length > 0;
  if (whole.length === 0 && !hasDifferentiation) return null;
  return (
    <div className="plan-aside plan-aside--whole">
      {whole.length > 0 ? (
        <Aside heading="Support for the whole lesson">
          <DeploymentList deployments={whole} clashes={page.deploymentClashes} />
        </Aside>
      ) : null}
      {hasDifferentiation ? (
        <Aside heading="Differentiation">
          <ul className="item-list item-list--compact">
            {page.plan.strategies.map((s) => (
              <li key={s.strategyId}>
                <Link to={`/strategies/${s.strategy.id}`}>{s.strategy.title}</Link>
                {s.note ? <PlainText text={s.note} /> : null}
              </li>
            ))}
            {page.notes.map((n) => (
              <li key={n.id}>
                <strong>{n.studentName ?? NEED_AREAS.label(n.needArea)}</strong>
                <PlainText text={n.note} />
              </li>
            ))}
          </ul>
        </Aside>
      ) : null}
    </div>
  );
}

type Clashes = PlanPage["deploymentClashes"];

function PhaseSupport({ deployments, clashes }: { deployments: Deployment[]; clashes: Clashes }) {
  if (deployments.length === 0) return <div className="plan-aside" />;
  return (
    <div className="plan-aside">
      <Aside heading="Support in this part">
        <DeploymentList deployments={deployments} clashes={clashes} />
      </Aside>
    </div>
  );
}

function Aside({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <aside className="plan-aside__box" aria-label={heading}>
      <p className="plan-aside__heading">{heading}</p>
      {children}
    </aside>
  );
}

function DeploymentList({ deployments, clashes }: { deployments: Deployment[]; clashes: Clashes }) {
  return (
    <ul className="item-list item-list--compact">
      {deployments.map((d) => (
        <li key={d.id}>
          <strong>{d.supporter.name}</strong> ({SUPPORTER_ROLES.label(d.supporterRole)}):{" "}
          {DEPLOYMENT_MODES.label(d.mode).toLowerCase()}, {d.minutes} minutes
          {d.students.length > 0 ? ` with ${d.students.map((s) => s.name).join(", ")}` : ""}.
          {d.briefing.outcomes ? <PlainText text={d.briefing.outcomes} /> : null}
          {clashes[d.supporter.id] ? (
            <p className="plan-aside__clash">
              <strong>{`${d.supporter.name} is also booked then:`}</strong> {clashes[d.supporter.id]}.
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function SupporterFeedback({ page }: { page: PlanPage }) {
  const withFeedback = page.deployments.filter((d) => d.feedbackAt);
  return (
    <div aria-live="polite">
      <h3>Feedback from supporters</h3>
      {withFeedback.length === 0 ? (
        <p className="muted">
          {page.deployments.length === 0
            ? "No one is deployed in this lesson."
            : "No feedback yet. Supporters write it from their deployment page after the lesson."}
        </p>
      ) : (
        <ul className="feedback-list">
          {withFeedback.map((d) => (
            <li key={d.id}>
              <p>
                <strong>{d.supporter.name}</strong> ({d.supporter.institution}),{" "}
                {d.feedbackAt ? formatDateTime(d.feedbackAt) : ""}:
              </p>
              <PlainText text={d.feedback} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
