// Start a course: its details, delivery sites, units and co-planners from any institution.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ChoiceGroupField, TextAreaField } from "~/components/ui/choice-fields";
import { FormErrors, SelectField, TextField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";
import { COURSE_KINDS, KEY_STAGES, SUBJECTS } from "~/lib/co-planning";
import { newCourseSchema } from "~/lib/forms/courses";
import { domainErrorReply } from "~/lib/forms/intents.server";
import { ROLE_LABELS, type Role } from "~/lib/roles";
import { createCourse, listPlanningColleagues } from "~/models/courses.server";
import { listInstitutions } from "~/models/institutions.server";
import { canCreateCourse } from "~/policies/course";
import { ensure, requireActionContext, requireActor } from "~/policies/enforce.server";

export const meta: MetaFunction = () => [{ title: "Add a course · Courses · Staffroom" }];

const NOT_ALLOWED = "Teachers and the coordinator add courses; leaders and LSAs can read them.";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  ensure(canCreateCourse(actor), NOT_ALLOWED);
  const [institutions, colleagues] = await Promise.all([
    listInstitutions(actor.partnershipId),
    listPlanningColleagues(actor.partnershipId),
  ]);
  return {
    institutions: institutions.map((i) => ({ value: i.id, label: i.name })),
    colleagues: colleagues
      .filter((c) => c.id !== actor.id)
      .map((c) => ({
        value: c.id,
        label: `${c.name} (${ROLE_LABELS[c.role as Role] ?? c.role}, ${c.institution.name})`,
      })),
    isTeacher: actor.role === "teacher",
    homeInstitutionId: actor.institutionId,
  };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requireActionContext(context, request);
  const { actor } = ctx;
  ensure(canCreateCourse(actor), NOT_ALLOWED);
  const submission = parseWithZod(await request.formData(), { schema: newCourseSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    const course = await createCourse(ctx, submission.value);
    context.realtime.emitToPartnership(actor.partnershipId, "partnership:changed", {
      entity: "course",
      id: course.id,
      action: "created",
      by: actor.id,
    });
    throw redirect(`/courses/${course.id}`);
  } catch (error) {
    return domainErrorReply(submission, error);
  }
}

export default function NewCoursePage() {
  const { institutions, colleagues, isTeacher, homeInstitutionId } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useZodForm(() => import("~/lib/forms/courses").then((m) => m.newCourseSchema), {
    id: "new-course",
    lastResult,
    defaultValue: { leadInstitutionId: homeInstitutionId, siteIds: [homeInstitutionId] },
  });
  return (
    <>
      <p>
        <Link to="/courses">Back to courses</Link>
      </p>
      <h1>Add a course</h1>
      <p className="page-intro">
        {isTeacher ? "You will be a co-planner of the course. " : ""}Add colleagues from any institution of the
        partnership who plan it with you.
      </p>
      <section className="card narrow" aria-labelledby="course-details-heading">
        <h2 id="course-details-heading">Course details</h2>
        <FormErrors errors={form.errors} id={form.errorId} />
        <Form method="post" {...getFormProps(form)}>
          <TextField
            meta={fields.title}
            label="Title"
            hint="For example: BTEC First Award in Sport, or Dance (adapted module)."
          />
          <SelectField meta={fields.kind} label="Kind" options={COURSE_KINDS.options} placeholder="Choose a kind" />
          <TextField
            meta={fields.qualification}
            label="Qualification (for a qualification)"
            hint="The awarding body's name for it, for example NVQ Level 1 in Food Preparation and Cooking."
          />
          <SelectField
            meta={fields.subject}
            label="Subject"
            options={SUBJECTS.options}
            placeholder="Choose a subject"
          />
          <SelectField
            meta={fields.keyStage}
            label="Key stage"
            options={KEY_STAGES.options}
            placeholder="Choose a key stage"
          />
          <SelectField
            meta={fields.leadInstitutionId}
            label="Lead institution"
            options={institutions}
            placeholder="Choose an institution"
          />
          <ChoiceGroupField
            type="checkbox"
            meta={fields.siteIds}
            legend="Delivery sites"
            hint="Where the course is taught."
            options={institutions}
          />
          <TextAreaField meta={fields.summary} label="Summary (optional)" rows={3} />
          <TextAreaField
            meta={fields.units}
            label="Units (optional)"
            hint="One unit or module per line, in teaching order. You can add, rename and reorder them later."
            rows={5}
          />
          <ChoiceGroupField
            type="checkbox"
            meta={fields.plannerIds}
            legend="Co-planners"
            hint={
              isTeacher
                ? "Teachers who plan this course with you."
                : "Teachers who plan this course. Choose at least one."
            }
            options={colleagues}
          />
          <SubmitButton pendingLabel="Adding the course…">Add course</SubmitButton>
        </Form>
      </section>
    </>
  );
}
