// The subject-access export of one student as a JSON download: the coordinator only, audited
// (app/models/student-export.server.ts says what it holds).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getStudentFacts } from "~/models/student-facts.server";
import { exportStudent } from "~/models/student-export.server";
import { ensure, ensureFound, requireActionContext } from "~/policies/enforce.server";
import { canExportStudent } from "~/policies/student";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requireActionContext(context, request);
  const facts = ensureFound(ctx.actor, await getStudentFacts(ctx.actor.partnershipId, params.studentId ?? ""));
  ensure(canExportStudent(ctx.actor, facts), "Only the coordinator can export everything held about a student.");
  const exported = await exportStudent(ctx, facts.id);
  return new Response(JSON.stringify(exported, null, 2), {
    status: 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      // The file name carries the id, not the name: a download folder is no place for a child's name.
      "Content-Disposition": `attachment; filename="student-${facts.id}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
