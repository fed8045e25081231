// The home page's loader: each role's page from the home models, asked through their policies. Leaders and the
// coordinator see the partnership's week; teachers their lessons, plans and courses; everyone deployed as a
// supporter their next deployments (an LSA's page leads with them).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { ukDayOf } from "~/lib/uk-calendar";
import { supporterHome, teacherHome } from "~/models/home.server";
import { listUpcomingMeetings } from "~/models/meetings.server";
import { partnershipActivity } from "~/models/partnership-activity.server";
import { canViewPartnershipActivity } from "~/policies/activity";
import { isTeacher } from "~/policies/actor";
import { requireActor } from "~/policies/enforce.server";
import { canInviteMembers, canManageInstitutions, canViewAuditLog } from "~/policies/membership";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const now = new Date();
  const [supporter, teacher, activity, meetings] = await Promise.all([
    supporterHome(actor, now),
    isTeacher(actor) ? teacherHome(actor, now) : null,
    canViewPartnershipActivity(actor) ? partnershipActivity(actor, now) : null,
    listUpcomingMeetings(actor, now, 3),
  ]);
  return {
    role: actor.role,
    firstName: context.user!.name.split(" ")[0],
    today: ukDayOf(now),
    supporter,
    teacher,
    activity,
    meetings,
    runsPartnership: {
      invite: canInviteMembers(actor),
      institutions: canManageInstitutions(actor),
      audit: canViewAuditLog(actor),
    },
  };
}
