// The account page's section where a member chooses, per kind of notification, whether it shows in Staffroom and
// whether it comes by email (at once, in the daily digest, or not). Saved by /account/notifications.
import { Form, useSearchParams } from "@remix-run/react";
import { NOTIFICATION_KIND_LABELS, type DeliveryChoice, type NotificationKind } from "~/lib/notification-kinds";
import { Notice } from "./ui/notice";
import { SubmitButton } from "./ui/submit-button";
import { TableWrap } from "./ui/table-wrap";

export function NotificationChoices({ choices }: { choices: Array<{ kind: NotificationKind } & DeliveryChoice> }) {
  const [searchParams] = useSearchParams();
  return (
    <section aria-labelledby="notification-choices" className="card">
      <h2 id="notification-choices" tabIndex={-1}>
        Notifications
      </h2>
      <p>
        Choose where you hear of each kind: in Staffroom (the bell and the notifications page), by email as it happens,
        in one email a day with everything waiting, both or neither.
      </p>
      {searchParams.get("notifications") === "saved" ? (
        <Notice tone="success">
          <p>Your notification choices are saved.</p>
        </Notice>
      ) : null}
      <Form method="post" action="/account/notifications" preventScrollReset>
        <TableWrap label="Where you hear of each kind of notification">
          <table className="delivery-choices">
            <caption className="visually-hidden">Where you hear of each kind of notification</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">In Staffroom</th>
                <th scope="col">By email</th>
              </tr>
            </thead>
            <tbody>
              {choices.map(({ kind, inApp, email }) => (
                <tr key={kind}>
                  <th scope="row" id={`kind-${kind}`}>
                    {NOTIFICATION_KIND_LABELS[kind]}
                  </th>
                  <td data-label="In Staffroom">
                    <input
                      type="checkbox"
                      name={`inApp.${kind}`}
                      defaultChecked={inApp}
                      aria-labelledby={`kind-${kind} in-app-${kind}`}
                    />
                    <span id={`in-app-${kind}`} className="visually-hidden">
                      in Staffroom
                    </span>
                  </td>
                  <td data-label="By email">
                    <select name={`email.${kind}`} defaultValue={email} aria-labelledby={`kind-${kind} email-${kind}`}>
                      <option value="off">No email</option>
                      <option value="immediate">At once</option>
                      <option value="digest">Daily digest</option>
                    </select>
                    <span id={`email-${kind}`} className="visually-hidden">
                      by email
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <SubmitButton pendingLabel="Saving your choices…">Save notification choices</SubmitButton>
      </Form>
    </section>
  );
}
