// The plan page's server side: its loader, and its action, where every form posts one `intent` to one handler
// (runIntent). The page asks the lesson-plan policy once per request and passes the checked plan to the models.
import {
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  MaxPartSizeExceededError,
  type ActionFunctionArgs,
  type UploadHandler,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import type { useActionData, useLoaderData } from "@remix-run/react";
import { config } from "~/config.server";
import { DomainError, refusal } from "~/lib/errors";
import { briefingSchema, deploySchema, removeDeploymentSchema } from "~/lib/forms/deployments";
import { DEPLOY_ANYWAY } from "~/lib/forms/labels";
import { failedReply, runIntent, submitForm } from "~/lib/forms/intents.server";
import {
  differentiationSchema,
  linkResourceSchema,
  planDetailsSchema,
  removeDifferentiationSchema,
  removeResourceSchema,
  statusSchema,
  unlinkStrategySchema,
} from "~/lib/forms/lesson-plans";
import { timetableDayWarning } from "~/lib/lesson-dates";
import { listClashes } from "~/lib/clashes";
import { confirmClashes, planDeploymentClashes, supporterClashes } from "~/models/bookings.server";
import { deploySupporter, removeDeployment, requirePlanDeployment, saveBriefing } from "~/models/deployments.server";
import { requireLessonPlan, type LessonPlanAccess } from "~/models/lesson-plan-facts.server";
import { loadLessonPlanPage } from "~/models/lesson-plan-page.server";
import type { GroupDays } from "~/models/lesson-plan-page-sql.server";
import {
  addDifferentiationNote,
  deleteLessonPlan,
  removeDifferentiationNote,
  setLessonPlanStatus,
  unlinkStrategy,
  updateLessonPlanDetails,
} from "~/models/lesson-plans.server";
import { addFileResource, addLinkResource, MAX_RESOURCE_BYTES, removeResource } from "~/models/lesson-resources.server";
import type { ActionContext } from "~/policies/actor";
import { canDeleteLessonPlan, canEditLessonPlan } from "~/policies/lesson-plan";
import { ensure, notFound, requireActionContext, requireActor } from "~/policies/enforce.server";
import { decisionsAbout } from "~/models/meeting-links.server";

export type PlanPage = ReturnType<typeof useLoaderData<typeof loader>>;
export type PlanActionData = ReturnType<typeof useActionData<typeof action>>;

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const plan = await requireLessonPlan(actor, params.planId ?? "").catch(refusal);
  const search = new URL(request.url).searchParams;
  const page = await loadLessonPlanPage(actor, plan, {
    canEdit: canEditLessonPlan(actor, plan),
    canDelete: canDeleteLessonPlan(actor, plan),
    // The view the page shows (route.tsx): the editing view's forms need more than the reading view.
    editing: search.has("edit"),
    confirmDelete: search.get("confirm") === "delete",
    // Plans from before their text was live get it moved into their document on first opening.
    opening: true,
    ipAddress: context.clientIp,
  });
  if (!page) notFound("We could not find that lesson plan.");
  const clashes = await planDeploymentClashes(
    actor.partnershipId,
    plan.id,
    page.deployments.map((d) => d.supporter.id),
  );
  return {
    ...page,
    dateWarning: savedDateWarning(page),
    decisions: await decisionsAbout(actor, "plan", plan.id),
    // Kept in view after the deployment: the other lesson may have moved since, or been confirmed knowingly.
    deploymentClashes: Object.fromEntries([...clashes].map(([id, found]) => [id, listClashes(found)])),
    user: { id: actor.id },
  };
}

/** The warning for the saved date when it is not a day the plan's group meets (a warning only: lessons move for trips and exams). */
function savedDateWarning(page: {
  plan: { groupId: string | null; lessonDate: string | null };
  groupDays: Record<string, GroupDays>;
}) {
  const { groupId, lessonDate } = page.plan;
  const group = groupId ? page.groupDays[groupId] : undefined;
  return group && lessonDate ? timetableDayWarning(lessonDate, group) : null;
}

