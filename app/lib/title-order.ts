// Titles in the order a British reader expects, which is the order localeCompare(…, "en-GB") (ICU) gives: letters
// first without their accents or case ("Élan" with "elan", before "Zones"), then accents, then lower case before
// upper. Neither database collates so on its own, so a title's sort key is kept beside it (decision 037), and SQL
// compares keys byte by byte (`COLLATE "C"` on PostgreSQL), with the title itself descending for the last tie.

/**
 * ASCII spaces and punctuation in ICU's order, all before digits and letters; "$" is left out because its own code
 * already sorts it after them. Both sort keys (this module's, and the SQL one of sql-title-order.server.ts) map each
 * to a control character in this order.
 */
export const PUNCTUATION_ORDER = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~";

/** Below every character of a key's first part: ends it, so "ab" comes before "ab c". */
const LEVEL_END = "\u0001";
const PUNCTUATION_KEYS = new Map([...PUNCTUATION_ORDER].map((c, i) => [c, String.fromCharCode(i + 2)]));
/** Other punctuation and symbols ("°", "→"): after ASCII punctuation, before "$" and other currencies. */
const OTHER_SYMBOL = String.fromCharCode(PUNCTUATION_ORDER.length + 2);

/** Typographic punctuation, sorted as its plain form (ICU puts it just after that). */
const PLAIN_PUNCTUATION: Record<string, string> = {
  "‘": "'",
  "’": "'",
  "‚": "'",
  "‛": "'",
  "“": '"',
  "”": '"',
  "„": '"',
  "‐": "-",
  "‑": "-",
  "‒": "-",
  "–": "-",
  "—": "-",
  "―": "-",
};

/** Letters that do not decompose into a base letter and an accent, as the letters ICU sorts them with. */
const PLAIN_LETTERS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  đ: "d",
  ð: "d",
  ł: "l",
  þ: "th",
  ı: "i",
  ħ: "h",
};

/** Each combining accent, as a character in ICU's order of accents ("é" before "è"), for the key's second part. */
const ACCENT_RANKS: ReadonlyMap<string, string> = (() => {
  const collator = new Intl.Collator("en-GB");
  const accents = Array.from({ length: 0x70 }, (_, i) => String.fromCharCode(0x300 + i));
  accents.sort((a, b) => collator.compare(`a${a}`, `a${b}`) || a.charCodeAt(0) - b.charCodeAt(0));
  return new Map(accents.map((accent, rank) => [accent, String.fromCharCode(0x300 + rank)]));
})();

function primaryCharacter(c: string): string {
  if (/[a-z0-9]/.test(c)) return c;
  const plain = PLAIN_PUNCTUATION[c] ?? PLAIN_LETTERS[c] ?? c;
  if (plain.length > 1 || /[a-z]/.test(plain)) return plain;
  if (/\s/u.test(plain)) return PUNCTUATION_KEYS.get(" ")!;
  if (PUNCTUATION_KEYS.has(plain)) return PUNCTUATION_KEYS.get(plain)!;
  if (/\p{Cc}/u.test(plain)) return "";
  if (/\p{Sc}/u.test(plain)) return "$";
  if (/[\p{P}\p{S}]/u.test(plain)) return OTHER_SYMBOL;
  return plain;
}

/**
 * A key that orders titles as localeCompare(…, "en-GB") does when compared byte-wise, ties between titles that
 * differ only in case broken by the titles themselves, descending. First the letters without accents or case, with
 * spaces and punctuation in ICU's order; then, after LEVEL_END, the accents.
 */
export function titleSortKey(title: string): string {
  const lower = title.toLocaleLowerCase("en-GB");
  const letters = lower.normalize("NFKD").replace(/\p{M}/gu, "");
  const primary = [...letters].map(primaryCharacter).join("");
  const accents = lower.normalize("NFD").replace(/[\u0300-\u036f]/g, (accent) => ACCENT_RANKS.get(accent)!);
  return `${primary}${LEVEL_END}${accents}`;
}
