// The course's co-planners: remove one (a course keeps at least one), add a colleague.
import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { FormErrors, SelectField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";
import type { IntentReply } from "~/lib/forms/intents.server";
import { ROLE_LABELS } from "~/lib/roles";
import { resultFor, type CourseEditData } from "./page-data";

type Props = Pick<CourseEditData, "course" | "colleagues"> & { reply?: IntentReply };

export function PlannersSection({ course, colleagues, reply }: Props) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/courses").then((m) => m.addPlannerSchema), {
    id: "add-planner",
    lastResult: resultFor(reply, "add-planner"),
  });
  return (
    <section className="card" aria-labelledby="planners-heading">
      <h2 id="planners-heading">Co-planners</h2>
      <p>Co-planners edit the course, its units, groups and lesson plans.</p>
      <ul>
        {course.planners.map((p) => (
          <li key={p.id} className="row-actions">
            <span>
              {p.name}{" "}
              <span className="muted">
                · {ROLE_LABELS[p.role] ?? p.role}, {p.institution}
              </span>
            </span>
            {course.planners.length > 1 ? (
              <Form method="post">
                <input type="hidden" name="userId" value={p.id} />
                <SubmitButton name="intent" value="remove-planner" variant="link" pendingLabel="Removing…">
                  Remove<span className="visually-hidden"> {p.name} as co-planner</span>
                </SubmitButton>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {colleagues.length > 0 ? (
        <>
          <FormErrors errors={form.errors} id={form.errorId} />
          <Form method="post" {...getFormProps(form)} className="inline-fields">
            <SelectField
              meta={fields.userId}
              label="Add a co-planner"
              options={colleagues}
              placeholder="Choose a colleague"
            />
            <SubmitButton name="intent" value="add-planner" pendingLabel="Adding…">
              Add co-planner
            </SubmitButton>
          </Form>
        </>
      ) : (
        <p className="muted">Every teacher of the partnership already co-plans this course.</p>
      )}
    </section>
  );
}
