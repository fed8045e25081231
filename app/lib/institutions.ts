// Kinds of institution in a partnership (see DOMAIN.md).
export const INSTITUTION_KINDS = [
  "sports_college",
  "performing_arts_college",
  "special_school",
  "school_for_the_deaf",
  "fe_college",
  "secondary_school",
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

export const INSTITUTION_KIND_LABELS: Record<InstitutionKind, string> = {
  sports_college: "Sports college",
  performing_arts_college: "Performing arts college",
  special_school: "Special school",
  school_for_the_deaf: "Grammar school for the deaf",
  fe_college: "Further education college",
  secondary_school: "Secondary school",
};

export function institutionKindLabel(kind: string): string {
  return (INSTITUTION_KIND_LABELS as Record<string, string>)[kind] ?? kind;
}
