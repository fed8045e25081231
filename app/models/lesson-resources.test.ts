// Upload sniffing looks at the whole file and at what a ZIP holds, and file names lose the characters that disguise them.
import { describe, expect, it } from "vitest";
import { checkUpload } from "./lesson-resources.server";

const bytes = (text: string) => new Uint8Array(Buffer.from(text, "latin1"));

/** A ZIP whose entries are stored uncompressed, as an office program writes the first entries. */
function zip(entries: Record<string, string>): Uint8Array {
  const parts = Object.entries(entries).map(([name, content]) => {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(Buffer.byteLength(name), 26);
    header.writeUInt32LE(content.length, 18);
    header.writeUInt32LE(content.length, 22);
    return Buffer.concat([header, Buffer.from(name), Buffer.from(content)]);
  });
  return new Uint8Array(Buffer.concat(parts));
}

describe("checkUpload", () => {
  it("finds markup past the first 4 KB of a text file", () => {
    const text = `Name,Score\n${"Ellie,7\n".repeat(1000)}<script>alert(1)</script>\n`;
    expect(text.indexOf("<script>")).toBeGreaterThan(4096);
    expect(checkUpload("scores.csv", bytes(text))).toMatchObject({ ok: false });
    expect(checkUpload("scores.csv", bytes(text.replace("<script>alert(1)</script>", "Sam,9")))).toMatchObject({
      ok: true,
    });
  });

  it("finds a NUL anywhere in a text file, and accepts text that is not UTF-8", () => {
    expect(checkUpload("notes.txt", bytes(`${"a".repeat(100_000)}\u0000`))).toMatchObject({ ok: false });
    expect(checkUpload("notes.txt", bytes("caf\u00e9 in Windows-1252"))).toMatchObject({ ok: true });
  });

  it("accepts an Office or OpenDocument file only when its ZIP holds that kind of document", () => {
    const docx = zip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" });
    const odt = zip({ mimetype: "application/vnd.oasis.opendocument.text", "content.xml": "<office/>" });
    expect(checkUpload("Worksheet.docx", docx)).toMatchObject({ ok: true });
    expect(checkUpload("Worksheet.odt", odt)).toMatchObject({ ok: true });
    expect(checkUpload("Worksheet.xlsx", docx)).toMatchObject({ ok: false });
    expect(checkUpload("Worksheet.ods", odt)).toMatchObject({ ok: false });
    expect(checkUpload("Worksheet.docx", zip({ "payload.html": "<html/>" }))).toMatchObject({ ok: false });
  });

  it("strips direction and control characters that disguise a file name", () => {
    const pdf = bytes("%PDF-1.4\n%%EOF\n");
    expect(checkUpload("report\u202Efdp.pdf", pdf)).toMatchObject({ ok: true, fileName: "reportfdp.pdf" });
    expect(checkUpload("\u2067plan\u2069\u200f.pdf", pdf)).toMatchObject({ ok: true, fileName: "plan.pdf" });
    expect(checkUpload("a\u0085b\u0000.pdf", pdf)).toMatchObject({ ok: true, fileName: "ab.pdf" });
  });
});
