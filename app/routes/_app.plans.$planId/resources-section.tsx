// A plan's resources: links, and small files downloaded through the resource
// route (which checks who may read the plan).
import { getFormProps } from "@conform-to/react";
import { useZodForm } from "~/components/ui/use-zod-form";
import { Form } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { lastResultFor, type PlanActionData, type PlanPage } from "./plan-forms";

const ACCEPT = ".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.png,.jpg,.jpeg,.gif,.webp,.txt,.csv";

function size(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function ResourcesSection({ page, actionData }: { page: PlanPage; actionData: PlanActionData }) {
  const { plan, canEdit } = page;
  return (
    <section aria-labelledby="resources-heading" className="card">
      <h2 id="resources-heading">Resources</h2>
      {plan.resources.length === 0 ? (
        <p className="muted">
          {canEdit ? "No resources yet. Add a link or upload a worksheet below." : "No resources yet."}
        </p>
      ) : (
        <ul className="item-list">
          {plan.resources.map((r) => (
            <li key={r.id}>
              {r.kind === "link" ? (
                <a href={r.url} rel="noopener noreferrer nofollow" target="_blank">
                  {r.title} (link, opens in a new tab)
                </a>
              ) : (
                <a href={`/plans/${plan.id}/resources/${r.id}`} download>
                  {r.title} ({r.fileName}, {size(r.sizeBytes)})
                </a>
              )}
              {canEdit ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="resourceId" value={r.id} />
                  <SubmitButton name="intent" value="remove-resource" variant="link" pendingLabel="Removing…">
                    Remove {r.title}
                  </SubmitButton>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <div className="resource-forms">
          <LinkForm actionData={actionData} />
          <UploadForm actionData={actionData} />
        </div>
      ) : null}
    </section>
  );
}

function LinkForm({ actionData }: { actionData: PlanActionData }) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/lesson-plans").then((m) => m.linkResourceSchema), {
    id: "add-link",
    lastResult: lastResultFor(actionData, "add-link"),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card narrow">
      <h3>Add a link</h3>
      <FormErrors errors={form.errors} id={form.errorId} />
      <TextField meta={fields.title} label="Link title" />
      <TextField meta={fields.url} type="url" label="Web address" />
      <SubmitButton name="intent" value="add-link" pendingLabel="Adding…">
        Add link
      </SubmitButton>
    </Form>
  );
}

function UploadForm({ actionData }: { actionData: PlanActionData }) {
  const lastResult = lastResultFor(actionData, "add-file");
  const fileError = lastResult?.error?.file?.join(" ");
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      className="card narrow"
      key={lastResult?.status === "success" ? String(Date.now()) : "upload"}
    >
      <h3>Upload a file</h3>
      <div className="field">
        <label htmlFor="upload-title">File title</label>
        <span className="hint" id="upload-title-hint">
          Optional: the file's name is used otherwise.
        </span>
        <input id="upload-title" name="title" type="text" maxLength={120} aria-describedby="upload-title-hint" />
      </div>
      <div className={`field${fileError ? " field--error" : ""}`}>
        <label htmlFor="upload-file">File</label>
        <span className="hint" id="upload-file-hint">
          PDF, Word, Excel, PowerPoint, OpenDocument, images (PNG, JPEG, GIF, WebP), plain text or CSV; at most 5 MB.
        </span>
        <input
          id="upload-file"
          name="file"
          type="file"
          accept={ACCEPT}
          aria-describedby={["upload-file-hint", fileError ? "upload-file-error" : ""].filter(Boolean).join(" ")}
          aria-invalid={fileError ? true : undefined}
        />
        {fileError ? (
          <span className="field-error" id="upload-file-error">
            <span className="visually-hidden">Error: </span>
            {fileError}
          </span>
        ) : null}
      </div>
      <SubmitButton name="intent" value="add-file" pendingLabel="Uploading…">
        Upload file
      </SubmitButton>
    </Form>
  );
}
