// The generated partnership's lesson plans (spread over two academic years, across every course and group) with
// their co-edited documents, differentiation, linked strategies and ratings, and the LSA deployments in them (with
// the demo LSAs among the supporters, so "My deployments" is measured at scale).
import { LESSON_PLAN_DOCUMENT } from "~/policies/lesson-plan";
import type { Db } from "~/models/db.server";
import { planBodies } from "./bodies";
import { insertAll, type PagesSize } from "./generate";
import type { CourseWorld, GeneratedCourse } from "./generate-courses";
import { COURSE_TOPICS, SENTENCES, makeId, type Random } from "./words";

const DAY = 86_400_000;
/** Days of lessons before today and after it: this academic year and the last one. */
const DAYS_BACK = 450;
const DAYS_AHEAD = 120;

const MODES = ["roving", "group", "one_to_one", "pre_teaching", "intervention", "communication_support"];

interface PlanRows {
  plans: object[];
  documents: object[];
  snapshots: object[];
  differentiation: object[];
  strategies: object[];
  ratings: object[];
  deployments: object[];
  deploymentStudents: object[];
}

/**
 * Written two weeks before the lesson (or lately, for lessons coming up) and last changed a few days later, never
 * in the future: what "this week" and "recently updated" lists read, so bulk inserts must not all be stamped now.
 */
function stamps(lessonDate: Date, random: Random) {
  const now = Date.now();
  const planned = lessonDate.getTime() - 14 * DAY;
  const createdAt = planned < now - DAY ? planned : now - (1 + random.int(60)) * DAY;
  const updatedAt = Math.min(createdAt + random.int(5) * DAY + random.int(DAY), now - 3_600_000);
  return { createdAt: new Date(createdAt), updatedAt: new Date(updatedAt) };
}

