// A co-edited document as plain blocks (headings, paragraphs, lists, quotes) of formatted runs: what the print pages
// render as HTML and the Word exports write as paragraphs, read from Lexical's serialized state on the server.
import type { SerializedEditorState } from "lexical";

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
  href?: string;
}

export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; runs: Run[] }
  | { kind: "paragraph"; runs: Run[] }
  | { kind: "quote"; runs: Run[] }
  | { kind: "list"; ordered: boolean; items: Run[][] };

interface Node {
  type?: string;
  text?: string;
  format?: number | string;
  tag?: string;
  listType?: string;
  url?: string;
  children?: Node[];
}

// Lexical's text format bits.
const BOLD = 1;
const ITALIC = 2;
const STRIKE = 4;
const UNDERLINE = 8;
const CODE = 16;

function runsOf(node: Node, href?: string): Run[] {
  // A mention prints as the name it shows ("@Dan Osei").
  if ((node.type === "text" || node.type === "mention") && typeof node.text === "string") {
    const format = typeof node.format === "number" ? node.format : 0;
    const run: Run = { text: node.text };
    if (format & BOLD) run.bold = true;
    if (format & ITALIC) run.italic = true;
    if (format & STRIKE) run.strike = true;
    if (format & UNDERLINE) run.underline = true;
    if (format & CODE) run.code = true;
    if (href) run.href = href;
    return [run];
  }
  if (node.type === "linebreak") return [{ text: "\n" }];
  if (node.type === "tab") return [{ text: "\t" }];
  const link = node.type === "link" || node.type === "autolink" ? node.url : undefined;
  return (node.children ?? []).flatMap((child) => runsOf(child, link ?? href));
}

function headingLevel(tag: string | undefined): 1 | 2 | 3 {
  if (tag === "h1") return 1;
  if (tag === "h2") return 2;
  return 3;
}

/** A list's items as runs, nested lists flattened into the items after their parent (print and Word indent none). */
function listItems(node: Node): Run[][] {
  return (node.children ?? []).flatMap((item) => {
    const nested = (item.children ?? []).filter((child) => child.type === "list");
    const own = runsOf({ ...item, children: (item.children ?? []).filter((child) => child.type !== "list") });
    return [...(own.length ? [own] : []), ...nested.flatMap(listItems)];
  });
}

function blockOf(node: Node): Block {
  switch (node.type) {
    case "heading":
      return { kind: "heading", level: headingLevel(node.tag), runs: runsOf(node) };
    case "quote":
      return { kind: "quote", runs: runsOf(node) };
    case "list":
      return { kind: "list", ordered: node.listType === "number", items: listItems(node) };
    default:
      return { kind: "paragraph", runs: runsOf(node) };
  }
}

/** The document's blocks in order; empty paragraphs are dropped (the editor keeps one for the caret). */
export function blocksOf(state: SerializedEditorState): Block[] {
  return (state.root.children as Node[])
    .map(blockOf)
    .filter((block) => block.kind !== "paragraph" || block.runs.some((run) => run.text.trim()));
}

/** Blocks of plain text, one paragraph per line (a plan part's plain-text copy). */
export function blocksOfText(text: string): Block[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .map((line) => ({ kind: "paragraph", runs: [{ text: line }] }));
}

export function textOfRuns(runs: readonly Run[]): string {
  return runs.map((run) => run.text).join("");
}

/** Every run's text through `change` (initials in place of names the reader may not see). */
export function mapBlockText(blocks: readonly Block[], change: (text: string) => string): Block[] {
  const runs = (list: readonly Run[]) => list.map((run) => ({ ...run, text: change(run.text) }));
  return blocks.map((block) =>
    block.kind === "list" ? { ...block, items: block.items.map(runs) } : { ...block, runs: runs(block.runs) },
  );
}

/** Every text of the blocks, for screening them in one pass. */
export function textsOfBlocks(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block) => (block.kind === "list" ? block.items.map(textOfRuns) : [textOfRuns(block.runs)]));
}

/**
 * The blocks under each heading whose text is one of `titles` (an agenda item's section of the minutes), and the
 * blocks before the first such heading or under headings that are not items (notes the minute-taker added).
 */
export function sectionsByHeading(blocks: readonly Block[], titles: readonly string[]) {
  const wanted = new Set(titles.map((title) => title.trim()));
  const sections = new Map<string, Block[]>();
  const other: Block[] = [];
  let current: Block[] = other;
  for (const block of blocks) {
    const title = block.kind === "heading" ? textOfRuns(block.runs).trim() : null;
    if (title !== null && wanted.has(title) && !sections.has(title)) {
      current = [];
      sections.set(title, current);
    } else if (title !== null && block.kind === "heading" && !wanted.has(title)) {
      current = other;
      current.push(block);
    } else {
      current.push(block);
    }
  }
  return { sections, other };
}
