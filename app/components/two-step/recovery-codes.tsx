// Recovery codes, shown once when they are made: Staffroom keeps only their hashes.
import type { ReactNode } from "react";
import { Notice } from "~/components/ui/notice";

export function RecoveryCodes({ codes, children }: { codes: string[]; children?: ReactNode }) {
  return (
    <section aria-labelledby="recovery-codes-heading" className="card narrow">
      <h2 id="recovery-codes-heading">Your recovery codes</h2>
      <Notice tone="warning">
        <p>
          Keep these codes somewhere safe, away from your phone: printed in a locked drawer or in a password manager.
          Each works once, in place of a code from your app, if you lose your phone. Staffroom shows them only now.
        </p>
      </Notice>
      <ol className="recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      {children}
    </section>
  );
}
