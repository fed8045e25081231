// Editing a course: details and delivery sites, units (add, rename, reorder, remove),
// co-planners, and deleting the course after saying what goes with it.
import { TableWrap } from "~/components/ui/table-wrap";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ChoiceGroupField, TextAreaField } from "~/components/ui/choice-fields";
import { FormErrors, SelectField, TextField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { SubmitButton } from "~/components/ui/submit-button";
import { COURSE_KINDS, KEY_STAGES, SUBJECTS } from "~/lib/co-planning";
import { addPlannerSchema, addUnitSchema, courseDetailsSchema, renameUnitSchema } from "~/lib/forms/courses";
import { ROLE_LABELS, type Role } from "~/lib/roles";
import {
  CourseError,
  addPlanner,
  addUnit,
  courseDeletionImpact,
  deleteCourse,
  getCourse,
  listPlanningColleagues,
  moveUnit,
  removePlanner,
  removeUnit,
  renameUnit,
  updateCourseDetails,
} from "~/models/courses.server";
import { listInstitutions } from "~/models/institutions.server";
import { canDeleteCourse, canEditCourse } from "~/policies/course";
import { ensure, ensureFound, requireActor } from "~/policies/enforce.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit ${data?.course.title ?? "course"} · Courses · Staffroom` },
];

const NOT_ALLOWED = "Only the course's co-planners and the coordinator can change it.";

