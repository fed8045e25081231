// Finds and replaces one student's name in free text, for erasure and the subject-access export: the full name,
// "First L.", either name alone as a whole word (any case), and the initials as Staffroom writes them ("J. S.").
// Bare two-letter initials ("JS") are left alone: too many ordinary words and codes ("IT", "PE") would go with them.

/** What an erased student's name becomes wherever free text held it. */
export const FORMER_STUDENT = "[former student]";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Letters or digits on either side mean the match is part of a longer word ("Ella" in "Ellabelle"). */
const wordBounded = (alternatives: string[]) => `(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`;

export interface StudentNameMatcher {
  /** Whether the text names the student. */
  test(text: string): boolean;
  /** The text with each mention of the student replaced by FORMER_STUDENT. */
  redact(text: string): string;
}

export function studentNameMatcher(student: { firstName: string; lastName: string }): StudentNameMatcher {
  const first = student.firstName.trim();
  const last = student.lastName.trim();
  const both = first !== "" && last !== "";
  // Longest first, so "Ellie Smith" becomes one token rather than two.
  const names = [
    ...(both ? [`${escape(first)}\\s+${escape(last)}`, `${escape(first)}\\s+${escape(last.charAt(0))}\\.`] : []),
    ...[first, last].filter(Boolean).map(escape),
  ];
  const initials = both
    ? [`${escape(first.charAt(0).toUpperCase())}\\.\\s?${escape(last.charAt(0).toUpperCase())}\\.`]
    : [];
  const byName = new RegExp(wordBounded(names), "giu");
  // Initials are matched in capitals only: "j. s." in running text is rarely a person.
  const byInitials = initials.length > 0 ? new RegExp(`${wordBounded(initials)}`, "gu") : null;
  const patterns = byInitials ? [byName, byInitials] : [byName];
  return {
    test: (text) => patterns.some((pattern) => new RegExp(pattern.source, pattern.flags.replace("g", "")).test(text)),
    redact: (text) => patterns.reduce((out, pattern) => out.replace(pattern, FORMER_STUDENT), text),
  };
}
