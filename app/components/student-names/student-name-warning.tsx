// The writing warning beside a free-text field: as the writer names students whom some readers of the text see only
// as initials, it says so politely and offers to put initials in their place. Readers get initials anyway (the
// server screens every text); this lets the writer see what those readers will read and choose it for everyone.
import { useState } from "react";
import { useStudentNameCheck } from "./use-student-name-check";

type TextField = HTMLTextAreaElement | HTMLInputElement;

function fieldById(id: string): TextField | null {
  const found = document.getElementById(id);
  return found instanceof HTMLTextAreaElement || found instanceof HTMLInputElement ? found : null;
}

/** Sets a field's value as typing would, so the form library and React both hear of it. */
function setFieldValue(field: TextField, value: string) {
  const prototype = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, "value")?.set?.call(field, value);
  field.dispatchEvent(new Event("input", { bubbles: true }));
}

function listOfNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * The warning for the text field `fieldId` holding `text` (the form library's live value of it): put it right after
 * the field. Renders an empty live region until a name needs a word.
 */
export function StudentNameWarning({ fieldId, text }: { fieldId: string; text: string }) {
  // The text "Use initials" produced, to say it was done for as long as the writer leaves it so.
  const [replacedText, setReplacedText] = useState<string | null>(null);
  // Only as the writer writes: a page of saved briefings would otherwise ask about each of them as it opens.
  const [savedText] = useState(text);
  const { named, withInitials } = useStudentNameCheck(text === savedText ? "" : text);
  const putInitials = () => {
    const field = fieldById(fieldId);
    if (!field) return;
    const replaced = withInitials(field.value);
    setFieldValue(field, replaced);
    setReplacedText(replaced);
    field.focus();
  };
  return (
    <NameWarning
      id={`${fieldId}-names`}
      names={named.map((s) => `${s.firstName} ${s.lastName}`)}
      replaced={replacedText !== null && replacedText === text}
      onUseInitials={putInitials}
    />
  );
}

/** The warning itself, for a form field (above) or a co-edited document (app/editor/student-names-plugin.tsx). */
export function NameWarning({
  id,
  names,
  replaced,
  onUseInitials,
}: {
  id?: string;
  names: string[];
  /** Whether "Use initials" was just used and the text is still as it left it. */
  replaced: boolean;
  onUseInitials: () => void;
}) {
  return (
    <div className="name-warning" aria-live="polite" id={id}>
      {names.length > 0 ? (
        <div className="alert alert--warning">
          <p>
            Some people who read this may not see the {names.length > 1 ? "full names" : "full name"} of{" "}
            {listOfNames(names)}: they will see initials here instead. Use initials to make it read the same for
            everyone.
          </p>
          <button type="button" className="button button--secondary" onClick={onUseInitials}>
            Use initials
          </button>
        </div>
      ) : replaced ? (
        <p className="hint">Names replaced with initials.</p>
      ) : null}
    </div>
  );
}
