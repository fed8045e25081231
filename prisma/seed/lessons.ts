// Demo lesson plans for the demo partnership: a run of BTEC First in Sport lessons
// for the mixed group of DOMAIN.md (some taught and reviewed, with evaluations;
// some coming up), LSA deployments the EEF way (Joanne Price with the two Year 11
// MLD students in the main activity, Aisha Rahman as communication support for
// Ellie), strategies from the library linked to plans with a few plan-linked
// ratings, and plans in the other courses. Looks everything up by name within the
// partnership, so it works on any freshly seeded demo partnership (also the tests'
// second one). Runs after seedCourses and seedStrategies; safe only on a
// partnership without lesson plans yet. Writes only through the `db` it is given.
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { rootsToYjsState } from "~/lib/document-schema/headless";
import { YJS_ROOT_NAME } from "~/lib/document-schema/nodes";
import type { PlanTexts } from "~/lib/lesson-plan-text";
import { planTextRoots } from "~/models/lesson-plan-text.server";
import type { Db } from "~/models/db.server";
import { LESSON_PLAN_DOCUMENT } from "~/models/document-owners.server";
import { bodyHeading } from "~/models/lesson-plans.server";
import { DEMO_PARTNERSHIP_SLUG } from "./courses";

type Status = "draft" | "ready" | "taught" | "reviewed";

interface SeedDeployment {
  supporter: string;
  role: "lsa" | "hlta" | "csw" | "interpreter" | "lipspeaker" | "notetaker";
  phase: "whole" | "starter" | "main" | "plenary";
  mode:
    | "roving"
    | "group"
    | "one_to_one"
    | "pre_teaching"
    | "intervention"
    | "communication_support"
    | "behaviour_support"
    | "observing";
  minutes: number;
  students: string[];
  concepts: string;
  skills: string;
  outcomes: string;
  feedbackExpected: string;
  independence: string;
  read?: boolean;
  feedback?: string;
}

interface SeedPlan {
  course: string;
  unit?: string;
  group?: string;
  title: string;
  /** Weeks from this week (negative: past) and ISO weekday (1 Monday ... 5 Friday). */
  week: number;
  day: number;
  startTime: string;
  durationMinutes: number;
  status: Status;
  createdBy: string;
  objectives: string;
  successCriteria: string;
  starter: string;
  mainActivity: string;
  plenary: string;
  assessment: string;
  evaluation?: string;
  nextSteps?: string;
  notes?: string[];
  differentiation?: Array<{ student?: string; needArea?: string; note: string }>;
  strategies?: Array<{ title: string; note: string; addedBy: string }>;
  ratings?: Array<{ strategy: string; by: string; rating: number; comment: string }>;
  deployments?: SeedDeployment[];
}

const BTEC = "BTEC First Award in Sport";
const BTEC_GROUP = "BTEC Sport 2025-26 (Tuesday and Thursday)";
const SARAH = "Sarah Whitfield";
const TOM = "Tom Gallagher";
const JOANNE = "Joanne Price";
const AISHA = "Aisha Rahman";
const MLD_PAIR = ["Kyle Hartley", "Sophie Lund"];
const ELLIE = ["Ellie Marsh"];

const INDEPENDENCE_MLD =
  "Prompt before clue, clue before model, model before correct. Give Kyle and Sophie time to try each step before helping; step back once they have started, and record what they managed without help.";

/** Joanne with the two Year 11 MLD students in the main activity, group mode, with the four need-to-knows. */
function joanneInMain(
  lesson: { concepts: string; skills: string; outcomes: string; minutes: number },
  after: { read?: boolean; feedback?: string } = {},
): SeedDeployment {
  return {
    supporter: JOANNE,
    role: "lsa",
    phase: "main",
    mode: "group",
    minutes: lesson.minutes,
    students: MLD_PAIR,
    concepts: lesson.concepts,
    skills: lesson.skills,
    outcomes: lesson.outcomes,
    feedbackExpected:
      "After the lesson: which steps each of them did without help, where they needed a prompt or a model, and one thing to change next time. Two or three sentences is enough.",
    independence: INDEPENDENCE_MLD,
    ...after,
  };
}

