/**
 * A small seeded PRNG (mulberry32) and the helpers the seeder draws from. Everything the seeder
 * makes comes from one of these, so the same seed always gives the same database.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform 32-bit unsigned integer. */
  uint32(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Digits only, exactly `length` of them (leading zeros allowed). */
  digits(length: number): string {
    let out = '';
    while (out.length < length) out += String(this.uint32()).padStart(10, '0').slice(1);
    return out.slice(0, length);
  }

  /**
   * A version-7 UUID (RFC 9562) for the instant `ms`, its random bits drawn from this generator.
   * Time-ordered ids keep bulk inserts into the id index close to appends, as clients using v7
   * ids would; random v4 ids made seeding shipments several times slower.
   */
  uuid7(ms: number): string {
    const t = Math.floor(ms);
    const high = Math.floor(t / 65_536) >>> 0;
    const low = t & 0xffff;
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    return (
      `${hex32(high)}-${HEX2[low >>> 8]}${HEX2[low & 0xff]}-7${HEX1[a >>> 28]}${HEX2[(a >>> 20) & 0xff]}-` +
      `${HEX1[((b >>> 28) & 0x3) | 0x8]}${HEX1[(b >>> 24) & 0xf]}${HEX2[(b >>> 16) & 0xff]}-${HEX2[(b >>> 8) & 0xff]}${HEX2[b & 0xff]}${hex32(c)}`
    );
  }
}

// Lookup tables: a seed formats a million UUIDs, and toString(16) + padStart per part was a
// measurable share of generating one.
const HEX1 = '0123456789abcdef';
const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex32 = (x: number): string => HEX2[x >>> 24]! + HEX2[(x >>> 16) & 0xff]! + HEX2[(x >>> 8) & 0xff]! + HEX2[x & 0xff]!;

/** Picks from a table of [item, weight] pairs; weights need not sum to 1. */
export class Weighted<T> {
  private readonly items: T[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    this.items = entries.map(([item]) => item);
    let sum = 0;
    this.cumulative = entries.map(([, weight]) => (sum += weight));
    this.total = sum;
  }

  pick(random: Random): T {
    const x = random.next() * this.total;
    for (let i = 0; i < this.cumulative.length; i++) if (x < this.cumulative[i]!) return this.items[i]!;
    return this.items[this.items.length - 1]!;
  }
}

/** EAN-13 check digit for 12 leading digits. */
export function ean13(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return first12 + String((10 - (sum % 10)) % 10);
}
