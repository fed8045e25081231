// The generator's raw material: a seeded random source (the same partnership every run), ids in Prisma's cuid shape,
// names, and the teaching phrases plans, strategies and minutes are written from, so search finds realistic words.

/** mulberry32: a small, fast, seeded generator; good enough to spread rows, and repeatable. */
export function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const some = <T>(items: readonly T[], count: number): T[] => {
    const copy = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && copy.length > 0) chosen.push(copy.splice(int(copy.length), 1)[0]!);
    return chosen;
  };
  return { next, int, pick, some, chance: (p: number) => next() < p };
}
export type Random = ReturnType<typeof randomSource>;

/** Ids shaped like Prisma's cuid() (a "c" and 24 lower-case letters and digits), unique per kind and number. */
export function makeId(kind: string, n: number): string {
  // The number at a fixed width, so "u" 1 and "u" 10 never meet once padded.
  return `cbench${kind}${n.toString(36).padStart(8, "0")}`.padEnd(25, "0");
}

export const FIRST_NAMES = [
  "Aaliyah",
  "Adam",
  "Aisha",
  "Alfie",
  "Amara",
  "Amelia",
  "Archie",
  "Ava",
  "Bethany",
  "Callum",
  "Chloe",
  "Connor",
  "Daisy",
  "Daniel",
  "Declan",
  "Ellie",
  "Emily",
  "Ethan",
  "Evie",
  "Farah",
  "Freya",
  "George",
  "Grace",
  "Hamza",
  "Harry",
  "Isla",
  "Jack",
  "Jacob",
  "Jessica",
  "Jordan",
  "Kai",
  "Kyle",
  "Layla",
  "Leah",
  "Liam",
  "Lily",
  "Logan",
  "Lucy",
  "Maya",
  "Megan",
  "Mia",
  "Mohammed",
  "Nathan",
  "Niamh",
  "Noah",
  "Olivia",
  "Oscar",
  "Owen",
  "Poppy",
  "Priya",
  "Reece",
  "Riley",
  "Rosie",
  "Ruby",
  "Ryan",
  "Sam",
  "Sophie",
  "Tariq",
  "Theo",
  "Zara",
] as const;

export const LAST_NAMES = [
  "Ahmed",
  "Ashworth",
  "Bailey",
  "Begum",
  "Bennett",
  "Bradley",
  "Brennan",
  "Carter",
  "Chowdhury",
  "Clarke",
  "Cooper",
  "Davies",
  "Doyle",
  "Evans",
  "Fletcher",
  "Foster",
  "Gallagher",
  "Green",
  "Hall",
  "Hartley",
  "Hughes",
  "Hussain",
  "Jackson",
  "Jones",
  "Kaur",
  "Kershaw",
  "Khan",
  "Lund",
  "Marsh",
  "Mason",
  "Mensah",
  "Mitchell",
  "Moore",
  "Morris",
  "Nowak",
  "Okafor",
  "Parker",
  "Patel",
  "Price",
  "Rahman",
  "Reid",
  "Roberts",
  "Shah",
  "Singh",
  "Taylor",
  "Thomas",
  "Turner",
  "Walsh",
  "Ward",
  "Whitfield",
  "Williams",
  "Wilson",
  "Wright",
  "Young",
] as const;

export const COURSE_TOPICS = [
  ["pe_sport", "BTEC Sport", ["Fitness testing", "Anatomy of the skeleton", "Leading a warm-up", "Sports coaching"]],
  ["dance", "Dance", ["Choreography in pairs", "Contemporary technique", "Performance skills", "Motif development"]],
  ["drama", "Drama", ["Devising from a stimulus", "Physical theatre", "Script work", "Character and status"]],
  ["design_technology", "Design technology", ["Product analysis", "Using hand tools", "Design portfolio", "CAD"]],
  ["catering", "Catering", ["Food hygiene", "Knife skills", "Costing a menu", "Nutrition and healthy eating"]],
  ["leisure_tourism", "Leisure and tourism", ["Customer service", "Visitor attractions", "Planning an event"]],
  ["construction", "Construction", ["Bricklaying basics", "Health and safety on site", "Measuring and marking"]],
  ["beauty", "Hair and beauty", ["Client consultation", "Nail care", "Salon hygiene", "Skin types"]],
  ["english", "Functional English", ["Writing a letter", "Reading for information", "Speaking and listening"]],
  ["maths", "Functional maths", ["Money and budgeting", "Measures in the kitchen", "Reading timetables"]],
  ["science", "Applied science", ["Investigating forces", "Healthy bodies", "Working safely in the lab"]],
] as const;

/** Sentences plans, strategies and minutes are made of (each text picks a few). */
export const SENTENCES = [
  "Students recall the key vocabulary from last week with picture cards and signs.",
  "Model the skill first, then pairs practise with a checklist of success criteria.",
  "Use wait time after each question so every student has a chance to think.",
  "The LSA pre-teaches the new terms to the two students working towards Entry Level.",
  "Differentiation by outcome: everyone attempts the task, with extension questions for the confident.",
  "Peer assessment against the criteria, using the two stars and a wish sheet.",
  "A visual timetable shows the lesson's steps; the now/next board helps at transitions.",
  "Check understanding with mini whiteboards before moving on to the main activity.",
  "Group roles are fixed in advance: leader, timekeeper, recorder and safety officer.",
  "The interpreter needs the video clip and its transcript a day before the lesson.",
  "Students self-assess their fitness test results and set one target for next week.",
  "Practical demonstration in small groups, rotating around three stations.",
  "Chunk the instructions into three steps and keep them visible on the board.",
  "Behaviour support: agree a calm space and a signal for time out at the start.",
  "Plenary: each student names one thing they can now do and one they will practise.",
  "Link the task to the assessment criteria so students see how they will be graded.",
  "Students with sensory needs use ear defenders in the sports hall when it is noisy.",
  "Cross-site students arrive by minibus at ten past; the starter allows for late arrival.",
  "Record evidence with photographs for the portfolio, with the students' consent.",
  "Feedback from the LSA on independence goes in the evaluation after the lesson.",
  "Coaching points are demonstrated slowly, then at full speed, then by a student.",
  "Questioning moves from recall to explanation: what, how, then why.",
  "Use a writing frame for the evaluation so students structure their paragraphs.",
  "Praise effort and strategy, not only the result, to build resilience.",
] as const;

export const STRATEGY_NAMES = [
  "Visual timetable",
  "Now/next board",
  "Wait time",
  "Think, pair, share",
  "Pre-teaching vocabulary",
  "Writing frame",
  "Task chunking",
  "Peer coaching",
  "Mini whiteboards",
  "Traffic-light cards",
  "Success ladder",
  "Signed glossary",
  "Calm space",
  "Role cards",
  "Worked example",
  "Talk partners",
  "Exit ticket",
  "Sentence starters",
  "Photo evidence",
  "Movement breaks",
] as const;

export const MEETING_TOPICS = [
  "Cross-site transport",
  "Moderation of portfolios",
  "LSA briefing times",
  "Timetable for next term",
  "Strategy library review",
  "Student voice survey",
  "Shared resources",
  "Risk assessments for practical work",
] as const;
