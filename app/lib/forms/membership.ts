// Schemas of the forms that manage people and institutions.
import { z } from "zod";
import { textField } from "./fields";
import { INSTITUTION_KINDS } from "../institutions";
import { ROLES } from "../roles";
import { emailField } from "./auth";

const roleField = z.enum(ROLES, { required_error: "Choose a role.", invalid_type_error: "Choose a role." });
const institutionField = textField({ required_error: "Choose an institution." })
  .min(1, "Choose an institution.")
  .max(64);

export const inviteSchema = z.object({
  email: emailField,
  name: textField().trim().max(80, "Use at most 80 characters.").default(""),
  role: roleField,
  institutionId: institutionField,
});

export const updateMemberSchema = z.object({
  intent: z.literal("update"),
  role: roleField,
  institutionId: institutionField,
  jobTitle: textField().trim().max(80, "Use at most 80 characters.").default(""),
});

export const institutionSchema = z.object({
  name: textField({ required_error: "Enter the institution's name." })
    .trim()
    .min(3, "Enter the institution's full name.")
    .max(100, "Use at most 100 characters."),
  kind: z.enum(INSTITUTION_KINDS, {
    required_error: "Choose what kind of institution it is.",
    invalid_type_error: "Choose what kind of institution it is.",
  }),
  town: textField().trim().max(60, "Use at most 60 characters.").default(""),
});
