// The closed vocabularies of co-planning, in the partnership's own words (see
// DOMAIN.md). Stored as these codes; shown with these labels.

function labelled<const T extends readonly string[]>(codes: T, labels: Record<T[number], string>) {
  return {
    codes,
    labels,
    label: (code: string) => (labels as Record<string, string>)[code] ?? code,
    options: codes.map((code) => ({ value: code, label: labels[code as T[number]] })),
    is: (value: unknown): value is T[number] =>
      typeof value === "string" && (codes as readonly string[]).includes(value),
  };
}

export const COURSE_KINDS = labelled(["qualification", "adapted_module"] as const, {
  qualification: "Qualification",
  adapted_module: "Adapted module",
});

export const KEY_STAGES = labelled(["ks3", "ks4", "14-19", "post16"] as const, {
  ks3: "Key stage 3 (Years 7-9)",
  ks4: "Key stage 4 (Years 10-11)",
  "14-19": "14-19",
  post16: "16-19 (Years 12-13 and FE)",
});

export const SUBJECTS = labelled(
  [
    "pe_sport",
    "dance",
    "drama",
    "design_technology",
    "humanities",
    "leisure_tourism",
    "catering",
    "construction",
    "beauty",
    "english",
    "maths",
    "science",
    "other",
  ] as const,
  {
    pe_sport: "PE and sport",
    dance: "Dance",
    drama: "Drama",
    design_technology: "Design technology",
    humanities: "Humanities",
    leisure_tourism: "Leisure and tourism",
    catering: "Catering",
    construction: "Construction",
    beauty: "Beauty",
    english: "English",
    maths: "Maths",
    science: "Science",
    other: "Other",
  },
);

export const YEAR_GROUPS = [7, 8, 9, 10, 11, 12, 13, 14] as const;
export function yearGroupLabel(year: number): string {
  return year >= 14 ? "FE (Year 14)" : `Year ${year}`;
}

export const NEED_AREAS = labelled(
  ["communication_interaction", "cognition_learning", "semh", "sensory_physical"] as const,
  {
    communication_interaction: "Communication and interaction",
    cognition_learning: "Cognition and learning",
    semh: "Social, emotional and mental health",
    sensory_physical: "Sensory and/or physical",
  },
);

export const SEN_STATUSES = labelled(["none", "sen_support", "ehc_plan"] as const, {
  none: "No SEN",
  sen_support: "SEN support",
  ehc_plan: "EHC plan",
});

export const COMMUNICATION_MODES = labelled(["", "bsl", "sse", "oral", "aac"] as const, {
  "": "Not recorded",
  bsl: "British Sign Language",
  sse: "Sign-supported English",
  oral: "Oral (spoken English)",
  aac: "Augmentative and alternative communication",
});

export const LESSON_STATUSES = labelled(["draft", "ready", "taught", "reviewed"] as const, {
  draft: "Draft",
  ready: "Ready to teach",
  taught: "Taught",
  reviewed: "Reviewed",
});

export const LESSON_PHASES = labelled(["whole", "starter", "main", "plenary"] as const, {
  whole: "Whole lesson",
  starter: "Starter",
  main: "Main activity",
  plenary: "Plenary",
});

export const SUPPORTER_ROLES = labelled(["lsa", "hlta", "csw", "interpreter", "lipspeaker", "notetaker"] as const, {
  lsa: "LSA / teaching assistant",
  hlta: "Higher level teaching assistant",
  csw: "Communication support worker",
  interpreter: "BSL/English interpreter",
  lipspeaker: "Lipspeaker",
  notetaker: "Notetaker",
});

export const DEPLOYMENT_MODES = labelled(
  [
    "roving",
    "group",
    "one_to_one",
    "pre_teaching",
    "intervention",
    "communication_support",
    "behaviour_support",
    "observing",
  ] as const,
  {
    roving: "Roving",
    group: "Supporting a group",
    one_to_one: "One-to-one",
    pre_teaching: "Pre-teaching",
    intervention: "Structured intervention",
    communication_support: "Communication support",
    behaviour_support: "Behaviour support",
    observing: "Observing for assessment",
  },
);

/** Comma-separated codes as stored (e.g. Student.needAreas) to a list, dropping unknown ones. */
export function parseCodes<T extends string>(stored: string, is: (value: unknown) => value is T): T[] {
  return stored
    .split(",")
    .map((s) => s.trim())
    .filter(is);
}

export function joinCodes(codes: readonly string[]): string {
  return [...new Set(codes)].join(",");
}

/** How the course list can be sorted (in the URL as ?sort=). */
export const COURSE_SORTS = ["title", "recent", "subject"] as const;
export type CourseSort = (typeof COURSE_SORTS)[number];
