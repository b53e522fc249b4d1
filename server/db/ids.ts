import type { Kysely } from 'kysely';
import type { CounterName } from './connect.js';
import type { ServerDatabase } from './schema.js';

/**
 * A block of ids, reserved by a statement of its own before the writing transaction starts: the
 * counter's row lock is then held for one statement, not until the write commits, and on SQLite
 * (one connection) it never runs inside another transaction. A rolled-back write leaves a gap,
 * which is harmless. The pure order rules take ids synchronously from the block.
 */
export async function reserveIds(db: Kysely<ServerDatabase>, name: CounterName, count: number): Promise<IdBlock> {
  const row = await db
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', count) }))
    .where('name', '=', name)
    .returning('value')
    .executeTakeFirstOrThrow();
  return new IdBlock(row.value - count + 1, count, name);
}

/** Thrown when a write needed more ids than its block held: reserve a bigger one and retry. */
export class IdsExhausted extends Error {
  constructor(readonly counter: CounterName) {
    super(`id block exhausted: ${counter}`);
  }
}

export class IdBlock {
  private used = 0;
  constructor(
    private readonly first: number,
    readonly size: number,
    private readonly counter: CounterName = 'event',
  ) {}

  get remaining(): number {
    return this.size - this.used;
  }

  next(): number {
    if (this.used >= this.size) throw new IdsExhausted(this.counter);
    return this.first + this.used++;
  }
}

/**
 * Ids kept in this process between writes, so a push of many mutations reserves them with one
 * statement (one commit) instead of one per mutation. `ensure` refills before a transaction;
 * `next` hands them out synchronously inside it. Ids left when the process stops are a gap.
 */
export class IdPool {
  private blocks: IdBlock[] = [];
  private available = 0;

  constructor(
    private readonly db: Kysely<ServerDatabase>,
    private readonly name: CounterName,
    private readonly minimumReservation = 1024,
  ) {}

  async ensure(count: number): Promise<void> {
    if (this.available >= count) return;
    const size = Math.max(count, this.minimumReservation);
    this.blocks.push(await reserveIds(this.db, this.name, size));
    this.available += size;
  }

  next(): number {
    for (;;) {
      const block = this.blocks[0];
      if (!block) throw new IdsExhausted(this.name);
      if (block.remaining > 0) {
        this.available--;
        return block.next();
      }
      this.blocks.shift();
    }
  }
}
