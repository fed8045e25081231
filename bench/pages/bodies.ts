// The co-edited documents of the generated partnership: a few dozen variants of each kind (plan, strategy
// description, minutes), made by the same headless Lexical-over-Yjs code the app and the seed use, with their plain
// text read back the way the search index reads it. Thousands of records share them: making one state costs tens of
// milliseconds, too slow for 10,000 plans, and a search's cost depends on the text's size, not on its uniqueness.
import { $createHeadingNode } from "@lexical/rich-text";
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { lexicalContentToYjsState, rootsToYjsState, yjsStateToLines } from "~/lib/document-schema/headless";
import { YJS_ROOT_NAME } from "~/lib/document-schema/nodes";
import type { PlanTexts } from "~/lib/lesson-plan-text";
import { planTextRoots } from "~/models/lesson-plan-text.server";
import { bodyHeading } from "~/models/lesson-plans.server";
import { indexableText } from "~/models/search/entry-text.server";
import { MEETING_TOPICS, SENTENCES, type Random } from "./words";

export interface StoredBody {
  state: Uint8Array;
  /** The text of the document's body root, as the search index extracts it. */
  text: string;
}

export interface PlanBody extends StoredBody {
  texts: PlanTexts;
}

const sentences = (random: Random, count: number) => random.some(SENTENCES, count).join(" ");

async function bodyText(state: Uint8Array): Promise<string> {
  const lines = await yjsStateToLines(state, [YJS_ROOT_NAME]);
  return indexableText(lines[YJS_ROOT_NAME]);
}

/** A plan's document as createLessonPlan makes it (heading, prompt, each text part) with the planners' notes. */
export async function planBodies(random: Random, count: number): Promise<PlanBody[]> {
  const bodies: PlanBody[] = [];
  for (let i = 0; i < count; i++) {
    const texts: PlanTexts = {
      objectives: sentences(random, 2),
      successCriteria: sentences(random, 2),
      starter: sentences(random, 1),
      mainActivity: sentences(random, 3),
      plenary: sentences(random, 1),
      assessment: sentences(random, 1),
      evaluation: random.chance(0.5) ? sentences(random, 2) : "",
      nextSteps: random.chance(0.5) ? sentences(random, 1) : "",
    };
    const notes = [sentences(random, 3), sentences(random, 2), sentences(random, 2)];
    const state = rootsToYjsState({
      [YJS_ROOT_NAME]: () => {
        bodyHeading("Lesson notes")();
        for (const note of notes) $getRoot().append($createParagraphNode().append($createTextNode(note)));
      },
      ...planTextRoots(texts),
    });
    bodies.push({ state, texts, text: await bodyText(state) });
  }
  return bodies;
}

/** A strategy's description: its summary and a few paragraphs, as the strategy form makes it. */
export async function descriptionBodies(random: Random, count: number): Promise<StoredBody[]> {
  const bodies: StoredBody[] = [];
  for (let i = 0; i < count; i++) {
    const paragraphs = [sentences(random, 2), sentences(random, 3), sentences(random, 2)];
    const state = lexicalContentToYjsState(() => {
      for (const text of paragraphs) $getRoot().append($createParagraphNode().append($createTextNode(text)));
    });
    bodies.push({ state, text: await bodyText(state) });
  }
  return bodies;
}

/** Minutes: a heading per agenda topic and what was said, as the seed's minutes are. */
export async function minutesBodies(random: Random, count: number): Promise<StoredBody[]> {
  const bodies: StoredBody[] = [];
  for (let i = 0; i < count; i++) {
    const topics = random.some(MEETING_TOPICS, 3);
    const notes = topics.map(() => sentences(random, 2));
    const state = lexicalContentToYjsState(() => {
      topics.forEach((topic, index) => {
        $getRoot().append($createHeadingNode("h2").append($createTextNode(topic)));
        $getRoot().append($createParagraphNode().append($createTextNode(notes[index]!)));
      });
    });
    bodies.push({ state, text: await bodyText(state) });
  }
  return bodies;
}
