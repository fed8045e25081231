// The course's units in teaching order: rename, move, remove (after saying what happens to their lesson plans), add.
import { getFormProps } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { TableWrap } from "~/components/ui/table-wrap";
import { useZodForm } from "~/components/ui/use-zod-form";
import type { IntentReply } from "~/lib/forms/intents.server";
import { resultFor, type CourseEditData } from "./page-data";

type Unit = CourseEditData["course"]["units"][number];
type Props = Pick<CourseEditData, "course" | "unitToRemove"> & { reply?: IntentReply };

export function UnitsSection({ course, unitToRemove, reply }: Props) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/courses").then((m) => m.addUnitSchema), {
    id: "add-unit",
    lastResult: resultFor(reply, "add-unit"),
  });
  // A rename's errors belong to the row of the unit it was sent for.
  const rename = resultFor(reply, "rename-unit");
  const renamedUnitId = rename?.initialValue?.unitId;
  return (
    <section className="card" aria-labelledby="units-heading">
      <h2 id="units-heading">Units</h2>
      {unitToRemove ? <RemoveUnitConfirmation unit={unitToRemove} /> : null}
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
              {course.units.map((u, index) => (
                <UnitRow
                  key={u.id}
                  unit={u}
                  index={index}
                  last={index === course.units.length - 1}
                  errors={renamedUnitId === u.id ? (rename?.error?.title ?? undefined) : undefined}
                />
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h3>Add a unit</h3>
      <FormErrors errors={form.errors} id={form.errorId} />
      <Form method="post" {...getFormProps(form)} className="inline-fields">
        <TextField meta={fields.title} label="Unit title" />
        <SubmitButton name="intent" value="add-unit" pendingLabel="Adding…">
          Add unit
        </SubmitButton>
      </Form>
    </section>
  );
}

function RemoveUnitConfirmation({ unit }: { unit: NonNullable<CourseEditData["unitToRemove"]> }) {
  return (
    <Form method="post" replace>
      <input type="hidden" name="unitId" value={unit.id} />
      <div className="alert alert--warning" role="alert">
        <p>
          <strong>Remove the unit “{unit.title}”?</strong>{" "}
          {unit.planCount > 0
            ? `${unit.planCount === 1 ? "Its lesson plan stays" : `Its ${unit.planCount} lesson plans stay`} in the course but will no longer belong to a unit.`
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
  );
}

function UnitRow({ unit: u, index, last, errors }: { unit: Unit; index: number; last: boolean; errors?: string[] }) {
  return (
    <tr>
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
            {!last ? (
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
}
