/**
 * One shard of a pack's entity records: ids in order, each with its record (a small JSON text),
 * so a card's entity is found by bisection and only its own record is parsed.
 *
 *   0   'BSEN' magic, u32 version, u32 count, u32 id units, u32 record bytes
 *   20  u32 idStart[count + 1]   (UTF-16 units into the ids)
 *   …   u32 recordStart[count + 1] (bytes into the records)
 *   …   ids as UTF-16 units, then (aligned to 4) records as UTF-8
 */

const MAGIC = 0x4e455342; // 'BSEN', little-endian
const VERSION = 1;
const HEADER = 20;

/** Encode records, given in any order (they are sorted by id). */
export function encodeShard(records: readonly { id: string; record: string }[]): Uint8Array {
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const encoder = new TextEncoder();
  const bodies = sorted.map((entry) => encoder.encode(entry.record));
  const idUnits = sorted.reduce((sum, entry) => sum + entry.id.length, 0);
  const recordBytes = bodies.reduce((sum, body) => sum + body.byteLength, 0);
  const count = sorted.length;
  const idsAt = HEADER + 8 * (count + 1);
  const recordsAt = (idsAt + 2 * idUnits + 3) & ~3;
  const out = new Uint8Array(recordsAt + recordBytes);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, count, true);
  view.setUint32(12, idUnits, true);
  view.setUint32(16, recordBytes, true);
  let unit = 0;
  let byte = 0;
  sorted.forEach((entry, i) => {
    view.setUint32(HEADER + 4 * i, unit, true);
    view.setUint32(HEADER + 4 * (count + 1) + 4 * i, byte, true);
    for (let c = 0; c < entry.id.length; c++)
      view.setUint16(idsAt + 2 * (unit + c), entry.id.charCodeAt(c), true);
    unit += entry.id.length;
    out.set(bodies[i] as Uint8Array, recordsAt + byte);
    byte += (bodies[i] as Uint8Array).byteLength;
  });
  view.setUint32(HEADER + 4 * count, unit, true);
  view.setUint32(HEADER + 4 * (count + 1) + 4 * count, byte, true);
  return out;
}

/** A shard read from its bytes; records are decoded one at a time, on request. */
export class EntityShard {
  readonly count: number;
  private readonly view: DataView;
  private readonly idsAt: number;
  private readonly recordsAt: number;
  private readonly decoder = new TextDecoder();

  constructor(private readonly bytes: Uint8Array) {
    if (bytes.byteLength < HEADER) throw new Error('Not an entity shard: too short');
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (this.view.getUint32(0, true) !== MAGIC) throw new Error('Not an entity shard');
    if (this.view.getUint32(4, true) !== VERSION)
      throw new Error('Entity shard of another version');
    this.count = this.view.getUint32(8, true);
    const idUnits = this.view.getUint32(12, true);
    const recordBytes = this.view.getUint32(16, true);
    this.idsAt = HEADER + 8 * (this.count + 1);
    this.recordsAt = (this.idsAt + 2 * idUnits + 3) & ~3;
    if (this.recordsAt + recordBytes > bytes.byteLength)
      throw new Error('Entity shard is cut short');
  }

  /** The id at position `i` (ids are in order). */
  idAt(i: number): string {
    const from = this.view.getUint32(HEADER + 4 * i, true);
    const to = this.view.getUint32(HEADER + 4 * (i + 1), true);
    let id = '';
    for (let u = from; u < to; u++)
      id += String.fromCharCode(this.view.getUint16(this.idsAt + 2 * u, true));
    return id;
  }

  /** The record at position `i`, as its JSON text. */
  recordAt(i: number): string {
    const base = HEADER + 4 * (this.count + 1);
    const from = this.view.getUint32(base + 4 * i, true);
    const to = this.view.getUint32(base + 4 * (i + 1), true);
    return this.decoder.decode(this.bytes.subarray(this.recordsAt + from, this.recordsAt + to));
  }

  /** The record of `id`, or null when the shard has none. */
  get(id: string): string | null {
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.idAt(mid);
      if (at === id) return this.recordAt(mid);
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }

  /** Every id and record, in id order (exports, and re-reading a pack whole). */
  *entries(): Generator<{ id: string; record: string }> {
    for (let i = 0; i < this.count; i++) yield { id: this.idAt(i), record: this.recordAt(i) };
  }
}
