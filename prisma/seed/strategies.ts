// The demo strategy library: practice from the research's list (assessment for
// learning, student tracking, target-setting, learning dialogues, self and peer
// assessment...) and from SEN practice in the partnership's five institutions,
// each with tags, evidence, an author and a few general ratings. Looks people
// up by email so it runs after (and apart from) the members' seed.
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { lexicalContentToYjsState } from "~/lib/document-schema/headless";
import type { Db } from "~/models/db.server";
import { STRATEGY_DOCUMENT } from "~/policies/strategy";
import { DEMO_PARTNERSHIP, demoUser, type DemoUserKey } from "../seed-data";

interface SeedStrategy {
  title: string;
  summary: string;
  description: string[];
  evidence: string;
  author: DemoUserKey;
  needs: string[];
  subjects: string[];
  keyStages: string[];
  phases: string[];
  ratings: Array<{ by: DemoUserKey; rating: number; comment: string }>;
}

export const SEED_STRATEGIES: SeedStrategy[] = [
  {
    title: "Visual timetables and now/next boards",
    summary:
      "A strip of symbols showing the lesson's steps, with a now/next board the student moves on as each step ends.",
    description: [
      "Before the lesson, build the strip from the plan's phases: arrive, warm-up, skill practice, game, cool-down, reflect.",
      "The LSA or the student turns over each card as the step ends; the now/next board shows only the current and next step for students who find the whole strip too much.",
    ],
    evidence:
      "Brookfield students with MLD joined the BTEC Sport group at Hollins Park; refusals at transitions fell from several a lesson to about one a week over a half term.",
    author: "teacherSpecial",
    needs: ["cognition_learning", "communication_interaction"],
    subjects: ["pe_sport", "design_technology", "catering"],
    keyStages: ["ks3", "ks4"],
    phases: ["whole"],
    ratings: [
      { by: "lsa", rating: 5, comment: "Transitions are calmer; students check the board themselves now." },
      { by: "teacher", rating: 4, comment: "Worth the ten minutes of preparation." },
    ],
  },
  {
    title: "Pre-teaching key vocabulary with signs",
    summary:
      "Teach the unit's key terms and agreed signs before the lesson, so deaf students meet new ideas, not new words, in class.",
    description: [
      "The teacher sends five to eight key terms a week ahead. The Teacher of the Deaf and communication support worker agree signs (BSL, or fingerspelling where no sign exists) and pre-teach them with pictures.",
      "Keep a shared glossary with the sign video for each term so every site uses the same signs.",
    ],
    evidence:
      "Thornbury students in the Leisure and Tourism unit answered more questions in the main lesson; CSW feedback said interpreting lag fell noticeably.",
    author: "teacherDeaf",
    needs: ["sensory_physical", "communication_interaction"],
    subjects: ["leisure_tourism", "pe_sport", "science"],
    keyStages: ["ks4", "14-19"],
    phases: ["starter"],
    ratings: [
      { by: "lsaDeaf", rating: 5, comment: "I can interpret concepts instead of spelling words I have never seen." },
      { by: "leader", rating: 4, comment: "A model for how our LSAs prepare across sites." },
    ],
  },
  {
    title: "Chunked instructions with modelled demonstrations",
    summary:
      "Give one instruction at a time, show it, then let students do it before the next: no more than three steps at once.",
    description: [
      "Say it, show it, do it: a short instruction, a demonstration by the teacher or a student, then practice.",
      "Keep the steps on a whiteboard at the side of the sports hall so students can look back without asking.",
    ],
    evidence:
      "In mixed BTEC First in Sport groups, more students started practical tasks within a minute of the instruction.",
    author: "teacher",
    needs: ["cognition_learning", "communication_interaction"],
    subjects: ["pe_sport", "dance"],
    keyStages: ["ks3", "ks4", "14-19"],
    phases: ["main"],
    ratings: [{ by: "teacherFe", rating: 4, comment: "Works in the college sports hall too." }],
  },
  {
    title: "Peer coaching in practical sport",
    summary: "Pairs coach each other through a skill using a coaching card with teaching points, then swap roles.",
    description: [
      "Each card shows the skill, three teaching points and one question the coach asks.",
      "Pair across institutions where you can: students learn each other's names and the group mixes.",
    ],
    evidence:
      "Year 10 students from three institutions rated their confidence in the unit higher after four peer-coaching lessons.",
    author: "teacherFe",
    needs: ["semh", "cognition_learning"],
    subjects: ["pe_sport"],
    keyStages: ["ks4", "14-19"],
    phases: ["main"],
    ratings: [{ by: "teacher", rating: 4, comment: "Students explained the teaching points better than I did." }],
  },
  {
    title: "Talk partners",
    summary: "Fixed, planned pairs who talk through a question for a minute before anyone answers to the whole group.",
    description: ["Plan pairs so each student has a partner they can communicate with; change pairs every half term."],
    evidence: "More students answered in plenaries; fewer 'don't know' answers.",
    author: "teacherDance",
    needs: ["communication_interaction", "semh"],
    subjects: ["dance", "drama", "humanities", "english"],
    keyStages: ["ks3", "ks4"],
    phases: ["starter", "plenary"],
    ratings: [{ by: "leader", rating: 3, comment: "Simple and reliable." }],
  },
  {
    title: "Success-criteria checklists",
    summary:
      "A short checklist of what a good piece of work includes, ticked by the student as they go and checked by a partner.",
    description: ["Write criteria in the students' words; add symbols for students who need them."],
    evidence: "BTEC assignment drafts came in with fewer missing criteria.",
    author: "teacher",
    needs: ["cognition_learning"],
    subjects: ["pe_sport", "leisure_tourism", "catering"],
    keyStages: ["ks4", "14-19", "post16"],
    phases: ["main", "plenary"],
    ratings: [{ by: "teacherSpecial", rating: 4, comment: "Symbol version works well at Brookfield." }],
  },
  {
    title: "Restorative conversations",
    summary:
      "After an incident, a short structured conversation: what happened, who was affected, what needs to happen to put it right.",
    description: ["Hold it the same day, away from the group; the LSA who knows the student best can lead it."],
    evidence: "Fewer repeat incidents for two students at risk of exclusion over a term.",
    author: "coordinator",
    needs: ["semh"],
    subjects: ["other"],
    keyStages: ["ks3", "ks4", "14-19"],
    phases: ["whole"],
    ratings: [
      { by: "leaderFe", rating: 4, comment: "We use the same questions at the college now." },
      { by: "lsa", rating: 4, comment: "Students know what to expect." },
    ],
  },
  {
    title: "Student tracking and target-setting",
    summary:
      "Track each student's progress against unit criteria on one shared sheet; set one target per student each fortnight.",
    description: [
      "Headteachers in the research rated student tracking the single most effective strategy.",
      "The sheet follows the student across sites: every teacher of the group sees the same targets.",
    ],
    evidence: "Pass rates on the BTEC First units rose; students could name their current target when asked.",
    author: "coordinator",
    needs: ["cognition_learning"],
    subjects: ["pe_sport", "leisure_tourism", "catering", "construction", "beauty"],
    keyStages: ["ks4", "14-19", "post16"],
    phases: ["whole", "plenary"],
    ratings: [
      { by: "leader", rating: 5, comment: "The most useful thing we share across the partnership." },
      { by: "leaderFe", rating: 5, comment: "Gives us one view of the student across institutions." },
      { by: "teacher", rating: 4, comment: "" },
    ],
  },
  {
    title: "Self and peer assessment with exemplars",
    summary:
      "Students compare work with pass, merit and distinction exemplars, then assess their own and a partner's against them.",
    description: ["Use anonymised exemplars from earlier cohorts; annotate what lifts a pass to a merit."],
    evidence: "More merit and distinction grades on resubmission.",
    author: "teacherFe",
    needs: ["cognition_learning"],
    subjects: ["pe_sport", "catering", "beauty"],
    keyStages: ["14-19", "post16"],
    phases: ["plenary"],
    ratings: [{ by: "leaderFe", rating: 4, comment: "" }],
  },
  {
    title: "Learning dialogues",
    summary:
      "A short one-to-one conversation each half term about how the student learns best and what they want to improve.",
    description: ["Record two sentences from each dialogue where every teacher of the student can read them."],
    evidence: "Students' attitude-survey scores for preparedness for learning rose.",
    author: "teacherDance",
    needs: ["semh", "communication_interaction"],
    subjects: ["dance", "drama"],
    keyStages: ["ks3", "ks4", "14-19"],
    phases: ["whole"],
    ratings: [{ by: "leader", rating: 4, comment: "Students feel listened to." }],
  },
  {
    title: "Scaffolded writing frames for BTEC assignments",
    summary:
      "Frames with sentence starters and headings for each assignment criterion, withdrawn step by step as students gain confidence.",
    description: ["Give the full frame first, then headings only, then nothing: say when each step comes."],
    evidence: "MLD students submitted complete first drafts for the first time.",
    author: "teacherSpecial",
    needs: ["cognition_learning"],
    subjects: ["pe_sport", "leisure_tourism", "english"],
    keyStages: ["ks4", "14-19"],
    phases: ["main"],
    ratings: [{ by: "teacher", rating: 4, comment: "Essential for the written units." }],
  },
  {
    title: "Movement breaks",
    summary: "Planned two-minute movement breaks between lesson phases for students who struggle to stay seated.",
    description: ["Put them in the plan, not as a reward; the LSA leads them so the teacher keeps the group's pace."],
    evidence: "Fewer students left the room during theory lessons.",
    author: "lsa",
    needs: ["semh", "sensory_physical"],
    subjects: ["other", "humanities", "science"],
    keyStages: ["ks3", "ks4"],
    phases: ["main"],
    ratings: [{ by: "teacherSpecial", rating: 3, comment: "Helps in the afternoon." }],
  },
  {
    title: "Seating and sightlines for lip-reading",
    summary:
      "Seat deaf students with a clear view of the teacher's face and the interpreter, away from windows behind the speaker.",
    description: [
      "In the sports hall, gather the group in a semicircle facing away from the light before any instruction.",
    ],
    evidence: "Thornbury students missed fewer instructions in practical lessons at Hollins Park.",
    author: "lsaDeaf",
    needs: ["sensory_physical"],
    subjects: ["pe_sport", "dance", "drama", "other"],
    keyStages: ["ks3", "ks4", "14-19", "post16"],
    phases: ["whole"],
    ratings: [{ by: "teacherDeaf", rating: 5, comment: "The first thing every visiting teacher should read." }],
  },
  {
    title: "Captioned video",
    summary: "Use only video with accurate captions, or caption it before the lesson; pause for the interpreter.",
    description: ["Check automatic captions before the lesson: they often miss technical terms."],
    evidence: "Deaf and hearing students both recalled more from video clips.",
    author: "teacherDeaf",
    needs: ["sensory_physical"],
    subjects: ["leisure_tourism", "science", "humanities", "other"],
    keyStages: ["ks3", "ks4", "14-19", "post16"],
    phases: ["starter", "main"],
    ratings: [{ by: "lsaDeaf", rating: 4, comment: "" }],
  },
  {
    title: "Mini-whiteboards for assessment for learning",
    summary: "Every student writes or draws an answer and holds it up at once, so the teacher sees who has understood.",
    description: [
      "Use hinge questions at the end of each teaching point; re-teach at once if fewer than most are right.",
    ],
    evidence: "Teachers reported catching misunderstandings in the lesson rather than in marking.",
    author: "teacher",
    needs: ["cognition_learning", "communication_interaction"],
    subjects: ["maths", "science", "pe_sport", "leisure_tourism"],
    keyStages: ["ks3", "ks4", "14-19"],
    phases: ["starter", "plenary"],
    ratings: [
      { by: "coordinator", rating: 4, comment: "Cheap and quick." },
      { by: "teacherFe", rating: 4, comment: "" },
    ],
  },
  {
    title: "Review days with students and parents",
    summary:
      "A review day each term where students show their portfolio to a parent or carer and agree the next targets.",
    description: ["Invite parents across institutions to one site; arrange transport with the home schools."],
    evidence: "Attendance at review days rose to most families; targets agreed on the day were met more often.",
    author: "coordinator",
    needs: ["semh"],
    subjects: ["other"],
    keyStages: ["ks4", "14-19"],
    phases: ["whole"],
    ratings: [{ by: "leader", rating: 4, comment: "Engagement with parents improved noticeably." }],
  },
];

