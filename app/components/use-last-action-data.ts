// The page's last action reply, kept while the page reloads its data in the background. A live refresh (anyone's change
// in the partnership, the person's own save included: components/live-updates) is a revalidation, and Remix forgets the
// action's data on a revalidation: the notice "Unit added." or the reply a form shows its messages from vanished a
// quarter of a second after it appeared. A revalidation keeps the location; a navigation or a new submission brings a
// new one, and the reply is then forgotten as before. Signed-in pages only: the public ones (sign-in, invitations,
// password reset) have no live refresh, and keep Remix's own hook and the smaller first load.
import { useActionData, useLocation } from "@remix-run/react";
import { useState } from "react";

export function useLastActionData<T>(): ReturnType<typeof useActionData<T>> {
  const data = useActionData<T>();
  const { key } = useLocation();
  const [held, setHeld] = useState({ key, data });
  if (data !== undefined && (held.data !== data || held.key !== key)) setHeld({ key, data });
  if (data !== undefined) return data;
  return held.key === key ? held.data : undefined;
}
