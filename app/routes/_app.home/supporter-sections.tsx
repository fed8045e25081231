// A supporter's home: their next deployments, day by day, each linking to its briefing; then what waits on them
// (briefings to read, feedback to write). Students are counted, never named: their names are on the briefing.
import { Link } from "@remix-run/react";
import { DEPLOYMENT_MODES, LESSON_PHASES, SUPPORTER_ROLES } from "~/lib/co-planning";
import { formatDate } from "~/lib/format";
import { dayName, lessonWhere } from "./lesson-parts";
import type { HomePageData } from "./page-data";

type SupporterHome = HomePageData["supporter"];
type Deployment = SupporterHome["next"][number];

function whatYouDo(d: Deployment): string {
  const students =
    d.studentCount === 0 ? "the whole group" : d.studentCount === 1 ? "1 student" : `${d.studentCount} students`;
  return `${SUPPORTER_ROLES.label(d.supporterRole)}: ${DEPLOYMENT_MODES.label(d.mode).toLowerCase()} in the ${LESSON_PHASES.label(d.phase).toLowerCase()}, ${d.minutes} minutes, with ${students}`;
}

function briefingState(d: Deployment): string {
  if (!d.briefed) return "No briefing yet";
  return d.read ? "Briefing read" : "Briefing not read yet";
}

function byDay(deployments: Deployment[]) {
  const days: Array<{ date: string | null; items: Deployment[] }> = [];
  for (const d of deployments) {
    const last = days.at(-1);
    if (last && last.date === d.lesson.date) last.items.push(d);
    else days.push({ date: d.lesson.date, items: [d] });
  }
  return days;
}

function NextDeployments({ home, today }: { home: SupporterHome; today: string }) {
  if (home.next.length === 0) {
    return (
      <div className="card">
        {home.hasAny ? (
          <p>
            You have no deployments in the next {home.daysAhead} days.{" "}
            <Link to="/deployments">See all my deployments</Link>
          </p>
        ) : (
          <>
            <p>
              You are not deployed in any lesson yet. When a teacher deploys you, the lesson appears here with its
              briefing: where and when, which students, what to do and what the teacher wants to hear back.
            </p>
            <p>
              Meanwhile, <Link to="/strategies">browse the partnership&apos;s strategies</Link> or{" "}
              <Link to="/courses">see the courses you might support</Link>.
            </p>
          </>
        )}
      </div>
    );
  }
  return (
    <>
      {byDay(home.next).map((day) => (
        <section key={day.date ?? "undated"} className="card" aria-labelledby={`deployments-${day.date}`}>
          <h3 id={`deployments-${day.date}`}>{dayName(day.date, today)}</h3>
          <ul className="activity-list">
            {day.items.map((d) => (
              <li key={d.id}>
                <p>
                  <Link to={`/deployments/${d.id}`}>{d.lesson.title}</Link>{" "}
                  <span className={d.briefed && d.read ? "badge" : "badge badge--muted"}>{briefingState(d)}</span>
                </p>
                <p>{lessonWhere(d.lesson)}</p>
                <p className="muted">{whatYouDo(d)}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p>
        <Link to="/deployments">
          {home.moreUpcoming > 0 ? `See ${home.moreUpcoming} more in My deployments` : "See all my deployments"}
        </Link>
      </p>
    </>
  );
}

function WaitingOnYou({ home }: { home: SupporterHome }) {
  const nothing = home.briefingsToRead.length === 0 && home.feedbackDue.length === 0;
  return (
    <section aria-labelledby="waiting-heading">
      <h2 id="waiting-heading">Waiting on you</h2>
      {nothing ? (
        <p className="card">Nothing is waiting on you: every briefing is read and every lesson has your feedback.</p>
      ) : (
        <div className="card">
          <ul className="activity-list">
            {home.briefingsToRead.map((d) => (
              <li key={`read-${d.id}`}>
                <Link to={`/deployments/${d.id}`}>Read the briefing for {d.lesson.title}</Link>
                <span className="muted"> · {d.lesson.date ? formatDate(d.lesson.date) : "No date set"}</span>
              </li>
            ))}
            {home.feedbackDue.map((d) => (
              <li key={`feedback-${d.id}`}>
                <Link to={`/deployments/${d.id}#feedback-heading`}>Write your feedback on {d.lesson.title}</Link>
                <span className="muted">
                  {" "}
                  · taught {d.lesson.date ? formatDate(d.lesson.date) : "on an unknown date"}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {home.feedbackDueCount > home.feedbackDue.length ? (
        <p>
          <Link to="/deployments?when=past">
            {home.feedbackDueCount - home.feedbackDue.length} more lessons wait for your feedback
          </Link>
        </p>
      ) : null}
    </section>
  );
}

/** An LSA's whole page; for other members, deployed now and then, the part after their own. */
export function SupporterSections({ home, today }: { home: SupporterHome; today: string }) {
  return (
    <>
      <section aria-labelledby="next-deployments-heading">
        <h2 id="next-deployments-heading">Your next deployments</h2>
        <NextDeployments home={home} today={today} />
      </section>
      <WaitingOnYou home={home} />
    </>
  );
}