function descriptionState(paragraphs: string[]): Uint8Array {
  return lexicalContentToYjsState(() => {
    const root = $getRoot();
    for (const text of paragraphs) root.append($createParagraphNode().append($createTextNode(text)));
  });
}

/**
 * Seeds the library of a partnership seeded from DEMO_USERS (by default the demo one).
 * Uses the given client throughout: tests seed databases that are not the process's own.
 */
export async function seedStrategies(db: Db, options: { slug?: string; emailDomainSuffix?: string } = {}) {
  const partnership = await db.partnership.findUniqueOrThrow({
    where: { slug: options.slug ?? DEMO_PARTNERSHIP.slug },
  });
  const suffix = options.emailDomainSuffix ?? "";
  const people = new Map<DemoUserKey, { id: string; institutionId: string }>();
  const person = async (key: DemoUserKey) => {
    let found = people.get(key);
    if (!found) {
      found = await db.user.findUniqueOrThrow({
        where: { email: demoUser(key).email + suffix },
        select: { id: true, institutionId: true },
      });
      people.set(key, found);
    }
    return found;
  };
  const ids: string[] = [];
  // Oldest first, so "newest" lists the end of the array first.
  for (const [index, item] of SEED_STRATEGIES.entries()) {
    const author = await person(item.author);
    const createdAt = new Date(Date.now() - (SEED_STRATEGIES.length - index) * 86_400_000);
    const strategy = await db.strategy.create({
      data: {
        partnershipId: partnership.id,
        title: item.title,
        summary: item.summary,
        evidence: item.evidence,
        institutionId: author.institutionId,
        createdById: author.id,
        createdAt,
        tags: {
          create: [
            ...item.needs.map((value) => ({ kind: "need", value })),
            ...item.subjects.map((value) => ({ kind: "subject", value })),
            ...item.keyStages.map((value) => ({ kind: "key_stage", value })),
            ...item.phases.map((value) => ({ kind: "phase", value })),
          ],
        },
      },
    });
    for (const rating of item.ratings) {
      const rater = await person(rating.by);
      await db.strategyRating.create({
        data: { strategyId: strategy.id, userId: rater.id, rating: rating.rating, comment: rating.comment },
      });
    }
    const document = await db.collabDocument.create({
      data: { partnershipId: partnership.id, ownerType: STRATEGY_DOCUMENT, ownerId: strategy.id, title: item.title },
    });
    await db.collabSnapshot.create({
      data: {
        documentId: document.id,
        kind: "compaction",
        state: new Uint8Array(descriptionState([item.summary, ...item.description])),
        createdById: author.id,
      },
    });
    ids.push(strategy.id);
  }
  return ids;
}