/** Aisha as communication support for Ellie (BSL) for the whole lesson. */
function aishaForEllie(
  lesson: { concepts: string; outcomes: string; minutes: number },
  after: { read?: boolean; feedback?: string } = {},
): SeedDeployment {
  return {
    supporter: AISHA,
    role: "csw",
    phase: "whole",
    mode: "communication_support",
    minutes: lesson.minutes,
    students: ELLIE,
    concepts: lesson.concepts,
    skills:
      "Interpret instructions and questions; make sure Ellie can see you, the teacher and any demonstration at once.",
    outcomes: lesson.outcomes,
    feedbackExpected:
      "Any key term without an agreed sign (so we can add it to the glossary), and whether Ellie could follow the demonstrations.",
    independence:
      "Interpret, do not explain: let Ellie answer questions herself, and tell the teacher when she is waiting to speak.",
    ...after,
  };
}

const PLANS: SeedPlan[] = [
  {
    course: BTEC,
    unit: "Fitness for sport and exercise",
    group: BTEC_GROUP,
    title: "Components of fitness: what makes a sprinter fast?",
    week: -3,
    day: 2,
    startTime: "13:15",
    durationMinutes: 120,
    status: "reviewed",
    createdBy: SARAH,
    objectives:
      "Name the components of physical and skill-related fitness.\nExplain which components matter most in two sports.",
    successCriteria:
      "Pass: name five components and give an example of each.\nMerit: explain why two components matter in a chosen sport.",
    starter: "Picture sort in talk partners: match athletes to the component they rely on most.",
    mainActivity:
      "Carousel of five stations (speed, agility, balance, power, reaction time), each with a task card and a two-line explanation to write.",
    plenary: "Mini-whiteboards: 'Which component would a goalkeeper need most, and why?'",
    assessment: "Hinge question after the carousel; re-teach power versus strength if fewer than most get it right.",
    evaluation:
      "Carousel worked well; students moved between stations without fuss thanks to the task cards. Power and strength still confused for several. Joanne's feedback: Kyle completed four stations alone after a modelled first one.",
    nextSteps: "Start next lesson with a power-versus-strength recap; keep the task cards for fitness testing.",
    notes: ["Kyle and Sophie start at the balance station, where the instructions are shortest."],
    differentiation: [
      { student: "Kyle Hartley", note: "Task cards with photos for each station; one instruction at a time." },
      { student: "Ellie Marsh", note: "Stand where Ellie can see both you and Aisha when giving instructions." },
    ],
    strategies: [
      {
        title: "Chunked instructions with modelled demonstrations",
        note: "Model the first station, then one instruction per station.",
        addedBy: SARAH,
      },
      { title: "Mini-whiteboards for assessment for learning", note: "Plenary hinge question.", addedBy: SARAH },
    ],
    ratings: [
      {
        strategy: "Chunked instructions with modelled demonstrations",
        by: SARAH,
        rating: 5,
        comment: "Every student started each station within a minute.",
      },
    ],
    deployments: [
      joanneInMain(
        {
          concepts: "Components of fitness: speed, agility, balance, power, reaction time.",
          skills: "Following a station task card; timing a partner with a stopwatch.",
          outcomes: "Kyle and Sophie can name three components and show one of them.",
          minutes: 60,
        },
        {
          read: true,
          feedback:
            "Kyle did four stations on his own after I modelled the first. Sophie needed a prompt at each change of station but wrote her own examples. The photo cards really helped.",
        },
      ),
      aishaForEllie(
        {
          concepts: "Components of fitness and their names.",
          outcomes: "Ellie can explain two components in her own words.",
          minutes: 120,
        },
        {
          read: true,
          feedback:
            "No agreed sign for 'agility' or 'reaction time': fingerspelled for now, please add to the glossary. Ellie followed the demonstrations well.",
        },
      ),
    ],
  },
  {
    course: BTEC,
    unit: "Fitness for sport and exercise",
    group: BTEC_GROUP,
    title: "Fitness testing: the Illinois agility run",
    week: -2,
    day: 4,
    startTime: "09:00",
    durationMinutes: 90,
    status: "reviewed",
    createdBy: TOM,
    objectives: "Carry out the Illinois agility run safely and accurately.\nCompare a result with normative data.",
    successCriteria:
      "Set out the course from the diagram.\nRecord two timed runs and choose the better one.\nSay whether the result is above or below average.",
    starter: "Recap: power versus strength, with two examples each on mini-whiteboards.",
    mainActivity: "In threes (runner, timer, recorder): set out the course, two runs each, record results, swap roles.",
    plenary: "Plot results against the normative table; each student says one way to improve agility.",
    assessment: "Check the recording sheets during the main activity; question the recorders about reliability.",
    evaluation:
      "Results recorded by every group. Timing was inconsistent in two groups: teach stopwatch starts next time. Joanne's feedback showed Sophie managed the recorder role alone.",
    nextSteps: "Teach reliable timing before the next test; use the results in the training-plan assignment.",
    strategies: [
      {
        title: "Peer coaching in practical sport",
        note: "Runner, timer and recorder swap roles; the recorder checks technique.",
        addedBy: TOM,
      },
      { title: "Mini-whiteboards for assessment for learning", note: "Starter recap.", addedBy: TOM },
    ],
    ratings: [
      {
        strategy: "Peer coaching in practical sport",
        by: TOM,
        rating: 4,
        comment: "Groups of three mixed students from three institutions well.",
      },
    ],
    deployments: [
      joanneInMain(
        {
          concepts: "Agility; reliability of a fitness test; normative data.",
          skills: "Setting out cones from a diagram; timing and recording a run.",
          outcomes: "Kyle and Sophie each complete two runs and record a partner's result.",
          minutes: 50,
        },
        {
          read: true,
          feedback:
            "Sophie took the recorder role without help. Kyle needed the cone diagram modelled twice, then set out half the course himself.",
        },
      ),
      aishaForEllie(
        {
          concepts: "Agility and the test protocol.",
          outcomes: "Ellie completes the test and records results.",
          minutes: 90,
        },
        { read: true },
      ),
    ],
  },
  {
    course: BTEC,
    unit: "Applying the principles of personal training",
    group: BTEC_GROUP,
    title: "Principles of training: FITT",
    week: -1,
    day: 2,
    startTime: "13:15",
    durationMinutes: 120,
    status: "taught",
    createdBy: SARAH,
    objectives: "Explain frequency, intensity, time and type.\nApply FITT to a week of training for a chosen sport.",
    successCriteria: "Define each FITT principle with an example.\nAdjust one principle in a sample plan and say why.",
    starter: "Card sort: match each FITT principle to an example from a footballer's week.",
    mainActivity:
      "Circuit session where each station changes one FITT principle; students record how it felt (RPE scale).",
    plenary: "Exit ticket: 'Which principle would you change first to make a session harder, and why?'",
    assessment: "Exit tickets sorted into secure / nearly / not yet for the next lesson's groups.",
    evaluation:
      "Circuit gave students a feel for intensity; written explanations still thin. Waiting for Joanne's feedback on Kyle and Sophie.",
    nextSteps: "Writing frame for the FITT explanations before the assignment.",
    strategies: [
      {
        title: "Visual timetables and now/next boards",
        note: "Now/next board by the circuit for Kyle and Sophie.",
        addedBy: SARAH,
      },
      {
        title: "Scaffolded writing frames for BTEC assignments",
        note: "Full frame for the exit ticket.",
        addedBy: SARAH,
      },
    ],
    deployments: [
      joanneInMain(
        {
          concepts: "The FITT principles; rating of perceived exertion.",
          skills: "Moving round a circuit with the now/next board; rating effort on the RPE scale.",
          outcomes: "Kyle and Sophie can say which station was the hardest and use the word 'intensity'.",
          minutes: 60,
        },
        { read: true },
      ),
      aishaForEllie(
        {
          concepts: "FITT vocabulary (pre-taught last week).",
          outcomes: "Ellie explains one principle on her exit ticket.",
          minutes: 120,
        },
        { read: true, feedback: "Pre-taught signs for the four principles worked; Ellie answered in the plenary." },
      ),
    ],
  },
  {
    course: BTEC,
    unit: "Applying the principles of personal training",
    group: BTEC_GROUP,
    title: "Circuit training for a chosen component",
    week: 0,
    day: 2,
    startTime: "13:15",
    durationMinutes: 120,
    status: "ready",
    createdBy: SARAH,
    objectives: "Design a six-station circuit that trains one component of fitness.\nLead a partner through it safely.",
    successCriteria:
      "Each station trains the chosen component.\nWork and rest times follow FITT.\nThe warm-up and cool-down are included.",
    starter: "Talk partners: which component will you train, and which stations would suit it?",
    mainActivity: "Pairs design the circuit on the planning sheet, then lead another pair through it.",
    plenary: "Peer feedback against the success-criteria checklist.",
    assessment: "Circulate with the checklist; target questions at the two Year 11 students and at Amelia (Year 9).",
    notes: ["Pairs: Kyle with Callum, Sophie with Megan. Ellie with Jordan, facing Aisha."],
    differentiation: [
      {
        needArea: "cognition_learning",
        note: "Planning sheet with station pictures to choose from; fewer stations (four) if needed.",
      },
      {
        student: "Sophie Lund",
        note: "Pre-teach 'circuit', 'station', 'work' and 'rest' with Joanne at the start of the main activity.",
      },
    ],
    strategies: [
      { title: "Success-criteria checklists", note: "Symbol version for Kyle and Sophie.", addedBy: SARAH },
      {
        title: "Seating and sightlines for lip-reading",
        note: "Semicircle away from the windows for every instruction.",
        addedBy: TOM,
      },
    ],
    deployments: [
      joanneInMain(
        {
          concepts: "Circuit training; work and rest periods; choosing stations for one component.",
          skills: "Choosing stations from picture cards; leading a partner through a station.",
          outcomes: "Kyle and Sophie design at least four stations and lead a partner through two.",
          minutes: 70,
        },
        { read: true },
      ),
      aishaForEllie({
        concepts: "Circuit design vocabulary.",
        outcomes: "Ellie leads her partner through the circuit.",
        minutes: 120,
      }),
    ],
  },
  {
    course: BTEC,
    unit: "Practical performance in sport",
    group: BTEC_GROUP,
    title: "Badminton: rules and scoring",
    week: 0,
    day: 4,
    startTime: "09:00",
    durationMinutes: 90,
    status: "ready",
    createdBy: TOM,
    objectives: "Apply the rules of a singles game.\nKeep score accurately.",
    successCriteria: "Serve legally from the correct court.\nKeep score for a full game.",
    starter: "Rule quiz on mini-whiteboards: true or false?",
    mainActivity: "Conditioned singles games with a student umpire keeping score; rotate every six minutes.",
    plenary: "Umpires report one rule they had to apply.",
    assessment: "Observe umpires; ask each student to explain the serving rule.",
    strategies: [
      {
        title: "Chunked instructions with modelled demonstrations",
        note: "Demonstrate the serve from each court.",
        addedBy: TOM,
      },
    ],
    deployments: [
      joanneInMain({
        concepts: "Singles rules: serving court, faults, scoring to 21.",
        skills: "Serving legally; calling the score.",
        outcomes: "Kyle and Sophie serve from the correct court and call the score for one game.",
        minutes: 45,
      }),
    ],
  },
  {
    course: BTEC,
    unit: "Practical performance in sport",
    group: BTEC_GROUP,
    title: "Officiating roles in sport",
    week: 1,
    day: 2,
    startTime: "13:15",
    durationMinutes: 120,
    status: "draft",
    createdBy: TOM,
    objectives: "Describe the roles and responsibilities of officials in two sports.",
    successCriteria: "Name three officials and their responsibilities.",
    starter: "",
    mainActivity: "",
    plenary: "",
    assessment: "",
  },
  {
    course: "Dance (adapted module)",
    unit: "Choreographic devices",
    group: "Dance Year 10 (Wednesday)",
    title: "Motif and development",
    week: -1,
    day: 3,
    startTime: "13:30",
    durationMinutes: 90,
    status: "reviewed",
    createdBy: "Priya Shah",
    objectives: "Create a four-count motif and develop it using two devices.",
    successCriteria: "The motif is repeatable.\nTwo devices (retrograde, canon, levels) are clear.",
    starter: "Warm-up to visual counts on the screen and through the floor.",
    mainActivity: "Trios create a motif, then develop it with two devices from the device cards.",
    plenary: "Trios perform; the audience names the devices they saw.",
    assessment: "Peer identification of devices; teacher notes on each trio.",
    evaluation: "Visual counts kept every trio together. Ruby led her trio's retrograde.",
    nextSteps: "Add canon next week; film the motifs for the portfolio.",
    strategies: [
      {
        title: "Seating and sightlines for lip-reading",
        note: "Counts shown on the screen, facing the mirror wall.",
        addedBy: "Priya Shah",
      },
    ],
    ratings: [
      {
        strategy: "Seating and sightlines for lip-reading",
        by: "Priya Shah",
        rating: 5,
        comment: "Ruby never missed a count.",
      },
    ],
    deployments: [
      {
        supporter: AISHA,
        role: "csw",
        phase: "whole",
        mode: "communication_support",
        minutes: 90,
        students: ["Ruby Walsh"],
        concepts: "Motif; retrograde; levels.",
        skills: "Sign-supported English for the devices; signal counts visually.",
        outcomes: "Ruby develops the motif with two devices.",
        feedbackExpected: "Whether the visual counts were enough, and any term Ruby did not know.",
        independence: "Let Ruby lead her trio's discussion; interpret only when asked.",
        read: true,
        feedback: "Visual counts were enough; Ruby did not need me during the performance.",
      },
    ],
  },
  {
    course: "Design Technology (adapted module)",
    unit: "Working safely in the workshop",
    group: "DT Year 10/11 (Monday)",
    title: "Using the coping saw safely",
    week: 0,
    day: 1,
    startTime: "10:45",
    durationMinutes: 90,
    status: "taught",
    createdBy: "Rachel Moore",
    objectives: "Cut a curve with a coping saw, following the safety rules.",
    successCriteria: "Work clamped securely.\nBlade tension checked.\nCut within 2 mm of the line.",
    starter: "Spot the hazard: photos of the workshop.",
    mainActivity: "Modelled demonstration, then practice cuts on scrap pine with visual task cards.",
    plenary: "Students show their best cut and say one safety rule.",
    assessment: "Safety checklist ticked by the teacher for each student before they use the saw alone.",
    strategies: [
      {
        title: "Visual timetables and now/next boards",
        note: "Now/next board at each bench.",
        addedBy: "Rachel Moore",
      },
    ],
    deployments: [
      {
        supporter: JOANNE,
        role: "lsa",
        phase: "main",
        mode: "roving",
        minutes: 45,
        students: [],
        concepts: "Workshop safety; cutting to a line.",
        skills: "Clamping work; tensioning the blade.",
        outcomes: "Every student makes two safe practice cuts.",
        feedbackExpected: "Who needed reminding about the safety rules.",
        independence: "Prompt before clue: point to the task card before showing.",
        read: true,
      },
    ],
  },
  {
    course: "NVQ Level 1 Catering",
    unit: "Food safety in catering",
    group: "Catering Level 1 (Friday)",
    title: "Food safety: temperature control",
    week: 0,
    day: 5,
    startTime: "09:00",
    durationMinutes: 180,
    status: "ready",
    createdBy: TOM,
    objectives: "Explain the danger zone.\nProbe and record food temperatures.",
    successCriteria: "State the danger zone (8 to 63 °C).\nProbe a dish correctly and record it in the log.",
    starter: "Hot or cold? Sort foods by how they should be stored.",
    mainActivity: "Cook, cool and probe a batch of rice; complete the temperature log.",
    plenary: "Review the logs: which batches would pass an inspection?",
    assessment: "Check each temperature log; question on the danger zone.",
    strategies: [
      { title: "Success-criteria checklists", note: "Temperature log doubles as the checklist.", addedBy: TOM },
    ],
  },
  {
    course: "Leisure and Tourism",
    unit: "Investigating leisure and tourism",
    title: "Local leisure facilities survey",
    week: 2,
    day: 3,
    startTime: "10:30",
    durationMinutes: 60,
    status: "draft",
    createdBy: SARAH,
    objectives: "Identify the types of leisure facility in Ashbury.",
    successCriteria: "Map at least six facilities and classify them.",
    starter: "",
    mainActivity: "",
    plenary: "",
    assessment: "",
  },
];