const TOO_LARGE =
  "That file is larger than 5 MB. Make it smaller (for example, save a PDF at a lower quality) or share a link instead.";
const TOO_MUCH = "That upload carried more than one form can send. Reload the page and upload one file at a time.";

class UploadTooLargeError extends Error {}

/**
 * The memory upload handler, with the whole request's limits: at most MAX_UPLOAD_PARTS parts and MAX_UPLOAD_BYTES
 * in all, so many parts of 5 MB each are refused as they arrive rather than buffered.
 */
function limitedUploadHandler(): UploadHandler {
  const { maxUploadParts, maxUploadBytes } = config();
  const readPart = unstable_createMemoryUploadHandler({ maxPartSize: MAX_RESOURCE_BYTES });
  let parts = 0;
  let bytes = 0;
  return (part) => {
    if (++parts > maxUploadParts) throw new UploadTooLargeError();
    async function* counted() {
      for await (const chunk of part.data) {
        bytes += chunk.byteLength;
        if (bytes > maxUploadBytes) throw new UploadTooLargeError();
        yield chunk;
      }
    }
    return readPart({ ...part, data: counted() });
  };
}

/** The posted form; a file past the limit is refused as the upload form's field error, unread. */
async function readForm(request: Request) {
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) return request.formData();
  try {
    // Stops reading a file part past the limit instead of buffering whatever is sent.
    return await unstable_parseMultipartFormData(request, limitedUploadHandler());
  } catch (error) {
    if (error instanceof UploadTooLargeError) return failedReply({ intent: "add-file", message: TOO_MUCH }, 413);
    if (!(error instanceof MaxPartSizeExceededError)) throw error;
    return failedReply({ intent: "add-file", result: { status: "error", error: { file: [TOO_LARGE] } } });
  }
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requireActionContext(context, request);
  // Every form on this page changes the plan: refuse readers before reading what they sent.
  const plan = await requireLessonPlan(ctx.actor, params.planId ?? "", canEditLessonPlan).catch(refusal);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const changed: Changed = (entity, id, change) =>
    context.realtime.emitToPartnership(ctx.actor.partnershipId, "partnership:changed", {
      entity,
      id,
      action: change,
      by: ctx.actor.id,
    });
  return runIntent(form, {
    ...partIntents(ctx, plan, changed),
    ...noteIntents(ctx, plan, changed),
    ...resourceIntents(ctx, plan, changed),
    ...deploymentIntents(ctx, plan, changed),
    delete: async () => {
      ensure(canDeleteLessonPlan(ctx.actor, plan), "Only the coordinator and the course's co-planners can delete it.");
      await deleteLessonPlan(ctx, plan);
      changed("lesson-plan", plan.id, "deleted");
      throw redirect(`/courses/${plan.courseId}`);
    },
  });
}

type Changed = (entity: "lesson-plan" | "deployment", id: string, change: "created" | "updated" | "deleted") => void;

/** The plan's details and status (its text is written in its live document): each form saves and says so. */
function partIntents(ctx: ActionContext, plan: LessonPlanAccess, changed: Changed) {
  return {
    details: (form: FormData, intent: string) =>
      submitForm(form, intent, planDetailsSchema, async (details) => {
        await updateLessonPlanDetails(ctx, plan, details);
        changed("lesson-plan", plan.id, "updated");
        return "Lesson details saved.";
      }),
    status: (form: FormData, intent: string) =>
      submitForm(form, intent, statusSchema, async ({ status }) => {
        await setLessonPlanStatus(ctx, plan, status);
        changed("lesson-plan", plan.id, "updated");
        return "Status changed.";
      }),
  };
}

