// The course editing page's server side: what the forms start from, and one handler per form, after asking the
// course's policy (edit for every form, delete for deleting).
import { redirect, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs } from "@remix-run/node";
import { addPlannerSchema, addUnitSchema, courseDetailsSchema, renameUnitSchema } from "~/lib/forms/courses";
import { runIntent, submitForm, type IntentHandler } from "~/lib/forms/intents.server";
import { ROLE_LABELS, type Role } from "~/lib/roles";
import { addPlanner, removePlanner } from "~/models/course-planners.server";
import { addUnit, moveUnit, removeUnit, renameUnit } from "~/models/course-units.server";
import {
  courseDeletionImpact,
  deleteCourse,
  getCourse,
  listPlanningColleagues,
  updateCourseDetails,
} from "~/models/courses.server";
import { listInstitutions } from "~/models/institutions.server";
import type { ActionContext } from "~/policies/actor";
import { canDeleteCourse, canEditCourse } from "~/policies/course";
import { ensure, ensureFound, requireActionContext } from "~/policies/enforce.server";

const NOT_ALLOWED = "Only the course's co-planners and the coordinator can change it.";

async function loadEditableCourse(context: AppLoadContext, request: Request, courseId: string | undefined) {
  const ctx = requireActionContext(context, request);
  const course = ensureFound(ctx.actor, await getCourse(ctx.actor.partnershipId, courseId ?? ""));
  ensure(canEditCourse(ctx.actor, course), NOT_ALLOWED);
  return { ctx, course };
}

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { ctx, course } = await loadEditableCourse(context, request, params.courseId);
  const { actor } = ctx;
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
  const { ctx, course } = await loadEditableCourse(context, request, params.courseId);
  const formData = await request.formData();
  return runIntent(formData, {
    ...courseIntents(ctx, context, course.id),
    delete: async () => {
      ensure(canDeleteCourse(ctx.actor, course), NOT_ALLOWED);
      await deleteCourse(ctx, course.id);
      emitCourseChange(ctx, context, course.id, "deleted");
      throw redirect(`/courses?deleted=1`);
    },
  });
}

function emitCourseChange(
  ctx: ActionContext,
  context: AppLoadContext,
  courseId: string,
  action: "updated" | "deleted" = "updated",
) {
  context.realtime.emitToPartnership(ctx.actor.partnershipId, "partnership:changed", {
    entity: "course",
    id: courseId,
    action,
    by: ctx.actor.id,
  });
}

/** The handlers of the page's forms that change the course (deleting it is asked separately). */
function courseIntents(ctx: ActionContext, context: AppLoadContext, courseId: string): Record<string, IntentHandler> {
  const changed = <T>(outcome: T) => {
    emitCourseChange(ctx, context, courseId);
    return outcome;
  };
  const unitId = (formData: FormData) => String(formData.get("unitId") ?? "");
  const move =
    (direction: "up" | "down"): IntentHandler =>
    async (formData, intent) => {
      await moveUnit(ctx, courseId, unitId(formData), direction);
      return changed({ intent, message: "Units reordered." });
    };
  return {
    details: (formData, intent) =>
      submitForm(formData, intent, courseDetailsSchema, async (value) => {
        await updateCourseDetails(ctx, courseId, value);
        return changed("Course details saved.");
      }),
    "add-unit": (formData, intent) =>
      submitForm(formData, intent, addUnitSchema, async (value) => {
        await addUnit(ctx, courseId, value.title);
        return changed({ message: `Unit “${value.title}” added.`, resetForm: true });
      }),
    "rename-unit": (formData, intent) =>
      submitForm(formData, intent, renameUnitSchema, async (value) => {
        await renameUnit(ctx, courseId, value.unitId, value.title);
        return changed("Unit renamed.");
      }),
    "move-unit-up": move("up"),
    "move-unit-down": move("down"),
    "remove-unit": async (formData) => {
      const { plansKept } = await removeUnit(ctx, courseId, unitId(formData));
      changed(null);
      throw redirect(`/courses/${courseId}/edit?removed=${plansKept}`);
    },
    "add-planner": (formData, intent) =>
      submitForm(formData, intent, addPlannerSchema, async (value) => {
        await addPlanner(ctx, courseId, value.userId);
        return changed({ message: "Co-planner added.", resetForm: true });
      }),
    "remove-planner": async (formData, intent) => {
      await removePlanner(ctx, courseId, String(formData.get("userId") ?? ""));
      return changed({ intent, message: "Co-planner removed." });
    },
  };
}
