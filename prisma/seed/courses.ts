// Demo courses, teaching groups and students for the demo partnership: the mixed
// BTEC First in Sport group of DOMAIN.md and a few more. Looks institutions and
// staff up by name, so it works on any freshly seeded demo partnership (also the
// tests' second one). Safe only on a partnership without courses yet. Students are fictional.
import type { Db } from "~/models/db.server";

export const DEMO_PARTNERSHIP_SLUG = "ashbury-valley";

const HOLLINS = "Hollins Park Sports College";
const KESTREL = "Kestrel Performing Arts College";
const BROOKFIELD = "Brookfield School";
const THORNBURY = "Thornbury Grammar School for the Deaf";
const ASHBURY = "Ashbury College";

interface SeedStudent {
  key: string;
  firstName: string;
  lastName: string;
  home: string;
  yearGroup: number;
  senStatus?: "none" | "sen_support" | "ehc_plan";
  needAreas?: string;
  communicationMode?: string;
  atRisk?: boolean;
  notes?: string;
}

const STUDENTS: SeedStudent[] = [
  // The BTEC First in Sport group (DOMAIN.md): three Year 10s who chose it...
  {
    key: "callum",
    firstName: "Callum",
    lastName: "Reid",
    home: HOLLINS,
    yearGroup: 10,
    notes: "Chose BTEC Sport as an option; plays for the district football team.",
  },
  {
    key: "megan",
    firstName: "Megan",
    lastName: "Doyle",
    home: HOLLINS,
    yearGroup: 10,
    notes: "Chose BTEC Sport; interested in sports coaching.",
  },
  { key: "jordan", firstName: "Jordan", lastName: "Ashworth", home: HOLLINS, yearGroup: 10 },
  // ...one placed for their learning style, one accelerated from Year 9...
  {
    key: "liam",
    firstName: "Liam",
    lastName: "Kershaw",
    home: HOLLINS,
    yearGroup: 10,
    senStatus: "sen_support",
    needAreas: "semh",
    atRisk: true,
    notes: "Placed on the course for its practical learning style; responds well to clear roles in practical sessions.",
  },
  {
    key: "amelia",
    firstName: "Amelia",
    lastName: "Brooks",
    home: HOLLINS,
    yearGroup: 9,
    notes: "Accelerated onto the course from Year 9.",
  },
  // ...two Year 11 students with MLD from the special school...
  {
    key: "kyle",
    firstName: "Kyle",
    lastName: "Hartley",
    home: BROOKFIELD,
    yearGroup: 11,
    senStatus: "ehc_plan",
    needAreas: "cognition_learning",
    notes: "MLD. Needs instructions chunked and modelled; visual task cards help.",
  },
  {
    key: "sophie",
    firstName: "Sophie",
    lastName: "Lund",
    home: BROOKFIELD,
    yearGroup: 11,
    senStatus: "sen_support",
    needAreas: "cognition_learning,communication_interaction",
    notes: "MLD. Pre-teach key vocabulary; check understanding one-to-one.",
  },
  // ...and a deaf student from the school for the deaf who signs.
  {
    key: "ellie",
    firstName: "Ellie",
    lastName: "Marsh",
    home: THORNBURY,
    yearGroup: 10,
    senStatus: "ehc_plan",
    needAreas: "sensory_physical",
    communicationMode: "bsl",
    notes: "Profoundly deaf; BSL user. Face the class when speaking; the CSW interprets.",
  },
  // Other groups.
  { key: "noah", firstName: "Noah", lastName: "Fielding", home: KESTREL, yearGroup: 10 },
  {
    key: "grace",
    firstName: "Grace",
    lastName: "Okonjo",
    home: KESTREL,
    yearGroup: 10,
    notes: "Member of the youth dance company.",
  },
  {
    key: "ruby",
    firstName: "Ruby",
    lastName: "Walsh",
    home: THORNBURY,
    yearGroup: 10,
    senStatus: "ehc_plan",
    needAreas: "sensory_physical",
    communicationMode: "sse",
  },
  {
    key: "tyler",
    firstName: "Tyler",
    lastName: "Grant",
    home: BROOKFIELD,
    yearGroup: 10,
    senStatus: "ehc_plan",
    needAreas: "cognition_learning",
  },
  {
    key: "jade",
    firstName: "Jade",
    lastName: "Pollard",
    home: BROOKFIELD,
    yearGroup: 11,
    senStatus: "sen_support",
    needAreas: "semh",
    atRisk: true,
  },
  {
    key: "ethan",
    firstName: "Ethan",
    lastName: "Sykes",
    home: HOLLINS,
    yearGroup: 11,
    atRisk: true,
    notes: "At risk of exclusion; the vocational placement is part of his support plan.",
  },
  { key: "chloe", firstName: "Chloe", lastName: "Barker", home: ASHBURY, yearGroup: 12 },
  {
    key: "harvey",
    firstName: "Harvey",
    lastName: "Nolan",
    home: ASHBURY,
    yearGroup: 12,
    senStatus: "sen_support",
    needAreas: "cognition_learning",
  },
];

