// Schemas of the shared-document forms.
import { z } from "zod";
import { textField } from "./fields";

export const newDocumentSchema = z.object({
  title: textField({ required_error: "Give the document a title." })
    .trim()
    .min(3, "Use at least 3 characters.")
    .max(120, "Use at most 120 characters."),
});

export const nameVersionSchema = z.object({
  intent: z.literal("name-version"),
  name: textField({ required_error: "Give the version a name." })
    .trim()
    .min(1, "Give the version a name.")
    .max(120, "Use at most 120 characters."),
});
