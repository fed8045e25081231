// Status messages: success and information are announced politely, errors assertively.
import type { ReactNode } from "react";

export function Notice({
  tone = "info",
  children,
  title,
}: {
  tone?: "info" | "success" | "warning" | "error";
  children: ReactNode;
  title?: string;
}) {
  return (
    <div className={`alert alert--${tone === "info" ? "" : tone}`} role={tone === "error" ? "alert" : "status"}>
      {title ? (
        <p>
          <strong>{title}</strong>
        </p>
      ) : null}
      {children}
    </div>
  );
}