interface SeedGroup {
  name: string;
  site: string;
  teachers: string[];
  students: string[];
  sessions: Array<{ day: number; start: string; end: string; site?: string }>;
  transport?: Record<string, string>;
}

interface SeedCourse {
  title: string;
  kind: "qualification" | "adapted_module";
  qualification?: string;
  subject: string;
  keyStage: string;
  lead: string;
  sites: string[];
  planners: string[];
  summary: string;
  units: string[];
  groups: SeedGroup[];
}

const COURSES: SeedCourse[] = [
  {
    title: "BTEC First Award in Sport",
    kind: "qualification",
    qualification: "BTEC First Award in Sport (Level 1/2)",
    subject: "pe_sport",
    keyStage: "14-19",
    lead: HOLLINS,
    sites: [HOLLINS],
    planners: ["Sarah Whitfield", "Tom Gallagher"],
    summary:
      "Taught at the sports college by its PE staff with a lecturer from Ashbury College, for students from across the partnership.",
    units: [
      "Fitness for sport and exercise",
      "Practical performance in sport",
      "Applying the principles of personal training",
      "The mind and sports performance",
    ],
    groups: [
      {
        name: "BTEC Sport 2025-26 (Tuesday and Thursday)",
        site: HOLLINS,
        teachers: ["Sarah Whitfield", "Tom Gallagher"],
        students: ["callum", "megan", "jordan", "liam", "amelia", "kyle", "sophie", "ellie"],
        sessions: [
          { day: 2, start: "13:15", end: "15:15" },
          { day: 4, start: "09:00", end: "10:30" },
        ],
        transport: {
          [BROOKFIELD]:
            "Brookfield minibus leaves at 12:35 on Tuesdays and 08:25 on Thursdays; Joanne Price travels with the students.",
          [THORNBURY]: "Taxi booked by Thornbury's office; Aisha Rahman (CSW) travels with Ellie.",
          [HOLLINS]: "On site: students walk from the main building to the sports hall.",
        },
      },
    ],
  },
  {
    title: "Dance (adapted module)",
    kind: "adapted_module",
    subject: "dance",
    keyStage: "ks4",
    lead: KESTREL,
    sites: [KESTREL],
    planners: ["Priya Shah", "Mark Ellison"],
    summary:
      "Contemporary dance for hearing and deaf students together: visual cues, vibration through the sprung floor, BSL counts.",
    units: [
      "Warm-up and safe practice",
      "Choreographic devices",
      "Performing in a group",
      "Appreciating professional work",
    ],
    groups: [
      {
        name: "Dance Year 10 (Wednesday)",
        site: KESTREL,
        teachers: ["Priya Shah"],
        students: ["noah", "grace", "ruby"],
        sessions: [{ day: 3, start: "13:30", end: "15:00" }],
        transport: { [THORNBURY]: "School minibus from Thornbury at 12:50; returns 15:20." },
      },
    ],
  },
  {
    title: "Design Technology (adapted module)",
    kind: "adapted_module",
    subject: "design_technology",
    keyStage: "ks4",
    lead: BROOKFIELD,
    sites: [BROOKFIELD],
    planners: ["Rachel Moore"],
    summary: "Resistant materials in short, practical steps, with visual task cards and modelled demonstrations.",
    units: [
      "Working safely in the workshop",
      "Designing a product",
      "Making with wood and plastics",
      "Evaluating my product",
    ],
    groups: [
      {
        name: "DT Year 10/11 (Monday)",
        site: BROOKFIELD,
        teachers: ["Rachel Moore"],
        students: ["tyler", "jade", "kyle"],
        sessions: [{ day: 1, start: "10:45", end: "12:15" }],
      },
    ],
  },
  {
    title: "Leisure and Tourism",
    kind: "qualification",
    qualification: "Vocational GCSE in Leisure and Tourism",
    subject: "leisure_tourism",
    keyStage: "ks4",
    lead: HOLLINS,
    sites: [HOLLINS, ASHBURY],
    planners: ["Sarah Whitfield", "Priya Shah"],
    summary: "Investigating leisure and tourism, with visits to local facilities and a unit taught at Ashbury College.",
    units: ["Investigating leisure and tourism", "Marketing in leisure and tourism", "Customer service"],
    groups: [],
  },
  {
    title: "NVQ Level 1 Catering",
    kind: "qualification",
    qualification: "NVQ Level 1 in Food Preparation and Cooking",
    subject: "catering",
    keyStage: "14-19",
    lead: ASHBURY,
    sites: [ASHBURY],
    planners: ["Tom Gallagher", "Rachel Moore"],
    summary:
      "A day a week in the college's training kitchen, for Year 11 students from the schools and the college's own Level 1 learners.",
    units: [
      "Food safety in catering",
      "Preparing and cooking vegetables",
      "Preparing and cooking meat and poultry",
      "Working in a team",
    ],
    groups: [
      {
        name: "Catering Level 1 (Friday)",
        site: ASHBURY,
        teachers: ["Tom Gallagher"],
        students: ["ethan", "jade", "chloe", "harvey"],
        sessions: [{ day: 5, start: "09:00", end: "15:00" }],
        transport: {
          [HOLLINS]: "Public bus (route 12) with a bus pass from Hollins Park; met at the college reception.",
          [BROOKFIELD]: "Brookfield minibus at 08:20; collected at 15:10.",
        },
      },
    ],
  },
];

