// The pieces every Word (.docx) export is made of, with the `docx` package (decision 021): an A4 document with
// Staffroom's headings, a co-edited document's blocks as paragraphs and lists, plain tables with a header row, and
// the download response with its file name.
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type ParagraphChild,
} from "docx";
import type { Block, Run } from "~/lib/document-blocks";

const NUMBERED = "numbered-list";
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
// A4 in twentieths of a point, with 2 cm margins.
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134;

function runOf(run: Run): ParagraphChild {
  const text = new TextRun({
    text: run.text,
    bold: run.bold,
    italics: run.italic,
    strike: run.strike,
    underline: run.underline ? {} : undefined,
    font: run.code ? "Courier New" : undefined,
    style: run.href ? "Hyperlink" : undefined,
  });
  return run.href && /^https?:\/\//.test(run.href) ? new ExternalHyperlink({ link: run.href, children: [text] }) : text;
}

export function heading(text: string, level: 1 | 2 | 3, options: { pageBreakBefore?: boolean } = {}): Paragraph {
  return new Paragraph({ heading: HEADINGS[level], children: [new TextRun(text)], ...options });
}

export function paragraph(text: string, options: { bold?: boolean; italic?: boolean } = {}): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, bold: options.bold, italics: options.italic })] });
}

/** A label and its value on one line ("Date: Tuesday 3 March 2026"). */
export function fact(label: string, value: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
}

export function bullets(texts: readonly string[]): Paragraph[] {
  return texts.map((text) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(text)] }));
}

/** A co-edited document's blocks; headings move down `headingOffset` levels to sit under the export's own. */
export function blocksToParagraphs(blocks: readonly Block[], headingOffset = 0): Paragraph[] {
  let listInstance = 0;
  return blocks.flatMap((block) => {
    switch (block.kind) {
      case "heading": {
        const level = Math.min(3, block.level + headingOffset) as 1 | 2 | 3;
        return [new Paragraph({ heading: HEADINGS[level], children: block.runs.map(runOf) })];
      }
      case "quote":
        return [new Paragraph({ style: "Quote", children: block.runs.map(runOf) })];
      case "list": {
        listInstance += 1;
        return block.items.map(
          (runs) =>
            new Paragraph({
              children: runs.map(runOf),
              ...(block.ordered
                ? { numbering: { reference: NUMBERED, level: 0, instance: listInstance } }
                : { bullet: { level: 0 } }),
            }),
        );
      }
      default:
        return [new Paragraph({ children: block.runs.map(runOf) })];
    }
  });
}

/** A full-width table with a repeated header row. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): Table {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((text) => cell(text)) })),
    ],
  });
}

/** The .docx file of an A4 document with these contents. */
export async function wordFile(title: string, children: FileChild[]): Promise<Uint8Array<ArrayBuffer>> {
  const document = new Document({
    title,
    creator: "Staffroom",
    styles: { default: { document: { run: { font: "Arial", size: 22 } } } },
    numbering: {
      config: [
        {
          reference: NUMBERED,
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** The download of a Word file, never cached, named in ASCII with the UTF-8 name beside it. */
export function wordResponse(file: Uint8Array<ArrayBuffer>, fileName: string): Response {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(file, {
    status: 200,
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Length": String(file.byteLength),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "private, no-store",
    },
  });
}

/** A file name's words from a title: letters, digits and hyphens. */
export function fileNamePart(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "document"
  );
}
