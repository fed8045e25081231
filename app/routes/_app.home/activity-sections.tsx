// The partnership's week for leaders and the coordinator: totals, the same per institution, the deployments'
// briefing and feedback, and the latest plans and strategies to open. Charts come later; this is the summary.
import { Link } from "@remix-run/react";
import { TableWrap } from "~/components/ui/table-wrap";
import { formatDateTime, formatLongDay } from "~/lib/format";
import { LessonStatus } from "./lesson-parts";
import type { HomePageData } from "./page-data";

type Activity = NonNullable<HomePageData["activity"]>;
type Counts = Activity["total"];

/** Each measure as a column heading, and after a count of one or of several. */
const MEASURES: Array<{ key: keyof Counts; label: string; one: string }> = [
  { key: "plansWritten", label: "Plans written", one: "plan written" },
  { key: "plansUpdated", label: "Plans updated", one: "plan updated" },
  { key: "lessonsTaught", label: "Lessons taught", one: "lesson taught" },
  { key: "deployments", label: "Deployments", one: "deployment" },
  { key: "strategiesShared", label: "Strategies shared", one: "strategy shared" },
];

function ByInstitution({ activity }: { activity: Activity }) {
  return (
    <>
      <TableWrap label="This week by institution">
        <table>
          <caption>This week by institution</caption>
          <thead>
            <tr>
              <th scope="col">Institution</th>
              {MEASURES.map((m) => (
                <th scope="col" key={m.key}>
                  {m.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {activity.institutions.map((institution) => (
              <tr key={institution.id}>
                <th scope="row">
                  <Link to={`/institutions/${institution.id}`}>{institution.name}</Link>
                </th>
                {MEASURES.map((m) => (
                  <td key={m.key}>{institution.counts[m.key]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <p className="muted">
        Plans count where the member who wrote or updated them works, lessons where they were taught, deployments where
        the supporter works, and strategies where they were shared from.
      </p>
    </>
  );
}

function RecentPlans({ plans }: { plans: Activity["recentPlans"] }) {
  if (plans.length === 0) return null;
  return (
    <section aria-labelledby="recent-plans-heading" className="card">
      <h3 id="recent-plans-heading">Plans written and updated this week</h3>
      <ul className="activity-list">
        {plans.map((plan) => (
          <li key={plan.id}>
            <Link to={`/plans/${plan.id}`}>{plan.title}</Link> <LessonStatus status={plan.status} />
            <span className="muted">
              {" "}
              · {plan.course} · {plan.written ? "written" : "updated"}
              {plan.by ? ` by ${plan.by}` : ""}, {formatDateTime(plan.updatedAt)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function SharedStrategies({ strategies }: { strategies: Activity["strategies"] }) {
  if (strategies.length === 0) return null;
  return (
    <section aria-labelledby="shared-strategies-heading" className="card">
      <h3 id="shared-strategies-heading">Strategies shared this week</h3>
      <ul className="activity-list">
        {strategies.map((strategy) => (
          <li key={strategy.id}>
            <Link to={`/strategies/${strategy.id}`}>{strategy.title}</Link>
            <span className="muted">
              {strategy.institution ? ` · from ${strategy.institution}` : ""} · {formatDateTime(strategy.createdAt)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ActivitySections({ activity }: { activity: Activity }) {
  const { total, deployments } = activity;
  const quiet = Object.values(total).every((n) => n === 0);
  return (
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading">This week in the partnership</h2>
      <p className="muted">
        {formatLongDay(activity.week.monday)} to {formatLongDay(activity.week.sunday)}
      </p>
      {quiet ? (
        <p className="card">
          Nothing has been planned, taught or shared in the partnership this week yet. See what the partnership teaches
          in <Link to="/courses">Courses</Link>, and what works in the <Link to="/strategies">strategy library</Link>.
        </p>
      ) : (
        <>
          <ul className="home-stats" aria-label="This week's totals">
            {MEASURES.map((m) => (
              <li className="card" key={m.key}>
                <span className="stat">{total[m.key]}</span> {total[m.key] === 1 ? m.one : m.label.toLowerCase()}
              </li>
            ))}
          </ul>
          {total.deployments > 0 ? (
            <p>
              This week&apos;s deployments: {deployments.notBriefed} without a briefing yet, {deployments.notRead} with
              a briefing not read yet, {deployments.feedbackGiven} with the supporter&apos;s feedback.
            </p>
          ) : null}
          <ByInstitution activity={activity} />
          <RecentPlans plans={activity.recentPlans} />
          <SharedStrategies strategies={activity.strategies} />
        </>
      )}
    </section>
  );
}
