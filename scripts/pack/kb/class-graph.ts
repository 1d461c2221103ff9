/**
 * Wikidata's class hierarchy (P279 "subclass of"), so that an item of a class the table does not
 * list ("district of Taipei", "Hanseatic city") still finds its kind through the classes above it.
 *
 * How it is built: a first pass over the whole dump parses only the lines that hold `"P279"` (the
 * classes: a small share of Wikidata's items, so the pass costs little more than decompressing
 * the dump) and records each edge child → parent. Edges are held in one sorted BigInt64Array, 8
 * bytes an edge (parent in the high half, child in the low half): the bound is 8 bytes per P279
 * statement, plus as much again while the array doubles; at 5 million statements, 40–80 MB. The
 * graph can be saved to a file and loaded again (`save`, `load`), so that a piped dump
 * (`bzcat … | … --dump -`), which cannot be read twice, can use the graph of an earlier pass.
 *
 * The closure walks down from every class of the table (see `classes.ts`) at once, breadth first:
 * a class takes the kind of the nearest listed class above it, and of the earlier row on a tie. It
 * holds one map entry (~60 bytes) per class under a listed one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { CLASS_ROWS, type ClassRow } from './classes';
import { type DumpEntity, entityText } from './dump';
import { dumpLines } from './dump-lines';
import { snakValue } from './dump-values';

const LOW = 0xffffffffn;

function qidNumber(id: string): number | undefined {
  const n = /^Q([1-9]\d*)$/.exec(id)?.[1];
  return n === undefined ? undefined : Number(n);
}

/** The P279 edges of Wikidata's classes, compact. */
export class ClassGraph {
  private keys = new BigInt64Array(1024);
  private size = 0;
  private sorted = true;

  /** Record that `child` is a subclass of `parent` (both `Q…`). */
  add(child: string, parent: string): void {
    const c = qidNumber(child);
    const p = qidNumber(parent);
    if (c === undefined || p === undefined) return;
    if (this.size === this.keys.length) {
      const bigger = new BigInt64Array(this.keys.length * 2);
      bigger.set(this.keys);
      this.keys = bigger;
    }
    this.keys[this.size++] = (BigInt(p) << 32n) | BigInt(c);
    this.sorted = false;
  }

  /** Record the P279 statements of one dump entity. */
  addEntity(entity: DumpEntity): void {
    if (typeof entity.id !== 'string') return;
    for (const statement of entity.claims?.P279 ?? []) {
      if (statement.rank === 'deprecated') continue;
      const parent = snakValue(statement.mainsnak);
      if (typeof parent === 'string') this.add(entity.id, parent);
    }
  }

  get edges(): number {
    return this.size;
  }

  private edgeKeys(): BigInt64Array {
    if (!this.sorted) {
      this.keys = this.keys.slice(0, this.size).sort();
      this.sorted = true;
    }
    return this.keys.subarray(0, this.size);
  }

  /** Direct subclasses of a class (numbers). */
  children(parent: number): number[] {
    const keys = this.edgeKeys();
    const low = BigInt(parent) << 32n;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((keys[mid] as bigint) < low) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < keys.length && (keys[i] as bigint) >> 32n === BigInt(parent); i++) {
      out.push(Number((keys[i] as bigint) & LOW));
    }
    return out;
  }

  /**
   * The row of every class under a listed one: breadth first from all rows at once, so a class
   * takes its nearest listed ancestor's row, and the earlier row on a tie. Listed classes keep
   * their own row. The map's values are the table's own rows, shared.
   */
  closure(rows: readonly ClassRow[] = CLASS_ROWS): Map<string, ClassRow> {
    const found = new Map<number, ClassRow>();
    let frontier: number[] = [];
    for (const row of rows) {
      const n = qidNumber(row[0]);
      if (n === undefined || found.has(n)) continue;
      found.set(n, row);
      frontier.push(n);
    }
    while (frontier.length > 0) {
      const next: number[] = [];
      for (const parent of frontier) {
        const row = found.get(parent) as ClassRow;
        for (const child of this.children(parent)) {
          if (found.has(child)) continue;
          found.set(child, row);
          next.push(child);
        }
      }
      frontier = next;
    }
    const out = new Map<string, ClassRow>();
    for (const [n, row] of found) out.set(`Q${n}`, row);
    return out;
  }

  /** Write the edges to a file (8 bytes an edge). */
  save(path: string): void {
    const keys = this.edgeKeys();
    writeFileSync(path, new Uint8Array(keys.buffer, keys.byteOffset, keys.byteLength));
  }

  /** Read edges written by {@link save}. */
  static load(path: string): ClassGraph {
    const bytes = readFileSync(path);
    const graph = new ClassGraph();
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    graph.keys = new BigInt64Array(copy.buffer, 0, Math.floor(bytes.byteLength / 8));
    graph.size = graph.keys.length;
    graph.sorted = true;
    return graph;
  }
}

const P279 = Buffer.from('"P279"');

/** The first pass: read a dump for its P279 edges, parsing only the lines that hold `"P279"`. */
export async function readClassGraph(input: string | Readable): Promise<ClassGraph> {
  const graph = new ClassGraph();
  for await (const line of dumpLines(input)) {
    if (line.indexOf(P279) === -1) continue;
    const text = entityText(line);
    if (text === undefined) continue;
    try {
      graph.addEntity(JSON.parse(text) as DumpEntity);
    } catch {
      // A truncated line: the items pass reports it.
    }
  }
  return graph;
}