async function loadEditableCourse(
  context: LoaderFunctionArgs["context"],
  request: Request,
  courseId: string | undefined,
) {
  const actor = requireActor(context, request);
  const course = ensureFound(actor, await getCourse(actor.partnershipId, courseId ?? ""));
  ensure(canEditCourse(actor, course), NOT_ALLOWED);
  return { actor, course };
}

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { actor, course } = await loadEditableCourse(context, request, params.courseId);
  const url = new URL(request.url);
  const confirmDelete = url.searchParams.get("confirm") === "delete";
  const removeUnitId = url.searchParams.get("removeUnit") ?? "";
  const [institutions, colleagues, impact] = await Promise.all([
    listInstitutions(actor.partnershipId),
    listPlanningColleagues(actor.partnershipId),
    confirmDelete ? courseDeletionImpact(actor.partnershipId, course.id) : null,
  ]);
  const unitToRemove = course.units.find((u) => u.id === removeUnitId);
  return {
    course: {
      id: course.id,
      title: course.title,
      kind: course.kind,
      qualification: course.qualification,
      subject: course.subject,
      keyStage: course.keyStage,
      leadInstitutionId: course.leadInstitutionId,
      siteIds: course.sites.map((s) => s.id),
      summary: course.summary,
      units: course.units.map((u) => ({ id: u.id, title: u.title, planCount: u._count.lessonPlans })),
      planners: course.planners.map((p) => ({
        id: p.user.id,
        name: p.user.name,
        role: p.user.role as Role,
        institution: p.user.institution.name,
      })),
    },
    institutions: institutions.map((i) => ({ value: i.id, label: i.name })),
    colleagues: colleagues
      .filter((c) => !course.plannerIds.includes(c.id))
      .map((c) => ({
        value: c.id,
        label: `${c.name} (${ROLE_LABELS[c.role as Role] ?? c.role}, ${c.institution.name})`,
      })),
    unitToRemove: unitToRemove
      ? { id: unitToRemove.id, title: unitToRemove.title, planCount: unitToRemove._count.lessonPlans }
      : null,
    impact: impact
      ? {
          units: impact.units.map((u) => u.title),
          groups: impact.groups.map((g) => g.name),
          lessonPlans: impact.lessonPlans.map((p) => p.title),
        }
      : null,
    canDelete: canDeleteCourse(actor, course),
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { actor, course } = await loadEditableCourse(context, request, params.courseId);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const emit = (action: "updated" | "deleted" = "updated") =>
    context.realtime.emitToPartnership(actor.partnershipId, "partnership:changed", {
      entity: "course",
      id: course.id,
      action,
      by: actor.id,
    });
  const fail = (message: string) =>
    data({ intent, message, result: undefined, unitId: undefined, failed: true }, { status: 400 });
  try {
    switch (intent) {
      case "details": {
        const submission = parseWithZod(formData, { schema: courseDetailsSchema });
        if (submission.status !== "success")
          return data({ intent, result: submission.reply(), message: undefined, unitId: undefined }, { status: 400 });
        try {
          await updateCourseDetails(actor, course.id, submission.value, context.clientIp);
        } catch (error) {
          if (error instanceof CourseError)
            return data(
              {
                intent,
                result: submission.reply({ fieldErrors: { [error.field]: [error.message] } }),
                message: undefined,
                unitId: undefined,
              },
              { status: 400 },
            );
          throw error;
        }
        emit();
        return { intent, result: submission.reply(), message: "Course details saved.", unitId: undefined };
      }
      case "add-unit": {
        const submission = parseWithZod(formData, { schema: addUnitSchema });
        if (submission.status !== "success")
          return data({ intent, result: submission.reply(), message: undefined, unitId: undefined }, { status: 400 });
        await addUnit(actor, course.id, submission.value.title, context.clientIp);
        emit();
        return {
          intent,
          result: submission.reply({ resetForm: true }),
          message: `Unit “${submission.value.title}” added.`,
          unitId: undefined,
        };
      }
      case "rename-unit": {
        const submission = parseWithZod(formData, { schema: renameUnitSchema });
        const unitId = String(formData.get("unitId") ?? "");
        if (submission.status !== "success")
          return data({ intent, result: submission.reply(), message: undefined, unitId }, { status: 400 });
        await renameUnit(actor, course.id, submission.value.unitId, submission.value.title, context.clientIp);
        emit();
        return { intent, result: submission.reply(), message: "Unit renamed.", unitId };
      }
      case "move-unit-up":
      case "move-unit-down": {
        await moveUnit(
          actor,
          course.id,
          String(formData.get("unitId") ?? ""),
          intent === "move-unit-up" ? "up" : "down",
          context.clientIp,
        );
        emit();
        return { intent, result: undefined, message: "Units reordered.", unitId: undefined };
      }
      case "remove-unit": {
        const { plansKept } = await removeUnit(
          actor,
          course.id,
          String(formData.get("unitId") ?? ""),
          context.clientIp,
        );
        emit();
        throw redirect(`/courses/${course.id}/edit?removed=${plansKept}`);
      }
      case "add-planner": {
        const submission = parseWithZod(formData, { schema: addPlannerSchema });
        if (submission.status !== "success")
          return data({ intent, result: submission.reply(), message: undefined, unitId: undefined }, { status: 400 });
        try {
          await addPlanner(actor, course.id, submission.value.userId, context.clientIp);
        } catch (error) {
          if (error instanceof CourseError)
            return data(
              {
                intent,
                result: submission.reply({ fieldErrors: { userId: [error.message] } }),
                message: undefined,
                unitId: undefined,
              },
              { status: 400 },
            );
          throw error;
        }
        emit();
        return {
          intent,
          result: submission.reply({ resetForm: true }),
          message: "Co-planner added.",
          unitId: undefined,
        };
      }
      case "remove-planner": {
        await removePlanner(actor, course.id, String(formData.get("userId") ?? ""), context.clientIp);
        emit();
        return { intent, result: undefined, message: "Co-planner removed.", unitId: undefined };
      }
      case "delete": {
        ensure(canDeleteCourse(actor, course), NOT_ALLOWED);
        await deleteCourse(actor, course.id, context.clientIp);
        emit("deleted");
        throw redirect(`/courses?deleted=1`);
      }
      default:
        return fail("Choose what to change.");
    }
  } catch (error) {
    if (error instanceof CourseError) return fail(error.message);
    throw error;
  }
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

export default function EditCoursePage() {
  const { course, institutions, colleagues, unitToRemove, impact, canDelete } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const removed = searchParams.get("removed");
  const resultFor = (intent: string) => (actionData?.intent === intent ? actionData.result : undefined);

  const [detailsForm, details] = useForm({
    id: "course-details",
    lastResult: resultFor("details"),
    defaultValue: {
      title: course.title,
      kind: course.kind,
      qualification: course.qualification,
      subject: course.subject,
      keyStage: course.keyStage,
      leadInstitutionId: course.leadInstitutionId,
      siteIds: course.siteIds,
      summary: course.summary,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: courseDetailsSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [unitForm, unitFields] = useForm({
    id: "add-unit",
    lastResult: resultFor("add-unit"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addUnitSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [plannerForm, plannerFields] = useForm({
    id: "add-planner",
    lastResult: resultFor("add-planner"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addPlannerSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const renameErrors =
    actionData?.intent === "rename-unit" && actionData.result?.error ? actionData.result.error : undefined;

  return (
    <>
      <p>
        <Link to={`/courses/${course.id}`}>Back to {course.title}</Link>
      </p>
      <h1>Edit {course.title}</h1>
      {actionData?.message ? (
        <Notice tone={"failed" in actionData ? "error" : "success"}>
          <p>{actionData.message}</p>
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

      <section className="card narrow" aria-labelledby="details-heading">
        <h2 id="details-heading">Details and delivery sites</h2>
        <FormErrors errors={detailsForm.errors} id={detailsForm.errorId} />
        <Form method="post" {...getFormProps(detailsForm)}>
          <TextField meta={details.title} label="Title" />
          <SelectField meta={details.kind} label="Kind" options={COURSE_KINDS.options} />
          <TextField meta={details.qualification} label="Qualification (for a qualification)" />
          <SelectField meta={details.subject} label="Subject" options={SUBJECTS.options} />
          <SelectField meta={details.keyStage} label="Key stage" options={KEY_STAGES.options} />
          <SelectField meta={details.leadInstitutionId} label="Lead institution" options={institutions} />
          <ChoiceGroupField type="checkbox" meta={details.siteIds} legend="Delivery sites" options={institutions} />
          <TextAreaField meta={details.summary} label="Summary (optional)" rows={3} />
          <SubmitButton name="intent" value="details" pendingLabel="Saving…">
            Save details
          </SubmitButton>
        </Form>
      </section>

      <section className="card" aria-labelledby="units-heading">
        <h2 id="units-heading">Units</h2>
        {unitToRemove ? (
          <Form method="post" replace>
            <input type="hidden" name="unitId" value={unitToRemove.id} />
            <div className="alert alert--warning" role="alert">
              <p>
                <strong>Remove the unit “{unitToRemove.title}”?</strong>{" "}
                {unitToRemove.planCount > 0
                  ? `${unitToRemove.planCount === 1 ? "Its lesson plan stays" : `Its ${unitToRemove.planCount} lesson plans stay`} in the course but will no longer belong to a unit.`
                  : "No lesson plan uses it."}
              </p>
            </div>
            <div className="actions">
              <SubmitButton name="intent" value="remove-unit" variant="danger" pendingLabel="Removing…">
                Yes, remove unit
              </SubmitButton>
              <Link to="." replace>
                Cancel
              </Link>
            </div>
          </Form>
        ) : null}
        {course.units.length === 0 ? (
          <p>No units yet. Add the course's units or modules below, in teaching order.</p>
        ) : (
          <TableWrap label="Units of the course, in teaching order">
            <table>
              <caption className="visually-hidden">Units of the course, in teaching order</caption>
              <thead>
                <tr>
                  <th scope="col">Order</th>
                  <th scope="col">Title</th>
                  <th scope="col">Lesson plans</th>
                  <th scope="col">Move or remove</th>
                </tr>
              </thead>
              <tbody>
                {course.units.map((u, index) => {
                  const errors = actionData?.unitId === u.id ? renameErrors?.title : undefined;
                  return (
                    <tr key={u.id}>
                      <td>{index + 1}</td>
                      <td>
                        <Form method="post" className="inline-fields">
                          <input type="hidden" name="unitId" value={u.id} />
                          <div className={`field${errors?.length ? " field--error" : ""}`}>
                            <label htmlFor={`unit-title-${u.id}`} className="visually-hidden">
                              Title of unit {index + 1}
                            </label>
                            <input
                              id={`unit-title-${u.id}`}
                              name="title"
                              defaultValue={u.title}
                              key={u.title}
                              aria-invalid={errors?.length ? true : undefined}
                              aria-describedby={errors?.length ? `unit-title-${u.id}-error` : undefined}
                            />
                            {errors?.length ? (
                              <span className="field-error" id={`unit-title-${u.id}-error`}>
                                <span className="visually-hidden">Error: </span>
                                {errors.join(" ")}
                              </span>
                            ) : null}
                          </div>
                          <SubmitButton name="intent" value="rename-unit" variant="secondary" pendingLabel="Renaming…">
                            Rename<span className="visually-hidden"> unit {index + 1}</span>
                          </SubmitButton>
                        </Form>
                      </td>
                      <td>{u.planCount}</td>
                      <td>
                        <div className="row-actions">
                          <Form method="post">
                            <input type="hidden" name="unitId" value={u.id} />
                            {index > 0 ? (
                              <SubmitButton name="intent" value="move-unit-up" variant="link" pendingLabel="Moving…">
                                Move up<span className="visually-hidden"> {u.title}</span>
                              </SubmitButton>
                            ) : null}
                            {index < course.units.length - 1 ? (
                              <SubmitButton name="intent" value="move-unit-down" variant="link" pendingLabel="Moving…">
                                Move down<span className="visually-hidden"> {u.title}</span>
                              </SubmitButton>
                            ) : null}
                          </Form>
                          <Link to={`?removeUnit=${u.id}`}>
                            Remove<span className="visually-hidden"> {u.title}</span>
                          </Link>
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        )}
        <h3>Add a unit</h3>
        <FormErrors errors={unitForm.errors} id={unitForm.errorId} />
        <Form method="post" {...getFormProps(unitForm)} className="inline-fields">
          <TextField meta={unitFields.title} label="Unit title" />
          <SubmitButton name="intent" value="add-unit" pendingLabel="Adding…">
            Add unit
          </SubmitButton>
        </Form>
      </section>

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
            <FormErrors errors={plannerForm.errors} id={plannerForm.errorId} />
            <Form method="post" {...getFormProps(plannerForm)} className="inline-fields">
              <SelectField
                meta={plannerFields.userId}
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

      {canDelete ? (
        <section className="card narrow" aria-labelledby="delete-heading">
          <h2 id="delete-heading">Delete the course</h2>
          {impact ? (
            <Form method="post" replace>
              <div className="alert alert--warning" role="alert">
                <p>
                  <strong>Delete {course.title}?</strong> This cannot be undone. These go with it:
                </p>
                <ImpactList
                  heading={`${impact.units.length} ${impact.units.length === 1 ? "unit" : "units"}`}
                  items={impact.units}
                />
                <ImpactList
                  heading={`${impact.groups.length} teaching ${impact.groups.length === 1 ? "group" : "groups"} (students stay in Staffroom)`}
                  items={impact.groups}
                />
                <ImpactList
                  heading={`${impact.lessonPlans.length} lesson ${impact.lessonPlans.length === 1 ? "plan" : "plans"}, with their deployments and resources`}
                  items={impact.lessonPlans}
                />
                {impact.units.length + impact.groups.length + impact.lessonPlans.length === 0 ? (
                  <p>The course has no units, groups or lesson plans.</p>
                ) : null}
              </div>
              <div className="actions">
                <SubmitButton name="intent" value="delete" variant="danger" pendingLabel="Deleting…">
                  Yes, delete course
                </SubmitButton>
                <Link to="." replace>
                  Cancel
                </Link>
              </div>
            </Form>
          ) : (
            <>
              <p>
                Deleting a course removes its units, groups and lesson plans. You will see exactly what goes before you
                confirm.
              </p>
              <Link className="button button--danger" to="?confirm=delete">
                Delete course
              </Link>
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
