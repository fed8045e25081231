// A mention of a member inside a co-edited document: "@Sarah Whitfield" as one token (deleted whole, never edited
// letter by letter), shown as a chip, carrying the member's id and an id of its own. The server tells the member
// once per mention, and only if they may read the document (decision 030); the content rules check its properties
// like any other node's, so a forged one is refused.
import {
  $applyNodeReplacement,
  TextNode,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type SerializedTextNode,
  type Spread,
} from "lexical";

type SerializedMentionNode = Spread<{ personId: string; mentionId: string }, SerializedTextNode>;

/** Lexical's text mode "token": the node is selected and deleted as one piece. */
const TOKEN_MODE = 1;

export class MentionNode extends TextNode {
  __personId: string;
  __mentionId: string;

  static override getType(): string {
    return "mention";
  }

  static override clone(node: MentionNode): MentionNode {
    return new MentionNode(node.__personId, node.__mentionId, node.__text, node.__key);
  }

  static override importJSON(json: SerializedMentionNode): MentionNode {
    return $createMentionNode(json.personId, json.mentionId, json.text).updateFromJSON(json);
  }

  // Lexical's Yjs binding creates nodes with no arguments and then sets their properties from the shared document.
  constructor(personId = "", mentionId = "", text = "", key?: NodeKey) {
    super(text, key);
    this.__personId = personId;
    this.__mentionId = mentionId;
    this.__mode = TOKEN_MODE;
  }

  override exportJSON(): SerializedMentionNode {
    return { ...super.exportJSON(), personId: this.getLatest().__personId, mentionId: this.getLatest().__mentionId };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = super.createDOM(config);
    element.classList.add("mention-chip");
    return element;
  }

  override isTextEntity(): true {
    return true;
  }

  override canInsertTextBefore(): false {
    return false;
  }

  override canInsertTextAfter(): false {
    return false;
  }
}

/** A new mention of a member, named as the `@` list showed them. */
export function $createMentionNode(personId: string, mentionId: string, text: string): MentionNode {
  return $applyNodeReplacement(new MentionNode(personId, mentionId, text));
}

export function $isMentionNode(node: LexicalNode | null | undefined): node is MentionNode {
  return node instanceof MentionNode;
}

/** A fresh id for a mention: random, from getRandomValues (randomUUID needs a secure context). */
export function newMentionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
