// Student names in free text (briefings, feedback, notes, comments): finding them, and putting initials in their
// place. Pure and isomorphic: the server screens what a reader receives, the browser warns a writer as they type.

/** A student as the matching needs them: the names to look for and what stands in their place. */
export interface NamedStudent {
  firstName: string;
  lastName: string;
  /** "E. M.": what replaces the name. */
  initials: string;
}

/** One name found in a text: where (in the text as given), and every student it may name. */
export interface StudentNameMention<S extends NamedStudent = NamedStudent> {
  start: number;
  end: number;
  /** The name as written ("ellie", "Ellie Marsh"), without a possessive "s". */
  written: string;
  /** A full name names one student (or namesakes); a first name alone names every student who has it. */
  students: S[];
  /** The text ran on into an "s" with no apostrophe ("Ellies bag"): part of the mention, kept as "’s". */
  possessive: boolean;
}

/**
 * First names that are also everyday words: matched only when written with a capital ("Will", not "you will need"),
 * or a note about hope and grace would lose its words. A capital at the start of a sentence still counts: a stray
 * "Will you…" turned into initials is a small price for never missing "Will needs…".
 */
const WORD_NAMES = new Set(
  (
    "al amber april art august autumn bill bob buddy carol chase cherry chip clay dawn dean destiny dot drew eve faith " +
    "frank gene grace grant guy harley harmony harry hazel heather holly honey hope hunter iris ivy jack jade jay " +
    "jean joy june ken king lily mark max may miles misty olive pat patience pearl penny poppy rain ray reed rich " +
    "river robin rock rose ruby rusty sage scarlett sky skye sonny stone storm summer sunny taylor wade will willow " +
    "winter"
  ).split(" "),
);

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const COMBINING_MARK = /\p{M}/gu;

/** Lower case without accents, for comparing names ("Zoë" and "zoe" are one name). */
function fold(name: string): string {
  return name.normalize("NFD").replace(COMBINING_MARK, "").toLowerCase().trim();
}

/** A name as a pattern: any case, any accents on its letters, any run of spaces, either apostrophe. */
function namePattern(name: string): string {
  return [...fold(name)]
    .map((char) => {
      if (/\s/.test(char)) return "\\s+";
      if (char === "'" || char === "’") return "['’]";
      return `${char.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}\\p{M}*`;
    })
    .join("");
}

interface Candidate<S> {
  folded: string;
  students: S[];
  /** Only written with a capital counts (a first name that is also a word). */
  capitalOnly: boolean;
}

function candidatesOf<S extends NamedStudent>(students: readonly S[]): Candidate<S>[] {
  const byName = new Map<string, Candidate<S>>();
  const add = (name: string, student: S, capitalOnly: boolean) => {
    const folded = fold(name);
    if (!folded) return;
    const found = byName.get(folded) ?? { folded, students: [], capitalOnly };
    if (!found.students.includes(student)) found.students.push(student);
    byName.set(folded, found);
  };
  for (const student of students) {
    add(`${student.firstName} ${student.lastName}`, student, false);
    add(student.firstName, student, WORD_NAMES.has(fold(student.firstName)));
  }
  // Longest first, so "Ellie Marsh" is one mention, not "Ellie" and a stray surname.
  return [...byName.values()].sort((a, b) => b.folded.length - a.folded.length);
}

const WORD_BREAK = /[^\p{L}\p{N}]+/u;

/**
 * The words of the texts as names are looked for in them (folded, and each also without a possessive "s"): a student
 * may be named in a text only if the first word of their folded first name is one of these.
 */
export function nameWords(texts: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const text of texts) {
    for (const word of fold(text).split(WORD_BREAK)) words.add(word).add(word.replace(/s$/, ""));
  }
  return words;
}

/** The students whose first name's first word is a word of the text: a cheap sieve before the one pattern. */
function possiblyNamed<S extends NamedStudent>(text: string, students: readonly S[]): S[] {
  const words = nameWords([text]);
  return students.filter((s) => words.has(fold(s.firstName).split(WORD_BREAK)[0] ?? ""));
}

/** Every mention of the students' first or full names in the text, in order. */
export function findStudentNames<S extends NamedStudent>(
  text: string,
  students: readonly S[],
): StudentNameMention<S>[] {
  if (!text) return [];
  const candidates = candidatesOf(possiblyNamed(text, students));
  if (candidates.length === 0) return [];
  const source = text.normalize("NFD");
  const pattern = new RegExp(candidates.map((c) => `(${namePattern(c.folded)})`).join("|"), "giu");
  const mentions: StudentNameMention<S>[] = [];
  for (const match of source.matchAll(pattern)) {
    const start = match.index;
    let end = start + match[0].length;
    if (start > 0 && LETTER_OR_DIGIT.test(source[start - 1]!)) continue;
    let possessive = false;
    if (/^[sS]/.test(source.slice(end)) && !LETTER_OR_DIGIT.test(source[end + 1] ?? "")) {
      possessive = true;
      end += 1;
    } else if (LETTER_OR_DIGIT.test(source[end] ?? "")) continue;
    const candidate = candidates[match.slice(1).findIndex((group) => group !== undefined)]!;
    const written = match[0].normalize("NFC");
    if (candidate.capitalOnly && written.charAt(0) === written.charAt(0).toLowerCase()) continue;
    mentions.push({ start, end, written, students: candidate.students, possessive });
  }
  // Positions so far are in the decomposed text: map them back to the text as given.
  return text === source ? mentions : mentions.map((m) => remapped(text, m));
}

function remapped<S extends NamedStudent>(text: string, mention: StudentNameMention<S>): StudentNameMention<S> {
  const offsets: number[] = [];
  let decomposed = 0;
  for (let i = 0; i <= text.length;) {
    offsets[decomposed] ??= i;
    if (i === text.length) break;
    const char = String.fromCodePoint(text.codePointAt(i)!);
    decomposed += char.normalize("NFD").length;
    i += char.length;
  }
  const back = (at: number) => {
    while (offsets[at] === undefined && at > 0) at -= 1;
    return offsets[at] ?? 0;
  };
  return { ...mention, start: back(mention.start), end: back(mention.end) };
}

/** What stands for a mention: the initials its students share, or the first letter alone when namesakes differ. */
function initialsFor(mention: StudentNameMention, named: readonly NamedStudent[]): string {
  const all = [...new Set(named.map((s) => s.initials))];
  const initials = all.length === 1 ? all[0]! : `${mention.written.charAt(0).toUpperCase()}.`;
  return mention.possessive ? `${initials}’s` : initials;
}

/**
 * The text with every mention of a student for whom `hide` says so put as initials ("make sure E. M. can see you").
 * A first name shared by several students is hidden when any of them is: the text cannot say which one it meant.
 */
export function replaceStudentNames<S extends NamedStudent>(
  text: string,
  students: readonly S[],
  hide: (student: S) => boolean = () => true,
): string {
  let result = "";
  let from = 0;
  for (const mention of findStudentNames(text, students)) {
    const hidden = mention.students.filter(hide);
    if (hidden.length === 0) continue;
    result += text.slice(from, mention.start) + initialsFor(mention, hidden);
    from = mention.end;
  }
  return result + text.slice(from);
}