/** Seeds the demo courses, groups and students into a partnership (by default the demo one). */
export async function seedCourses(
  db: Db,
  partnershipId?: string,
): Promise<{ courseIds: Map<string, string>; studentIds: Map<string, string> }> {
  const partnership = partnershipId
    ? await db.partnership.findUniqueOrThrow({ where: { id: partnershipId } })
    : await db.partnership.findUniqueOrThrow({ where: { slug: DEMO_PARTNERSHIP_SLUG } });
  const institutions = await db.institution.findMany({ where: { partnershipId: partnership.id } });
  const users = await db.user.findMany({ where: { partnershipId: partnership.id } });
  const institution = (name: string) => {
    const found = institutions.find((i) => i.name === name);
    if (!found) throw new Error(`seedCourses: no institution "${name}" in ${partnership.name}`);
    return found.id;
  };
  const user = (name: string) => {
    const found = users.find((u) => u.name === name);
    if (!found) throw new Error(`seedCourses: no member "${name}" in ${partnership.name}`);
    return found.id;
  };

  const studentIds = new Map<string, string>();
  for (const s of STUDENTS) {
    const created = await db.student.create({
      data: {
        partnershipId: partnership.id,
        homeInstitutionId: institution(s.home),
        firstName: s.firstName,
        lastName: s.lastName,
        yearGroup: s.yearGroup,
        senStatus: s.senStatus ?? "none",
        needAreas: s.needAreas ?? "",
        communicationMode: s.communicationMode ?? "",
        atRisk: s.atRisk ?? false,
        notes: s.notes ?? "",
      },
    });
    studentIds.set(s.key, created.id);
  }

  const courseIds = new Map<string, string>();
  for (const c of COURSES) {
    const course = await db.course.create({
      data: {
        partnershipId: partnership.id,
        title: c.title,
        kind: c.kind,
        qualification: c.qualification ?? "",
        subject: c.subject,
        keyStage: c.keyStage,
        leadInstitutionId: institution(c.lead),
        summary: c.summary,
        createdById: user(c.planners[0]!),
        sites: { create: c.sites.map((name) => ({ institutionId: institution(name) })) },
        units: { create: c.units.map((title, index) => ({ title, position: index + 1 })) },
        planners: { create: c.planners.map((name) => ({ userId: user(name) })) },
      },
    });
    courseIds.set(c.title, course.id);
    for (const g of c.groups) {
      await db.teachingGroup.create({
        data: {
          partnershipId: partnership.id,
          courseId: course.id,
          name: g.name,
          siteId: institution(g.site),
          academicYear: "2025-26",
          teachers: { create: g.teachers.map((name) => ({ userId: user(name) })) },
          students: {
            create: g.students.map((key) => {
              const id = studentIds.get(key);
              if (!id) throw new Error(`seedCourses: no student "${key}"`);
              return { studentId: id };
            }),
          },
          sessions: {
            create: g.sessions.map((s) => ({
              dayOfWeek: s.day,
              startTime: s.start,
              endTime: s.end,
              siteId: institution(s.site ?? g.site),
            })),
          },
          transport: {
            create: Object.entries(g.transport ?? {}).map(([name, note]) => ({
              institutionId: institution(name),
              note,
            })),
          },
        },
      });
    }
  }
  return { courseIds, studentIds };
}
