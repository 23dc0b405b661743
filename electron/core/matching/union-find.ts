/**
 * Disjoint sets over 0..size-1 that also keep each set's members, so that the engine can check every
 * cross pair before joining two clusters.
 */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly members: number[][];

  constructor(size: number) {
    this.parent = new Int32Array(size);
    this.members = [];
    for (let i = 0; i < size; i++) {
      this.parent[i] = i;
      this.members.push([i]);
    }
  }

  find(x: number): number {
    let root = x;
    while (this.parent[root]! !== root) root = this.parent[root]!;
    while (this.parent[x]! !== root) {
      const next = this.parent[x]!;
      this.parent[x] = root;
      x = next;
    }
    return root;
  }

  /** Members of the set whose root is `root`. */
  membersOf(root: number): readonly number[] {
    return this.members[root]!;
  }

  /** Join two sets; returns the new root. */
  union(a: number, b: number): number {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return ra;
    if (this.members[ra]!.length < this.members[rb]!.length) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.members[ra]!.push(...this.members[rb]!);
    this.members[rb] = [];
    return ra;
  }
}
