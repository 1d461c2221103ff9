/**
 * What an extension costs the page's main thread, read from a sampling profile of that thread:
 * the time of every sample whose stack holds one of the extension's frames (its script's
 * evaluation, its callbacks, and whatever the browser does inside the calls they make). Chromium
 * gives a V8 CPU profile over the DevTools protocol; Firefox gives a Gecko profile of every
 * process, driven over WebDriver BiDi with system access. Both sample every 100 µs, and a sample
 * counts until the next one: in Chromium the wall time to it, in Firefox the thread's CPU time to
 * it (Gecko repeats a sleeping thread's last stack, so wall time would bill idle time to
 * whatever ran last before a wait).
 */
import { type Bidi, type CdpSession, evaluateInChrome } from '../e2e/harness/browsers';

/** How often both profilers sample, in microseconds. */
export const SAMPLE_US = 100;

/** Does a script URL belong to the code being measured? */
export type IsOurs = (url: string) => boolean;

interface V8Node {
  id: number;
  callFrame: { url: string; functionName?: string };
  children?: number[];
}

/** A V8 CPU profile (`Profiler.stop`). */
export interface V8Profile {
  nodes: V8Node[];
  samples: number[];
  timeDeltas: number[];
}

/** Milliseconds of samples inside code `ours` recognises, and everything it called. */
export function v8ProfileMs(profile: V8Profile, ours: IsOurs): number {
  const isInside = stacksInside(profile, ours);
  let micros = 0;
  // timeDeltas[i] is the time from sample i - 1 to sample i: sample i lasts timeDeltas[i + 1].
  profile.samples.forEach((id, i) => {
    if (isInside(id)) micros += profile.timeDeltas[i + 1] ?? SAMPLE_US;
  });
  return micros / 1000;
}

/** Does the stack ending at a profile node hold a frame of ours? (Memoised per node.) */
function stacksInside(profile: V8Profile, ours: IsOurs): (id: number) => boolean {
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const inside = new Map<number, boolean>();
  return (id: number): boolean => {
    const chain: number[] = [];
    let verdict = false;
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const known = inside.get(at);
      if (known !== undefined) {
        verdict = known;
        break;
      }
      chain.push(at);
      if (ours(byId.get(at)?.callFrame.url ?? '')) {
        verdict = true;
        break;
      }
    }
    for (const node of chain) inside.set(node, verdict);
    return verdict;
  };
}

/** The V8 profiler on a page's DevTools session. */
export const v8Profiler = {
  async start(session: CdpSession): Promise<void> {
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: SAMPLE_US });
    await session.send('Profiler.start');
  },
  async stop(session: CdpSession): Promise<V8Profile> {
    const { profile } = (await session.send('Profiler.stop')) as { profile: V8Profile };
    return profile;
  },
};

/** A Chromium trace event (the few fields read here). */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** CPU time of the thread during the event, in microseconds. */
  tdur?: number;
  args?: { name?: string; data?: { url?: string } };
}

/**
 * Chromium's top-level tasks (trace category `toplevel`), traced beside the V8 profile: each
 * task's wall time and its thread's CPU time in it; and V8's compiling of each script (category
 * `v8`), which no sample shows under the script's own frames.
 */
export const taskTracer = {
  async start(session: CdpSession): Promise<() => Promise<TraceEvent[]>> {
    const events: TraceEvent[] = [];
    let complete: () => void = () => {};
    const done = new Promise<void>((resolve) => {
      complete = resolve;
    });
    session.on('Tracing.dataCollected', (data) =>
      events.push(...(data as { value: TraceEvent[] }).value),
    );
    session.on('Tracing.tracingComplete', () => complete());
    await session.send('Tracing.start', {
      traceConfig: { includedCategories: ['toplevel', 'v8'] },
      transferMode: 'ReportEvents',
    });
    return async () => {
      await session.send('Tracing.end');
      await done;
      return events;
    };
  },
};

/**
 * CPU milliseconds of the page's main thread spent in code `ours` recognises: each top-level task
 * of that thread counts with its CPU time, times the share of the task's samples (idle ones left
 * out) whose stack holds our frame; and compiling our scripts counts whole. Unlike
 * {@link v8ProfileMs}, a task's CPU time does not grow when the machine is busy with other
 * processes and the thread waits for a core (the wall-time gap then lands on whatever sample came
 * before it), and the compile is in it. The page's main thread is the renderer main thread whose
 * tasks hold the most of the profile's busy samples.
 */
export function v8TaskCpuMs(profile: V8Profile, events: TraceEvent[], ours: IsOurs): number {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const ourStack = stacksInside(profile, ours);
  // Sample times, in the trace's clock (both are monotonic microseconds).
  const times: number[] = [];
  let at = profileStart(profile);
  profile.samples.forEach((_, i) => {
    at += profile.timeDeltas[i] ?? 0;
    times.push(at);
  });
  const busy = profile.samples.map((id) => byId.get(id)?.callFrame.functionName !== '(idle)');
  const mains = events.filter(
    (event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain',
  );
  let best = { busy: -1, ms: 0 };
  for (const main of mains) {
    let busyIn = 0;
    let cpu = 0;
    for (const compile of events)
      if (
        compile.name === 'v8.compile' &&
        compile.pid === main.pid &&
        compile.tid === main.tid &&
        ours(compile.args?.data?.url ?? '')
      )
        cpu += compile.tdur ?? 0;
    for (const task of topLevel(events, main.pid, main.tid)) {
      const from = firstAtOrAfter(times, task.ts);
      const to = firstAtOrAfter(times, task.ts + (task.dur ?? 0) + 1);
      let all = 0;
      let mine = 0;
      for (let i = from; i < to; i++) {
        if (!busy[i]) continue;
        all++;
        if (ourStack(profile.samples[i] as number)) mine++;
      }
      busyIn += all;
      if (mine > 0) cpu += ((task.tdur ?? 0) * mine) / all;
    }
    if (busyIn > best.busy) best = { busy: busyIn, ms: cpu / 1000 };
  }
  return best.ms;
}

/** `startTime` in the type would invite mixing it up with the first sample. */
function profileStart(profile: V8Profile): number {
  return (profile as V8Profile & { startTime: number }).startTime;
}

/** Complete events of one thread not inside another, in order. */
function topLevel(events: TraceEvent[], pid: number, tid: number): TraceEvent[] {
  const own = events
    .filter((event) => event.pid === pid && event.tid === tid && event.ph === 'X')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const out: TraceEvent[] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const event of own) {
    if (event.ts < end) continue;
    out.push(event);
    end = event.ts + (event.dur ?? 0);
  }
  return out;
}

