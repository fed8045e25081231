// A link to pass on (an invitation, a password reset): shown in a read-only field that is
// selected at once, with a button that copies it and tells screen readers it did.
import { useEffect, useRef, useState } from "react";

export function CopyLink({ id, label, link }: { id: string; label: string; link: string }) {
  const [copied, setCopied] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.select(), []);
  return (
    <div className="copy-row">
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input id={id} ref={inputRef} readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      </div>
      <button
        type="button"
        className="button button--secondary"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(link);
            setCopied(true);
          } catch {
            inputRef.current?.select();
          }
        }}
      >
        {copied ? "Copied" : "Copy link"}
      </button>
      <span role="status" className="visually-hidden">
        {copied ? "Link copied" : ""}
      </span>
    </div>
  );
}
