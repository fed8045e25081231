// A submit button that shows it is working while its form is submitting, so
// nobody presses twice or wonders whether anything happened.
import { useNavigation, type Fetcher } from "@remix-run/react";
import type { ReactNode } from "react";

export function SubmitButton({
  children,
  pendingLabel,
  name,
  value,
  variant = "primary",
  fetcher,
  formAction,
}: {
  children: ReactNode;
  pendingLabel: string;
  name?: string;
  value?: string;
  variant?: "primary" | "secondary" | "danger" | "link";
  fetcher?: Pick<Fetcher, "state" | "formData">;
  formAction?: string;
}) {
  const navigation = useNavigation();
  const state = fetcher ? fetcher.state : navigation.state;
  const formData = fetcher ? fetcher.formData : navigation.formData;
  const mine = name === undefined || formData?.get(name) === value;
  const pending = state === "submitting" && mine;
  return (
    <button
      type="submit"
      className={`button${variant === "primary" ? "" : ` button--${variant}`}`}
      name={name}
      value={value}
      formAction={formAction}
      aria-disabled={pending || undefined}
      onClick={(event) => {
        if (pending) event.preventDefault();
      }}
    >
      {pending ? (
        <>
          <span className="spinner" aria-hidden="true" />
          {pendingLabel}
        </>
      ) : (
        children
      )}
    </button>
  );
}
