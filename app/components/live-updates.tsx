// Keeps every signed-in page current: when something in the partnership changes
// (in any process), the page's data is reloaded quietly; when the server ends
// this session (sign-out elsewhere, deactivation, role change), the tab goes to
// the sign-in page instead of failing later. Uses the tab's one socket.
import { useRevalidator } from "@remix-run/react";
import { useRef } from "react";
import { useTabSocket } from "./use-tab-socket";

export function LiveUpdates() {
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;

  useTabSocket((socket) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChanged = () => {
      // Several changes in a burst cause one reload.
      clearTimeout(timer);
      timer = setTimeout(() => revalidate.current(), 250);
    };
    const onEnded = (payload: { reason: string }) => {
      window.location.assign(`/login?ended=${encodeURIComponent(payload.reason)}`);
    };
    socket.on("partnership:changed", onChanged);
    socket.on("session:ended", onEnded);
    return () => {
      clearTimeout(timer);
      socket.off("partnership:changed", onChanged);
      socket.off("session:ended", onEnded);
    };
  });
  return null;
}