/** Differentiation notes and linked strategies. */
function noteIntents(ctx: ActionContext, plan: LessonPlanAccess, changed: Changed) {
  return {
    "add-differentiation": (form: FormData, intent: string) =>
      submitForm(form, intent, differentiationSchema, async (value) => {
        await addDifferentiationNote(ctx, plan, value);
        changed("lesson-plan", plan.id, "updated");
        return { message: "Differentiation note added.", resetForm: true };
      }),
    "remove-differentiation": (form: FormData, intent: string) =>
      submitForm(form, intent, removeDifferentiationSchema, async ({ noteId }) => {
        await removeDifferentiationNote(ctx, plan, noteId);
        changed("lesson-plan", plan.id, "updated");
        return "Note removed.";
      }),
    "unlink-strategy": (form: FormData, intent: string) =>
      submitForm(form, intent, unlinkStrategySchema, async ({ strategyId }) => {
        await unlinkStrategy(ctx, plan, strategyId);
        changed("lesson-plan", plan.id, "updated");
        return "Strategy removed from this plan. It stays in the library.";
      }),
  };
}

/** Links and uploaded files. */
function resourceIntents(ctx: ActionContext, plan: LessonPlanAccess, changed: Changed) {
  return {
    "add-link": (form: FormData, intent: string) =>
      submitForm(form, intent, linkResourceSchema, async (value) => {
        await addLinkResource(ctx, plan, value);
        changed("lesson-plan", plan.id, "updated");
        return { message: "Link added.", resetForm: true };
      }),
    "add-file": async (form: FormData, intent: string) => {
      const file = form.get("file");
      const title = String(form.get("title") ?? "");
      // The title stays in the form when the file is refused, so only the file is chosen again.
      const refused = (message: string) =>
        failedReply({ intent, result: { status: "error", initialValue: { title }, error: { file: [message] } } });
      if (!(file instanceof Blob) || file.size === 0) return refused("Choose a file to upload.");
      const name = "name" in file && typeof file.name === "string" ? file.name : "file";
      try {
        await addFileResource(ctx, plan, { title, fileName: name, bytes: new Uint8Array(await file.arrayBuffer()) });
      } catch (error) {
        if (error instanceof DomainError && error.code === "invalid") return refused(error.message);
        throw error;
      }
      changed("lesson-plan", plan.id, "updated");
      return { intent, result: { status: "success" as const, initialValue: null }, message: "File uploaded." };
    },
    "remove-resource": (form: FormData, intent: string) =>
      submitForm(form, intent, removeResourceSchema, async ({ resourceId }) => {
        await removeResource(ctx, plan, resourceId);
        changed("lesson-plan", plan.id, "updated");
        return "Resource removed.";
      }),
  };
}

/** Deploying a supporter, their briefing, and removing them: a deployment of another plan is a 404. */
function deploymentIntents(ctx: ActionContext, plan: LessonPlanAccess, changed: Changed) {
  const deploymentOf = (form: FormData) => requirePlanDeployment(plan, String(form.get("deploymentId") ?? ""));
  return {
    deploy: (form: FormData, intent: string) =>
      submitForm(form, intent, deploySchema, async ({ intent: _intent, confirmClash, ...value }) => {
        const found = await supporterClashes(ctx.actor.partnershipId, plan.id, value.supporterId);
        confirmClashes([found], confirmClash, DEPLOY_ANYWAY);
        const deployment = await deploySupporter(ctx, plan, value);
        changed("deployment", deployment.id, "created");
        return {
          message: deployment.briefedAt
            ? "Supporter deployed and briefed."
            : "Supporter deployed. Add their briefing before the lesson.",
          resetForm: true,
        };
      }),
    brief: async (form: FormData, intent: string) => {
      const deployment = await deploymentOf(form);
      return submitForm(form, intent, briefingSchema, async ({ intent: _intent, deploymentId: _id, ...value }) => {
        await saveBriefing(ctx, deployment, value);
        changed("deployment", deployment.id, "updated");
        return "Briefing saved. The supporter is asked to read it again.";
      });
    },
    "remove-deployment": async (form: FormData, intent: string) => {
      const deployment = await deploymentOf(form);
      return submitForm(form, intent, removeDeploymentSchema, async () => {
        await removeDeployment(ctx, deployment);
        changed("deployment", deployment.id, "deleted");
        return "Deployment removed.";
      });
    },
  };
}
