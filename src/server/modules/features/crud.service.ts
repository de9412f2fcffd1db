import { and, desc, eq, getTableColumns, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { FeatureListQuery, ItemOwner } from '../../../shared/api.js';
import type { Actor, AppContext } from '../../context.js';
import type { Queryable, Tx } from '../../db/client.js';
import { memberships } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { assertAssignableOwner, ownerColumns, toOwner } from './owners.js';
import { containsPattern, decodeCursor, encodeCursor } from './paging.js';
import type { OwnedTable } from './tables.js';

/** What a feature writes besides the columns every owned item has. */
export type Content<T extends OwnedTable> = Omit<T['$inferInsert'], 'companyId' | 'id' | 'ownerId' | 'createdAt' | 'updatedAt'>;
export type Row<T extends OwnedTable> = T['$inferSelect'];

/** How one feature differs from the others; everything else about its items is shared. */
export interface FeatureSpec<T extends OwnedTable, Item, Create, Update> {
  /** Names the item in messages: "No such contact". */
  noun: string;
  table: T;
  /** Expressions a `search` is matched against, case-insensitively, anywhere in the text. */
  searchable: SQLWrapper[];
  toItem(row: Row<T>, owner: ItemOwner): Item;
  valuesOf(body: Create): Content<T>;
  /** The columns an edit changes (the owner is handled apart); throws when the item's state forbids it. */
  changesOf(body: Update, current: Row<T>): Partial<Content<T>>;
}

interface Owned {
  ownerId?: string;
}

/**
 * List, read, create, edit, delete and state changes for one feature's items. Every query names
 * the company in its WHERE clause, so another company's id is simply not found (404).
 */
export class FeatureService<T extends OwnedTable, Item, Create extends Owned, Update extends Owned> {
  constructor(
    private readonly ctx: AppContext,
    private readonly spec: FeatureSpec<T, Item, Create, Update>,
  ) {}

  private get table(): OwnedTable {
    return this.spec.table;
  }

  private select(db: Queryable) {
    const table = this.table;
    return db
      .select({ item: getTableColumns(table), owner: ownerColumns })
      .from(table)
      .innerJoin(memberships, and(eq(memberships.companyId, table.companyId), eq(memberships.userId, table.ownerId)));
  }

  private toItem(row: { item: unknown; owner: { id: string; fullName: string; status: string } }): Item {
    return this.spec.toItem(row.item as Row<T>, toOwner(row.owner));
  }

  private notFound(): AppError {
    return new AppError('NOT_FOUND', `No such ${this.spec.noun}`);
  }

  async list(companyId: string, query: FeatureListQuery): Promise<{ items: Item[]; nextCursor: string | null }> {
    const table = this.table;
    const where: (SQL | undefined)[] = [eq(table.companyId, companyId)];
    if (query.ownerId) where.push(eq(table.ownerId, query.ownerId));
    if (query.search) {
      const pattern = containsPattern(query.search);
      where.push(or(...this.spec.searchable.map((expr) => sql`${expr} ILIKE ${pattern}`)));
    }
    if (query.cursor) {
      const after = decodeCursor(query.cursor);
      where.push(sql`(${table.createdAt}, ${table.id}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`);
    }
    const found = await this.select(this.ctx.db)
      .where(and(...where))
      .orderBy(desc(table.createdAt), desc(table.id))
      .limit(query.limit + 1);
    const page = found.slice(0, query.limit);
    const last = found.length > query.limit ? page.at(-1)?.item : undefined;
    return {
      items: page.map((row) => this.toItem(row)),
      nextCursor: last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
    };
  }

  async get(companyId: string, id: string, db: Queryable = this.ctx.db): Promise<Item> {
    const table = this.table;
    const [row] = await this.select(db).where(and(eq(table.companyId, companyId), eq(table.id, id)));
    if (!row) throw this.notFound();
    return this.toItem(row);
  }

  /** The caller owns the new item unless `ownerId` names another active member. */
  async create(actor: Actor, body: Create): Promise<Item> {
    const now = this.ctx.clock.now();
    const ownerId = body.ownerId ?? actor.userId;
    return this.ctx.db.transaction(async (tx) => {
      await assertAssignableOwner(tx, actor.companyId, ownerId);
      const values = { ...this.spec.valuesOf(body), companyId: actor.companyId, ownerId, createdAt: now, updatedAt: now };
      const [created] = await tx
        .insert(this.table)
        .values(values as never)
        .returning({ id: this.table.id });
      return this.get(actor.companyId, created!.id, tx);
    });
  }

  /** Edits content and owner; a new owner must be an active member (keeping the current one is always fine). */
  async update(actor: Actor, id: string, body: Update): Promise<Item> {
    return this.change(actor.companyId, id, async (tx, current) => {
      const changes: Record<string, unknown> = { ...this.spec.changesOf(body, current) };
      if (body.ownerId !== undefined && body.ownerId !== current.ownerId) {
        await assertAssignableOwner(tx, actor.companyId, body.ownerId);
        changes.ownerId = body.ownerId;
      }
      return changes as Partial<Content<T>>;
    });
  }

  /**
   * Locks the item, lets `decide` compute the change from its current state (or refuse it), and
   * writes it in the same transaction: the building block of edits and of actions like send.
   */
  async change(
    companyId: string,
    id: string,
    decide: (tx: Tx, current: Row<T>, now: Date) => Promise<Partial<Content<T>> & { ownerId?: string }>,
  ): Promise<Item> {
    const now = this.ctx.clock.now();
    const table = this.table;
    const match = and(eq(table.companyId, companyId), eq(table.id, id));
    return this.ctx.db.transaction(async (tx) => {
      const [current] = await tx.select().from(table).where(match).for('update');
      if (!current) throw this.notFound();
      const changes = await decide(tx, current as Row<T>, now);
      await tx
        .update(table)
        .set({ ...changes, updatedAt: now } as never)
        .where(match);
      return this.get(companyId, id, tx);
    });
  }

  async remove(companyId: string, id: string): Promise<void> {
    const table = this.table;
    const deleted = await this.ctx.db
      .delete(table)
      .where(and(eq(table.companyId, companyId), eq(table.id, id)))
      .returning({ id: table.id });
    if (deleted.length === 0) throw this.notFound();
  }
}

/** The ISO form every API date takes. */
export const isoOrNull = (value: Date | null): string | null => (value ? value.toISOString() : null);
