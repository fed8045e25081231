// A lesson plan as a Word file, for whoever may read the plan; students as the plan page shows them to the reader.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { refusal } from "~/lib/errors";
import { lessonPlanDocx } from "~/models/lesson-plan-docx.server";
import { wordResponse } from "~/models/word-document.server";
import { requireActionContext } from "~/policies/enforce.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requireActionContext(context, request);
  const { file, fileName } = await lessonPlanDocx(ctx, params.planId ?? "").catch(refusal);
  return wordResponse(file, fileName);
}
