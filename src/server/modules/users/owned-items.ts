import { and, eq, sql } from 'drizzle-orm';
import { rows, type Queryable, type Tx } from '../../db/client.js';
import { OWNED_TABLES, type OwnedKind } from '../features/tables.js';

export type OwnedItemCounts = Record<OwnedKind, number>;

const KINDS = Object.keys(OWNED_TABLES) as OwnedKind[];

/** What a member owns in one company, in every feature: shown before Delete. */
export async function countOwnedItems(db: Queryable, companyId: string, userId: string): Promise<OwnedItemCounts> {
  const counts = sql.join(
    KINDS.map((kind) => {
      const table = OWNED_TABLES[kind];
      return sql`(SELECT count(*)::int FROM ${table} WHERE ${table.companyId} = ${companyId} AND ${table.ownerId} = ${userId}) AS ${sql.identifier(kind)}`;
    }),
    sql`, `,
  );
  const [row] = await rows<OwnedItemCounts>(db, sql`SELECT ${counts}`);
  return row!;
}

/**
 * Moves every item a member owns, in every feature, to another member of the same company. Runs
 * in the caller's transaction (the delete), so either all items move with the delete or none do.
 * The caller checks that the target is an active member; the owner foreign key guarantees at
 * least that it is a member of this company. `updated_at` is left alone: the content did not change.
 */
export async function reassignOwnedItems(tx: Tx, companyId: string, fromUserId: string, toUserId: string): Promise<void> {
  for (const kind of KINDS) {
    const table = OWNED_TABLES[kind];
    await tx
      .update(table)
      .set({ ownerId: toUserId })
      .where(and(eq(table.companyId, companyId), eq(table.ownerId, fromUserId)));
  }
}
