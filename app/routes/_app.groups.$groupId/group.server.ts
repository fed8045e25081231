// The group page's server side: the group's policies, then what the page shows (group-page.server.ts: students only
// as the visibility rule allows, each full view audited), and one handler per form, each asking the policy first.
import { redirect, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs } from "@remix-run/node";
import {
  addSessionSchema,
  editGroupSchema,
  groupStudentsSchema,
  groupTeacherSchema,
  transportSchema,
} from "~/lib/forms/courses";
import { ADD_SESSION_ANYWAY, ADD_TEACHER_ANYWAY } from "~/lib/forms/labels";
import { intentOf, runIntent, submitForm, type IntentHandler } from "~/lib/forms/intents.server";
import { confirmClashes, teacherClashes } from "~/models/bookings.server";
import { loadGroupPage } from "~/models/group-page.server";
import { getGroup, type GroupRecord } from "~/models/group-sql.server";
import {
  addGroupTeacher,
  addSession,
  addStudentsToGroup,
  deleteGroup,
  removeGroupTeacher,
  removeSession,
  removeStudentFromGroup,
  setTransport,
  updateGroup,
} from "~/models/groups.server";
import type { ActionContext } from "~/policies/actor";
import { canManageGroups, canViewGroup } from "~/policies/course";
import { canCreateLessonPlan } from "~/policies/lesson-plan";
import { ensure, ensureFound, requireActionContext } from "~/policies/enforce.server";
import { canChangeGroupStudents } from "~/policies/student";

const NOT_ALLOWED = "Only the course's co-planners and the coordinator can change its groups.";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  // Students shown in full are audited: the loader acts with the address too.
  const ctx = requireActionContext(context, request);
  const { actor } = ctx;
  const group = ensureFound(actor, await getGroup(actor.partnershipId, params.groupId ?? ""));
  ensure(canViewGroup(actor, group), "LSAs see the groups they are deployed with.");
  const url = new URL(request.url);
  const canEdit = canManageGroups(actor, group);
  const canChangeStudents = canChangeGroupStudents(actor, group);
  const choosing = canChangeStudents && url.searchParams.get("add") === "students";
  const page = await loadGroupPage(ctx, group, {
    canEdit,
    pickFrom: choosing ? (url.searchParams.get("from") ?? "") : null,
    confirmDelete: url.searchParams.get("confirm") === "delete",
  });
  return { ...page, canEdit, canChangeStudents, canPlan: canCreateLessonPlan(actor, group) };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requireActionContext(context, request);
  const { actor } = ctx;
  const group = ensureFound(actor, await getGroup(actor.partnershipId, params.groupId ?? ""));
  ensure(canViewGroup(actor, group), NOT_ALLOWED);
  const formData = await request.formData();
  const intent = intentOf(formData);
  const studentIntent = intent === "add-students" || intent === "remove-student";
  ensure(studentIntent ? canChangeGroupStudents(actor, group) : canManageGroups(actor, group), NOT_ALLOWED);
  return runIntent(formData, groupIntents(ctx, context, group));
}

/** One handler per form of the page; each tells the partnership's open pages that the group changed. */
function groupIntents(ctx: ActionContext, context: AppLoadContext, group: GroupRecord): Record<string, IntentHandler> {
  const partnershipId = ctx.actor.partnershipId;
  const emit = (action: "updated" | "deleted" = "updated") =>
    context.realtime.emitToPartnership(ctx.actor.partnershipId, "partnership:changed", {
      entity: "group",
      id: group.id,
      action,
      by: ctx.actor.id,
    });
  const changed = <T>(outcome: T) => {
    emit();
    return outcome;
  };
  const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");
  return {
    details: (formData, intent) =>
      submitForm(formData, intent, editGroupSchema, async (value) => {
        await updateGroup(ctx, group.id, value);
        return changed("Group details saved.");
      }),
    "add-teacher": (formData, intent) =>
      submitForm(formData, intent, groupTeacherSchema, async (value) => {
        const found = await teacherClashes(partnershipId, group.id, [value.userId], group.sessions);
        confirmClashes(
          found.map((f) => ({ person: f.teacher.name, clashes: f.clashes })),
          value.confirmClash,
          ADD_TEACHER_ANYWAY,
        );
        await addGroupTeacher(ctx, group.id, value.userId);
        return changed({
          message: "Teacher added. They can now see the group's students' details.",
          resetForm: true,
        });
      }),
    "add-session": (formData, intent) =>
      submitForm(formData, intent, addSessionSchema, async ({ confirmClash, ...session }) => {
        const teacherIds = group.teachers.map((t) => t.id);
        const found = await teacherClashes(partnershipId, group.id, teacherIds, [session]);
        confirmClashes(
          found.map((f) => ({ person: f.teacher.name, clashes: f.clashes })),
          confirmClash,
          ADD_SESSION_ANYWAY,
        );
        await addSession(ctx, group.id, session);
        // The form keeps what was saved (not blanks), so the next session of a similar week is a small change.
        return changed("Session added to the timetable.");
      }),
    transport: (formData, intent) =>
      submitForm(formData, intent, transportSchema, async (value) => {
        await setTransport(ctx, group.id, value.institutionId, value.note);
        // The form keeps the institution and note just saved, so the user sees what they saved.
        return changed(value.note ? "Transport note saved." : "Transport note removed.");
      }),
    "add-students": (formData, intent) =>
      submitForm(formData, intent, groupStudentsSchema, async (value) => {
        const added = await addStudentsToGroup(ctx, group.id, value.studentIds);
        return changed({
          message: `${added} ${added === 1 ? "student" : "students"} added to the group.`,
          resetForm: true,
        });
      }),
    "remove-teacher": async (formData, intent) => {
      await removeGroupTeacher(ctx, group.id, field(formData, "userId"));
      return changed({ intent, message: "Teacher removed from the group." });
    },
    "remove-session": async (formData, intent) => {
      await removeSession(ctx, group.id, field(formData, "sessionId"));
      return changed({ intent, message: "Session removed from the timetable." });
    },
    "remove-student": async (formData, intent) => {
      await removeStudentFromGroup(ctx, group.id, field(formData, "studentId"));
      return changed({ intent, message: "Student removed from the group. Their record stays in Staffroom." });
    },
    delete: async () => {
      await deleteGroup(ctx, group.id);
      emit("deleted");
      throw redirect(`/courses/${group.courseId}`);
    },
  };
}
