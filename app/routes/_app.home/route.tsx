// Home: a page for each role. An LSA's leads with her next deployments and what waits on her; a teacher's with this
// week's lessons and the plans that need her; a leader's and the coordinator's with the partnership's week.
import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { Role } from "~/lib/roles";
import type { loader } from "./home.server";
import { ActivitySections } from "./activity-sections";
import { MeetingsSection } from "./meetings-section";
import type { HomePageData } from "./page-data";
import { SupporterSections } from "./supporter-sections";
import { TeacherSections } from "./teacher-sections";

export { loader } from "./home.server";

export const meta: MetaFunction = () => [{ title: "Home · Staffroom" }];

const GREETING: Record<Role, string> = {
  coordinator: "How the partnership worked together this week, and what keeps it running.",
  leader: "How staff across the partnership planned, taught and supported lessons this week.",
  teacher: "Your lessons this week, the plans that need you, and your courses.",
  lsa: "Where and when you are deployed next, and what waits on you.",
};

function RunThePartnership({ can }: { can: HomePageData["runsPartnership"] }) {
  if (!can.invite && !can.institutions && !can.audit) return null;
  return (
    <section aria-labelledby="run-heading">
      <h2 id="run-heading">Run the partnership</h2>
      <div className="actions">
        {can.invite ? (
          <Link className="button" to="/people/invite">
            Invite a colleague
          </Link>
        ) : null}
        {can.institutions ? (
          <Link className="button button--secondary" to="/institutions">
            Manage institutions
          </Link>
        ) : null}
        {can.audit ? (
          <Link className="button button--secondary" to="/audit">
            Read the audit log
          </Link>
        ) : null}
      </div>
    </section>
  );
}

export default function HomePage() {
  const page = useLoaderData<typeof loader>();
  const { supporter } = page;
  // Anyone can be deployed as a supporter; for a teacher or leader the section follows their own, when it has news.
  const deployedNow = supporter.next.length > 0 || supporter.feedbackDue.length > 0;
  return (
    <>
      <h1>Welcome, {page.firstName}</h1>
      <p className="page-intro">{GREETING[page.role]}</p>
      {page.role === "lsa" ? <SupporterSections home={supporter} today={page.today} /> : null}
      {page.teacher ? <TeacherSections home={page.teacher} /> : null}
      {page.activity ? <ActivitySections activity={page.activity} /> : null}
      {page.role !== "lsa" && deployedNow ? <SupporterSections home={supporter} today={page.today} /> : null}
      <MeetingsSection meetings={page.meetings} />
      <RunThePartnership can={page.runsPartnership} />
    </>
  );
}