/** The date of the ISO weekday `day` in the week `week` weeks from this one, as stored (midnight UTC). */
function lessonDate(week: number, day: number, now = new Date()): Date {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const isoWeekday = today.getUTCDay() === 0 ? 7 : today.getUTCDay();
  return new Date(today.getTime() + (week * 7 + (day - isoWeekday)) * 86_400_000);
}

/** The plan's document: the body with the planners' notes, and each text part (as createLessonPlan makes them). */
function documentState(title: string, notes: string[], texts: Partial<PlanTexts>): Uint8Array {
  return rootsToYjsState({
    [YJS_ROOT_NAME]: () => {
      bodyHeading(title)();
      const root = $getRoot();
      for (const text of notes) root.append($createParagraphNode().append($createTextNode(text)));
    },
    ...planTextRoots(texts),
  });
}

/** Seeds the demo lesson plans into a partnership (by default the demo one) and returns their ids. */
export async function seedLessonPlans(db: Db, partnershipId?: string): Promise<string[]> {
  const partnership = partnershipId
    ? await db.partnership.findUniqueOrThrow({ where: { id: partnershipId } })
    : await db.partnership.findUniqueOrThrow({ where: { slug: DEMO_PARTNERSHIP_SLUG } });
  const where = { partnershipId: partnership.id };
  const [users, courses, groups, students, strategies] = await Promise.all([
    db.user.findMany({ where, select: { id: true, name: true } }),
    db.course.findMany({ where, select: { id: true, title: true, units: { select: { id: true, title: true } } } }),
    db.teachingGroup.findMany({ where, select: { id: true, name: true, courseId: true } }),
    db.student.findMany({ where, select: { id: true, firstName: true, lastName: true } }),
    db.strategy.findMany({ where, select: { id: true, title: true } }),
  ]);
  const find = <T>(kind: string, items: T[], match: (item: T) => boolean, name: string): T => {
    const found = items.find(match);
    if (!found) throw new Error(`seedLessonPlans: no ${kind} "${name}" in ${partnership.name}`);
    return found;
  };
  const user = (name: string) => find("member", users, (u) => u.name === name, name).id;
  const student = (name: string) => find("student", students, (s) => `${s.firstName} ${s.lastName}` === name, name).id;
  const strategy = (title: string) => find("strategy", strategies, (s) => s.title === title, title).id;

  const ids: string[] = [];
  const positions = new Map<string, number>();
  const now = new Date();
  for (const [index, p] of PLANS.entries()) {
    const course = find("course", courses, (c) => c.title === p.course, p.course);
    const unit = p.unit ? find("unit", course.units, (u) => u.title === p.unit, p.unit) : null;
    const group = p.group
      ? find("teaching group", groups, (g) => g.name === p.group && g.courseId === course.id, p.group)
      : null;
    const author = user(p.createdBy);
    const date = lessonDate(p.week, p.day, now);
    // Written a week or two before the lesson (never in the future), oldest first.
    const createdAt = new Date(
      Math.min(now.getTime() - (PLANS.length - index) * 60_000, date.getTime() - 10 * 86_400_000),
    );
    const position = positions.get(course.id) ?? 0;
    positions.set(course.id, position + 1);
    const taught = p.status === "taught" || p.status === "reviewed";
    const plan = await db.lessonPlan.create({
      data: {
        partnershipId: partnership.id,
        courseId: course.id,
        unitId: unit?.id ?? null,
        groupId: group?.id ?? null,
        title: p.title,
        lessonDate: date,
        startTime: p.startTime,
        durationMinutes: p.durationMinutes,
        position,
        status: p.status,
        objectives: p.objectives,
        successCriteria: p.successCriteria,
        starter: p.starter,
        mainActivity: p.mainActivity,
        plenary: p.plenary,
        assessment: p.assessment,
        evaluation: p.evaluation ?? "",
        nextSteps: p.nextSteps ?? "",
        textInDocument: true,
        createdById: author,
        updatedById: author,
        createdAt,
      },
    });
    ids.push(plan.id);

    // The body, as createLessonPlan makes it (the same heading and prompt), with the planners' notes after it.
    const document = await db.collabDocument.create({
      data: { partnershipId: partnership.id, ownerType: LESSON_PLAN_DOCUMENT, ownerId: plan.id, title: p.title },
    });
    await db.collabSnapshot.create({
      data: {
        documentId: document.id,
        kind: "compaction",
        state: new Uint8Array(
          documentState(p.title, p.notes ?? [], {
            ...p,
            evaluation: p.evaluation ?? "",
            nextSteps: p.nextSteps ?? "",
          }),
        ),
        createdById: author,
      },
    });

    for (const d of p.differentiation ?? []) {
      await db.differentiationNote.create({
        data: {
          lessonPlanId: plan.id,
          studentId: d.student ? student(d.student) : null,
          needArea: d.student ? "" : (d.needArea ?? ""),
          note: d.note,
        },
      });
    }
    for (const s of p.strategies ?? []) {
      await db.lessonPlanStrategy.create({
        data: { lessonPlanId: plan.id, strategyId: strategy(s.title), note: s.note, addedById: user(s.addedBy) },
      });
    }
    for (const r of p.ratings ?? []) {
      if (!p.strategies?.some((s) => s.title === r.strategy))
        throw new Error(`seedLessonPlans: "${p.title}" rates "${r.strategy}" without using it`);
      await db.strategyRating.create({
        data: {
          strategyId: strategy(r.strategy),
          userId: user(r.by),
          lessonPlanId: plan.id,
          rating: r.rating,
          comment: r.comment,
        },
      });
    }
    for (const d of p.deployments ?? []) {
      const briefedAt = new Date(createdAt.getTime() + 86_400_000);
      const lessonEnd = new Date(date.getTime() + 16 * 3_600_000);
      await db.deployment.create({
        data: {
          partnershipId: partnership.id,
          lessonPlanId: plan.id,
          supporterId: user(d.supporter),
          supporterRole: d.role,
          phase: d.phase,
          mode: d.mode,
          minutes: d.minutes,
          concepts: d.concepts,
          skills: d.skills,
          outcomes: d.outcomes,
          feedbackExpected: d.feedbackExpected,
          independence: d.independence,
          briefedById: author,
          briefedAt,
          readAt: d.read ? new Date(briefedAt.getTime() + 6 * 3_600_000) : null,
          feedback: taught ? (d.feedback ?? "") : "",
          feedbackAt: taught && d.feedback ? lessonEnd : null,
          createdAt: briefedAt,
          students: { create: d.students.map((name) => ({ studentId: student(name) })) },
        },
      });
    }
  }
  return ids;
}