function today(): number {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

export async function generatePlans(
  store: Db,
  world: CourseWorld,
  courses: GeneratedCourse[],
  strategyIds: string[],
  random: Random,
  size: PagesSize,
) {
  const existing = await store.lessonPlan.count({ where: { partnershipId: world.partnershipId } });
  const existingDeployments = await store.deployment.count({ where: { partnershipId: world.partnershipId } });
  const count = Math.max(0, size.plans - existing);
  const deploymentCount = Math.max(0, size.deployments - existingDeployments);
  const bodies = await planBodies(random, size.bodyVariants);
  const supporters = world.people.filter((p) => p.role === "lsa").map((p) => p.id);
  const teachers = world.people.filter((p) => p.role === "teacher").map((p) => p.id);
  const positions = new Map<string, number>();
  const rows: PlanRows = {
    plans: [],
    documents: [],
    snapshots: [],
    differentiation: [],
    strategies: [],
    ratings: [],
    deployments: [],
    deploymentStudents: [],
  };
  const start = today() - DAYS_BACK * DAY;
  for (let n = 0; n < count; n++) {
    const course = courses[n % courses.length]!;
    const position = positions.get(course.id) ?? 0;
    positions.set(course.id, position + 1);
    const group = course.groups.length > 0 ? course.groups[n % course.groups.length]! : null;
    const lessonDate = new Date(start + Math.floor((n * (DAYS_BACK + DAYS_AHEAD)) / count) * DAY);
    const past = lessonDate.getTime() < today();
    const status = past ? (n % 5 < 2 ? "reviewed" : "taught") : n % 3 === 0 ? "draft" : "ready";
    const author = course.planners[n % Math.max(1, course.planners.length)] ?? random.pick(teachers);
    const body = bodies[n % bodies.length]!;
    const topics = COURSE_TOPICS[n % COURSE_TOPICS.length]![2];
    const id = makeId("lp", n);
    rows.plans.push({
      id,
      partnershipId: world.partnershipId,
      courseId: course.id,
      unitId: course.unitIds.length > 0 ? course.unitIds[position % course.unitIds.length] : null,
      groupId: group?.id ?? null,
      title: `${topics[position % topics.length]}: lesson ${position + 1}`,
      lessonDate,
      startTime: "13:30",
      durationMinutes: 90,
      position,
      status,
      ...body.texts,
      textInDocument: true,
      createdById: author,
      updatedById: author,
      ...stamps(lessonDate, random),
    });
    const documentId = makeId("lpd", n);
    rows.documents.push({
      id: documentId,
      partnershipId: world.partnershipId,
      ownerType: LESSON_PLAN_DOCUMENT,
      ownerId: id,
      title: "",
    });
    rows.snapshots.push({
      id: makeId("lps", n),
      documentId,
      kind: "compaction",
      state: body.state,
      createdById: author,
    });
    rows.differentiation.push({
      id: makeId("dn", n * 2),
      lessonPlanId: id,
      needArea: random.pick(["semh", "cognition_learning", "sensory_physical"]),
      note: random.pick(SENTENCES),
    });
    if (group && random.chance(0.5))
      rows.differentiation.push({
        id: makeId("dn", n * 2 + 1),
        lessonPlanId: id,
        studentId: random.pick(group.students),
        note: random.pick(SENTENCES),
      });
    const linked = random.some(strategyIds, 2);
    rows.strategies.push(
      ...linked.map((strategyId) => ({
        lessonPlanId: id,
        strategyId,
        note: random.pick(SENTENCES),
        addedById: author,
      })),
    );
    if (status === "reviewed")
      rows.ratings.push({
        id: makeId("pr", n),
        strategyId: linked[0],
        userId: author,
        lessonPlanId: id,
        scope: id,
        rating: 2 + random.int(4),
      });
    const deployments = Math.floor(deploymentCount / count) + (n < deploymentCount % count ? 1 : 0);
    for (let d = 0; d < deployments; d++) {
      const deploymentId = makeId("dp", rows.deployments.length);
      const briefedAt = random.chance(0.8) ? new Date(lessonDate.getTime() - 3 * DAY) : null;
      rows.deployments.push({
        id: deploymentId,
        partnershipId: world.partnershipId,
        lessonPlanId: id,
        supporterId: supporters[(n * 7 + d) % supporters.length],
        supporterRole: d === 3 ? "csw" : "lsa",
        phase: random.pick(["whole", "starter", "main", "plenary"]),
        minutes: 30 + 15 * random.int(5),
        mode: random.pick(MODES),
        concepts: random.pick(SENTENCES),
        skills: random.pick(SENTENCES),
        outcomes: random.pick(SENTENCES),
        briefedById: briefedAt ? author : null,
        briefedAt,
        readAt: briefedAt && random.chance(0.7) ? new Date(briefedAt.getTime() + DAY / 2) : null,
        feedback: past && random.chance(0.5) ? random.pick(SENTENCES) : "",
        feedbackAt: past && random.chance(0.5) ? new Date(lessonDate.getTime() + DAY / 2) : null,
        ...stamps(lessonDate, random),
      });
      if (group)
        rows.deploymentStudents.push(
          ...random.some(group.students, 1 + random.int(2)).map((studentId) => ({ deploymentId, studentId })),
        );
    }
  }
  await insertAll(rows.plans, (data) => store.lessonPlan.createMany({ data: data as never }));
  await insertAll(rows.documents, (data) => store.collabDocument.createMany({ data: data as never }));
  await insertAll(rows.snapshots, (data) => store.collabSnapshot.createMany({ data: data as never }), 100);
  await insertAll(rows.differentiation, (data) => store.differentiationNote.createMany({ data: data as never }));
  await insertAll(rows.strategies, (data) => store.lessonPlanStrategy.createMany({ data: data as never }));
  await insertAll(rows.ratings, (data) => store.strategyRating.createMany({ data: data as never }));
  await insertAll(rows.deployments, (data) => store.deployment.createMany({ data: data as never }));
  await insertAll(rows.deploymentStudents, (data) => store.deploymentStudent.createMany({ data: data as never }));
}
