// What a Staffroom document may hold, as Lexical's Yjs binding (V1) stores it: every element node is a Y.XmlText
// with its properties as attributes (`__type` first), every text, tab or line break a Y.Map of properties followed
// by its characters in the parent's text. The server checks each change against these rules (decision 013); the
// editor keeps to them itself (no inline styles, links only to web pages and e-mail addresses).

/** Element nodes, kept in a Y.XmlText, and the node types each may contain. */
const BLOCK = ["paragraph", "heading", "quote", "list"] as const;
const INLINE = ["text", "tab", "linebreak", "link", "autolink", "mention"] as const;
const LEAF_TEXT = ["text", "tab", "linebreak"] as const;

export const ELEMENT_CHILDREN: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["root", new Set(BLOCK)],
  ["paragraph", new Set(INLINE)],
  ["heading", new Set(INLINE)],
  ["quote", new Set(INLINE)],
  ["list", new Set(["listitem"])],
  // A nested list sits inside a list item of its own.
  ["listitem", new Set([...INLINE, "list"])],
  ["link", new Set(LEAF_TEXT)],
  ["autolink", new Set(LEAF_TEXT)],
]);

/** Text-level nodes, kept in a Y.Map. */
export const TEXT_NODE_TYPES: ReadonlySet<string> = new Set([...LEAF_TEXT, "mention"]);

type ValueRule = (value: unknown) => boolean;

const integer =
  (min: number, max: number): ValueRule =>
  (value) =>
    typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
const oneOf =
  (...allowed: unknown[]): ValueRule =>
  (value) =>
    allowed.includes(value);
const boolean: ValueRule = (value) => typeof value === "boolean";
const shortText =
  (max: number): ValueRule =>
  (value) =>
    value === null || (typeof value === "string" && value.length <= max);
/** No inline styles at all: a style is how a change could draw over the page (an overlay, an outside image). */
const noStyle = oneOf("");

const ELEMENT_PROPERTIES: Record<string, ValueRule> = {
  __format: integer(0, 6), // alignment
  __style: noStyle,
  __indent: integer(0, 100),
  __dir: oneOf(null, "ltr", "rtl"),
  __textFormat: integer(0, 2047),
  __textStyle: noStyle,
};
const TEXT_PROPERTIES: Record<string, ValueRule> = {
  __format: integer(0, 2047), // bold, italic, underline ... capitalise: 11 bits
  __style: noStyle,
  __mode: integer(0, 2), // normal, token, segmented
  __detail: integer(0, 3), // directionless, unmergeable
};
const LINK_PROPERTIES: Record<string, ValueRule> = {
  ...ELEMENT_PROPERTIES,
  __url: (value) => typeof value === "string" && value.length <= 8192 && isSafeUrl(value),
  __target: shortText(64),
  __rel: shortText(256),
  __title: shortText(2048),
};

/** A member's id (a cuid) or a mention's own id; empty only in the blank node Lexical's binding starts from. */
const idOrEmpty: ValueRule = (value) => typeof value === "string" && /^[A-Za-z0-9_-]{0,64}$/.test(value);
const MENTION_PROPERTIES: Record<string, ValueRule> = {
  ...TEXT_PROPERTIES,
  __mode: oneOf(1), // a token, deleted whole: its text is the name it shows
  __personId: idOrEmpty,
  __mentionId: idOrEmpty,
};

/** The properties each node type may carry besides `__type`, with the values each may take. */
const NODE_PROPERTIES: ReadonlyMap<string, Readonly<Record<string, ValueRule>>> = new Map([
  // The root's own properties (it has no `__type`): those of an element, less the text ones.
  [
    "root",
    {
      __format: ELEMENT_PROPERTIES.__format!,
      __style: noStyle,
      __indent: integer(0, 100),
      __dir: oneOf(null, "ltr", "rtl"),
    },
  ],
  ["paragraph", ELEMENT_PROPERTIES],
  ["quote", ELEMENT_PROPERTIES],
  ["heading", { ...ELEMENT_PROPERTIES, __tag: oneOf("h1", "h2", "h3", "h4", "h5", "h6") }],
  [
    "list",
    {
      ...ELEMENT_PROPERTIES,
      __tag: oneOf("ol", "ul"),
      __start: integer(0, 1_000_000),
      __listType: oneOf("number", "bullet", "check"),
    },
  ],
  [
    "listitem",
    { ...ELEMENT_PROPERTIES, __value: integer(-1_000_000, 1_000_000), __checked: oneOf(undefined, true, false) },
  ],
  ["link", LINK_PROPERTIES],
  ["autolink", { ...LINK_PROPERTIES, __isUnlinked: boolean }],
  ["text", TEXT_PROPERTIES],
  ["tab", TEXT_PROPERTIES],
  ["mention", MENTION_PROPERTIES],
  ["linebreak", {}],
]);

/** Whether `value` may be the property `key` of a node of type `nodeType`. */
export function isAllowedProperty(nodeType: string, key: string, value: unknown): boolean {
  const rule = NODE_PROPERTIES.get(nodeType)?.[key];
  return rule !== undefined && Object.hasOwn(NODE_PROPERTIES.get(nodeType)!, key) && rule(value);
}

/** A link may lead to a web page or an e-mail address only (relative addresses stay on this site). */
export function isSafeUrl(url: string): boolean {
  try {
    const parsed = new URL(url, "https://example.invalid");
    return ["http:", "https:", "mailto:"].includes(parsed.protocol);
  } catch {
    return false;
  }
}
