// Creating a partnership with its first institution: for the first-run set-up page and for
// `npm run partnership:create`, so both make a partnership the same way.
import type { Prisma } from "~/generated/sqlite/client";
import type { InstitutionKind } from "~/lib/institutions";

export interface NewPartnership {
  name: string;
  /** The partnership's address-friendly name; derived from its name when not given. */
  slug?: string;
  institution: { name: string; kind: InstitutionKind };
}

function slugFor(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return slug || "partnership";
}

/** A slug no partnership has yet: the name's own, or with -2, -3… after it (a demo of the same name may exist). */
async function freeSlug(tx: Prisma.TransactionClient, wanted: string): Promise<string> {
  const taken = new Set(
    (await tx.partnership.findMany({ where: { slug: { startsWith: wanted } }, select: { slug: true } })).map(
      (p) => p.slug,
    ),
  );
  let slug = wanted;
  for (let n = 2; taken.has(slug); n++) slug = `${wanted}-${n}`;
  return slug;
}

/** Creates the partnership and its first institution inside the caller's transaction. */
export async function createPartnership(tx: Prisma.TransactionClient, input: NewPartnership) {
  const name = input.name.trim();
  const slug = input.slug ?? (await freeSlug(tx, slugFor(name)));
  const partnership = await tx.partnership.create({ data: { name, slug } });
  const institution = await tx.institution.create({
    data: { partnershipId: partnership.id, name: input.institution.name.trim(), kind: input.institution.kind },
  });
  return { partnership, institution };
}
