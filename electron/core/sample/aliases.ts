// Raw spellings of branches and lead sources: drawn per cell, and remembered so the truth lists exactly
// the spellings that were written.
import { WeightedTable } from './rng.ts';
import type { Rng } from './rng.ts';

/** Something with a canonical name and other spellings, e.g. a Branch or a LeadSource. */
export interface Aliased {
  readonly id: number;
  readonly name: string;
  readonly variants: readonly string[];
}

/** A raw spelling that was written, the true entity it names, and the files (SOURCE_BIT) it appears in. */
export interface UsedAlias {
  readonly raw: string;
  readonly id: number;
  readonly files: number;
}

/**
 * @example
 * const branches = new AliasSpeller(BRANCHES, BRANCH_VARIANT_RATE);
 * branches.spell(1, rng, SOURCE_BIT.job); // 'Denver' mostly, sometimes 'DEN' or 'Denver, CO'
 */
export class AliasSpeller {
  private readonly raws: string[] = [];
  private readonly ids: number[] = [];
  private readonly usage: number[] = [];
  private readonly canonical = new Map<number, number>();
  private readonly variants = new Map<number, WeightedTable<number>>();

  constructor(
    entities: readonly Aliased[],
    private readonly variantRate: number,
  ) {
    for (const entity of entities) {
      this.canonical.set(entity.id, this.add(entity.name, entity.id));
      const indexes = entity.variants.map((raw) => this.add(raw, entity.id));
      if (indexes.length > 0) this.variants.set(entity.id, new WeightedTable(indexes, indexes.map(() => 1)));
    }
  }

  spell(id: number, rng: Rng, fileBit: number): string {
    const variants = this.variants.get(id);
    const index = variants && rng.next() < this.variantRate ? variants.draw(rng) : this.canonical.get(id);
    if (index === undefined) throw new Error(`no spelling for id ${id}`);
    this.usage[index] = (this.usage[index] ?? 0) | fileBit;
    return this.raws[index] as string;
  }

  used(): UsedAlias[] {
    const out: UsedAlias[] = [];
    this.raws.forEach((raw, i) => {
      const files = this.usage[i] ?? 0;
      if (files !== 0) out.push({ raw, id: this.ids[i] as number, files });
    });
    return out;
  }

  private add(raw: string, id: number): number {
    if (this.raws.includes(raw)) throw new Error(`spelling "${raw}" names two entities`);
    this.raws.push(raw);
    this.ids.push(id);
    this.usage.push(0);
    return this.raws.length - 1;
  }
}
