// The signed-in member as the app shell's loader (routes/_app.tsx) gives them to every page inside it, read by
// route id so that pages need not import the shell's route module.
import { useRouteLoaderData } from "@remix-run/react";
import type { ShellUser } from "./app-shell";

export function useShellUser(): ShellUser | undefined {
  return useRouteLoaderData<{ user: ShellUser }>("routes/_app")?.user;
}
