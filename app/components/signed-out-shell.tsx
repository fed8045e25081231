// The frame of the pages people see before they are signed in (sign in, an
// invitation, a password reset link): skip link, the Staffroom name, the page.
import type { ReactNode } from "react";

export function SignedOutShell({ children }: { children: ReactNode }) {
  return (
    <div className="sign-in-page">
      <a className="skip-link" href="#main-content">
        Skip to main content
      </a>
      <main id="main-content">
        <p className="brand-block">Staffroom</p>
        {children}
      </main>
    </div>
  );
}
