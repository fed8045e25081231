// A co-edited document's blocks as plain HTML, for the print pages (rendered on the server from the stored state).
import type { ReactNode } from "react";
import type { Block, Run } from "~/lib/document-blocks";

function RunView({ run }: { run: Run }) {
  let content: ReactNode = run.text;
  if (run.code) content = <code>{content}</code>;
  if (run.bold) content = <strong>{content}</strong>;
  if (run.italic) content = <em>{content}</em>;
  if (run.underline) content = <u>{content}</u>;
  if (run.strike) content = <s>{content}</s>;
  if (run.href && /^https?:\/\//.test(run.href)) content = <a href={run.href}>{content}</a>;
  return <>{content}</>;
}

function Runs({ runs }: { runs: readonly Run[] }) {
  return (
    <>
      {runs.map((run, index) => (
        <RunView key={index} run={run} />
      ))}
    </>
  );
}

/** `headingLevel`: the level the document's headings take on this page (below the page's own). */
export function BlocksView({ blocks, headingLevel = 3 }: { blocks: readonly Block[]; headingLevel?: 3 | 4 }) {
  return (
    <>
      {blocks.map((block, index) => {
        switch (block.kind) {
          case "heading": {
            // One level under the page's own heading, whatever level the writer chose: no skipped levels.
            const Tag = `h${headingLevel}` as const;
            return (
              <Tag key={index}>
                <Runs runs={block.runs} />
              </Tag>
            );
          }
          case "quote":
            return (
              <blockquote key={index}>
                <Runs runs={block.runs} />
              </blockquote>
            );
          case "list": {
            const List = block.ordered ? "ol" : "ul";
            return (
              <List key={index}>
                {block.items.map((runs, i) => (
                  <li key={i}>
                    <Runs runs={runs} />
                  </li>
                ))}
              </List>
            );
          }
          default:
            return (
              <p key={index}>
                <Runs runs={block.runs} />
              </p>
            );
        }
      })}
    </>
  );
}
