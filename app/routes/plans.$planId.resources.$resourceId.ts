// Download of a file attached to a lesson plan: only for those who may read the
// plan; always as an attachment with the type decided at upload, never sniffed
// (X-Content-Type-Options: nosniff comes with every response, server/http/security-headers.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getResourceFile } from "~/models/lesson-resources.server";
import { notFound, requireActor } from "~/policies/enforce.server";

function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const file = await getResourceFile(actor, params.planId ?? "", params.resourceId ?? "");
  if (!file) notFound("We could not find that file.");
  return new Response(file.data, {
    status: 200,
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.data.byteLength),
      "Content-Disposition": contentDisposition(file.fileName),
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
