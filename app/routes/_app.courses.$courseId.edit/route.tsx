// Editing a course: details and delivery sites, units (add, rename, reorder, remove), co-planners, and deleting
// the course after saying what goes with it. The loader and action live in course-edit.server.ts.
import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { lazySection } from "~/components/ui/lazy-section";
import { DangerZone } from "~/components/ui/danger-zone";
import { Notice } from "~/components/ui/notice";
import type { IntentReply } from "~/lib/forms/intents.server";
import type { loader } from "./course-edit.server";
import type { CourseEditData } from "./page-data";

const UnitsSection = lazySection(() => import("./units-section").then((m) => m.UnitsSection));
const PlannersSection = lazySection(() => import("./planners-section").then((m) => m.PlannersSection));
const DetailsSection = lazySection(() => import("./details-section").then((m) => m.DetailsSection));

export { action, loader } from "./course-edit.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit ${data?.course.title ?? "course"} · Courses · Staffroom` },
];

export default function EditCoursePage() {
  const data = useLoaderData<typeof loader>();
  const { course, impact, canDelete } = data;
  const reply = useLastActionData<IntentReply>();
  const [searchParams] = useSearchParams();
  const removed = searchParams.get("removed");
  return (
    <>
      <p>
        <Link to={`/courses/${course.id}`}>Back to {course.title}</Link>
      </p>
      <h1>Edit {course.title}</h1>
      {reply?.message ? (
        <Notice tone={reply.failed ? "error" : "success"}>
          <p>{reply.message}</p>
        </Notice>
      ) : null}
      {removed !== null ? (
        <Notice tone="success">
          <p>
            Unit removed.{" "}
            {Number(removed) > 0
              ? `Its ${removed === "1" ? "lesson plan stays" : `${removed} lesson plans stay`} in the course without a unit.`
              : ""}
          </p>
        </Notice>
      ) : null}
      <DetailsSection {...data} reply={reply} />
      <UnitsSection {...data} reply={reply} />
      <PlannersSection {...data} reply={reply} />
      {canDelete ? (
        <DangerZone
          heading="Delete the course"
          headingId="delete-heading"
          intent="delete"
          confirming={impact !== null}
          startLabel="Delete course"
          explanation="Deleting a course removes its units, groups and lesson plans. You will see exactly what goes before you confirm."
          confirmLabel="Yes, delete course"
          warning={impact ? <DeletionImpact title={course.title} impact={impact} /> : null}
        />
      ) : null}
    </>
  );
}

function DeletionImpact({ title, impact }: { title: string; impact: NonNullable<CourseEditData["impact"]> }) {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return (
    <>
      <p>
        <strong>Delete {title}?</strong> This cannot be undone. These go with it:
      </p>
      <ImpactList heading={count(impact.units.length, "unit", "units")} items={impact.units} />
      <ImpactList
        heading={`${count(impact.groups.length, "teaching group", "teaching groups")} (students stay in Staffroom)`}
        items={impact.groups}
      />
      <ImpactList
        heading={`${count(impact.lessonPlans.length, "lesson plan", "lesson plans")}, with their deployments and resources`}
        items={impact.lessonPlans}
      />
      {impact.units.length + impact.groups.length + impact.lessonPlans.length === 0 ? (
        <p>The course has no units, groups or lesson plans.</p>
      ) : null}
    </>
  );
}

function ImpactList({ heading, items }: { heading: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <p>
        <strong>{heading}</strong>
      </p>
      <ul>
        {items.map((item, index) => (
          <li key={`${item}-${index}`}>{item}</li>
        ))}
      </ul>
    </>
  );
}