/** Index of the first value ≥ `value` in a sorted list. */
function firstAtOrAfter(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Gecko's tables: each row an array read through the table's schema. */
interface GeckoTable {
  schema: Record<string, number>;
  data: (number | null)[][];
}

interface GeckoThread {
  name: string;
  processName?: string;
  samples: GeckoTable;
  stackTable: GeckoTable;
  frameTable: GeckoTable;
  stringTable: string[];
}

/** A Gecko profile (`Services.profiler.getProfileDataAsync()`): the parent's threads and each child process's. */
export interface GeckoProfile {
  meta: { sampleUnits?: { threadCPUDelta?: string } };
  threads: GeckoThread[];
  processes: GeckoProfile[];
}

/** Nanoseconds per unit of `threadCPUDelta`. */
const CPU_UNITS: Record<string, number> = { ns: 1, µs: 1000 };

/**
 * Milliseconds of samples inside code `ours` recognises, on the main thread of every web
 * content process (not the extensions' own process, where a background page runs).
 */
export function geckoProfileMs(profile: GeckoProfile, ours: IsOurs): number {
  let ms = 0;
  const visit = (part: GeckoProfile) => {
    const unit = part.meta.sampleUnits?.threadCPUDelta ?? '';
    const nsPerUnit = CPU_UNITS[unit];
    if (nsPerUnit === undefined) throw new Error(`Gecko CPU times in "${unit}": not supported`);
    for (const thread of part.threads)
      if (thread.name === 'GeckoMain' && /Web Content/.test(thread.processName ?? ''))
        ms += (geckoThreadCpuUnits(thread, ours) * nsPerUnit) / 1e6;
    for (const child of part.processes ?? []) visit(child);
  };
  visit(profile);
  return ms;
}

/** CPU time (in the profile's units) of samples inside code `ours` recognises, on one thread. */
function geckoThreadCpuUnits(thread: GeckoThread, ours: IsOurs): number {
  const { samples, stackTable, frameTable, stringTable } = thread;
  const prefixAt = stackTable.schema.prefix as number;
  const frameAt = stackTable.schema.frame as number;
  const locationAt = frameTable.schema.location as number;
  // A JS frame's location reads "name (url:line:column)[…]": the URL is what is recognised.
  const frameIsOurs = frameTable.data.map((frame) => {
    const location = stringTable[frame[locationAt] as number] ?? '';
    const url = /\(([^()]+):\d+:\d+\)/.exec(location)?.[1] ?? location.replace(/\[\d+\]$/, '');
    return ours(url);
  });
  const inside: (boolean | undefined)[] = [];
  const isInside = (stack: number): boolean => {
    const chain: number[] = [];
    let verdict = false;
    for (let at: number | null = stack; at !== null; ) {
      const known = inside[at];
      if (known !== undefined) {
        verdict = known;
        break;
      }
      chain.push(at);
      const row = stackTable.data[at] as (number | null)[];
      if (frameIsOurs[row[frameAt] as number]) {
        verdict = true;
        break;
      }
      at = row[prefixAt] ?? null;
    }
    for (const at of chain) inside[at] = verdict;
    return verdict;
  };
  const stackAt = samples.schema.stack as number;
  const cpuAt = samples.schema.threadCPUDelta;
  if (cpuAt === undefined) throw new Error('The Gecko profile has no CPU times (feature "cpu")');
  let cpu = 0;
  samples.data.forEach((sample, i) => {
    const stack = sample[stackAt];
    if (stack === null || stack === undefined || !isInside(stack)) return;
    // threadCPUDelta[i] is the CPU time from sample i - 1 to sample i.
    cpu += samples.data[i + 1]?.[cpuAt] ?? 0;
  });
  return cpu;
}

/** The Gecko profiler, driven from the browser's own chrome window over BiDi. */
export class GeckoProfiler {
  constructor(private readonly bidi: Bidi) {}

  async start(): Promise<void> {
    await this.evaluate(
      `Services.profiler.StartProfiler(1 << 24, ${SAMPLE_US / 1000}, ['js', 'cpu'], ['GeckoMain'])`,
    );
  }

  async stop(): Promise<GeckoProfile> {
    const json = await this.evaluate(
      'Services.profiler.getProfileDataAsync().then((p) => { Services.profiler.StopProfiler(); return JSON.stringify(p); })',
    );
    return JSON.parse(json as string) as GeckoProfile;
  }

  private evaluate(expression: string): Promise<unknown> {
    return evaluateInChrome(this.bidi, expression);
  }
}
