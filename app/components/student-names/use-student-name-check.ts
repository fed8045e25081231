// The live half of the writing warning, for any text (a text field now, the Lexical editor later): asks the server
// which names in the text the writer may see (a moment after typing stops), and finds them in the text at once.
import { useEffect, useMemo, useState } from "react";
import { findStudentNames, replaceStudentNames, type NamedStudent } from "~/lib/student-names";

/** How long after the last key the text is checked: long enough not to ask on every letter. */
const CHECK_AFTER_MS = 400;

const sameStudent = (a: NamedStudent, b: NamedStudent) =>
  a.firstName === b.firstName && a.lastName === b.lastName && a.initials === b.initials;

/** The students named in `text` whom some readers see only as initials, and the text with initials in their place. */
export function useStudentNameCheck(text: string) {
  const [known, setKnown] = useState<NamedStudent[]>([]);
  useEffect(() => {
    if (!text.trim()) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch("/student-names", {
        method: "POST",
        body: new URLSearchParams({ text }),
        signal: controller.signal,
        credentials: "same-origin",
      })
        .then((res) => (res.ok ? (res.json() as Promise<{ students: NamedStudent[] }>) : { students: [] }))
        .then(({ students }) =>
          setKnown((before) => {
            const added = students.filter((s) => !before.some((b) => sameStudent(b, s)));
            return added.length ? [...before, ...added] : before;
          }),
        )
        // A failed check leaves the warning as it was; the names are screened for readers whatever happens here.
        .catch(() => undefined);
    }, CHECK_AFTER_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);
  const named = useMemo(() => {
    const students = findStudentNames(text, known).flatMap((m) => m.students);
    return [...new Set(students)];
  }, [text, known]);
  return { named, withInitials: (value: string) => replaceStudentNames(value, known) };
}
