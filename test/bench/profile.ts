/**
 * Main-thread JavaScript time by owner, from a V8 CPU profile of a page (CDP Profiler): each sample
 * goes to the innermost frame that has a script URL — the extension's (chrome-extension://…, both
 * the isolated content script and the MAIN-world page bridge) or the page's own. Native calls (DOM,
 * JSON.parse) count for the script that made them, so the page's fetch wrapper, the bridge, counts
 * for the extension and the page's callers of it do not. GC, idle and "(program)" go to nobody.
 *
 * One exception: the page's own request. The bridge wraps `fetch` and `XMLHttpRequest.send`, so the
 * native call that starts the page's request sits under an extension frame; it is the page's work
 * (the extension never makes a request: every browser test checks it), so it counts for the page.
 * Seen here: the first `fetch` after a navigation blocks the main thread ~20–140 ms.
 *
 * The sampler measures wall time: a thread the OS preempts keeps its stack in the samples. On a
 * loaded machine `cpuShare` (main-thread CPU time ÷ sampled busy time, CDP Performance.getMetrics
 * ThreadTime) says how much of the sampled time was really spent on the CPU.
 */
import type { CDPSession } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string; lineNumber?: number; columnNumber?: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

const PAGE_REQUEST_NATIVES = new Set(['fetch', 'send']);
/** Ten times the requested 100 µs interval (Chromium samples every ~0.25 ms here when undisturbed). */
const GAP_CAP_MS = 1;

export interface ScriptTime {
  extension: number;
  page: number;
  /** Extension time by where it was spent: innermost extension function (→ the native it called), ms. */
  extensionFunctions: Map<string, number>;
  /**
   * The same two figures with each gap between samples counted at most GAP_CAP_MS: a sample that
   * follows a longer gap means the sampler, or the thread, was not running (a loaded machine), and
   * the raw figures charge the whole gap to whatever was on the stack. An estimate of CPU time, not
   * the budget's figure.
   */
  capped: { extension: number; page: number };
  /** Main-thread CPU time ÷ sampled non-idle time over the same span (≤ 1 when the OS preempted the thread). */
  cpuShare: number;
  /**
   * The longest task of the extension's, ms: a run of consecutive extension samples (garbage collection
   * inside it counts; the page's script, "(program)" or idle end it). Raw and with gaps capped as above.
   */
  longestTask: { raw: number; capped: number };
  /** Sampled non-idle main-thread time, whoever's (page, extension, GC, "(program)"), ms. */
  busy: number;
}

type OwnerTime = Pick<ScriptTime, 'extension' | 'page' | 'extensionFunctions' | 'capped' | 'longestTask' | 'busy'>;

function scriptTimeByOwner(profile: Profile, extensionOrigin: string): OwnerTime {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const owner = new Map<number, 'extension' | 'page' | null>();
  /** For extension-owned nodes: the innermost extension function, and the native under it if any. */
  const where = new Map<number, string>();
  const frameName = (node: ProfileNode) => {
    const file = node.callFrame.url.slice(extensionOrigin.length);
    return `${node.callFrame.functionName || '(anonymous)'} ${file}:${(node.callFrame.lineNumber ?? 0) + 1}:${(node.callFrame.columnNumber ?? 0) + 1}`;
  };
  const visit = (id: number, inherited: 'extension' | 'page' | null, frame: string) => {
    const node = byId.get(id)!;
    const url = node.callFrame.url;
    const isPageRequest = !url && inherited === 'extension' && PAGE_REQUEST_NATIVES.has(node.callFrame.functionName);
    const own = url ? (url.startsWith(extensionOrigin) ? 'extension' : 'page') : isPageRequest ? 'page' : inherited;
    owner.set(id, own);
    const here = url ? (own === 'extension' ? frameName(node) : '') : frame;
    if (own === 'extension') where.set(id, url ? here : `${here} → ${node.callFrame.functionName}`);
    for (const child of node.children ?? []) visit(child, own, here);
  };
  visit(profile.nodes[0]!.id, null, '');
  const time: OwnerTime = {
    extension: 0,
    page: 0,
    busy: 0,
    extensionFunctions: new Map<string, number>(),
    capped: { extension: 0, page: 0 },
    longestTask: { raw: 0, capped: 0 },
  };
  /** The extension task being followed: time so far, and up to its last extension sample. */
  let task: { raw: number; capped: number; rawToLast: number; cappedToLast: number } | null = null;
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  const gc = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(garbage collector)').map((n) => n.id));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // timeDeltas[i + 1] is how long sample i's stack was on the CPU.
  for (let i = 0; i < samples.length - 1; i++) {
    const who = owner.get(samples[i]!);
    const ms = deltas[i + 1]! / 1000;
    if (who) {
      time[who] += ms;
      time.capped[who] += Math.min(ms, GAP_CAP_MS);
    }
    if (who === 'extension') {
      const key = where.get(samples[i]!)!;
      time.extensionFunctions.set(key, (time.extensionFunctions.get(key) ?? 0) + ms);
    }
    const isIdle = idle.has(samples[i]!);
    if (!isIdle) time.busy += ms;
    if (who === 'extension') {
      task ??= { raw: 0, capped: 0, rawToLast: 0, cappedToLast: 0 };
      task.raw += ms;
      task.capped += Math.min(ms, GAP_CAP_MS);
      task.rawToLast = task.raw;
      task.cappedToLast = task.capped;
    } else if (task && gc.has(samples[i]!)) {
      task.raw += ms;
      task.capped += Math.min(ms, GAP_CAP_MS);
    } else if (task) {
      time.longestTask.raw = Math.max(time.longestTask.raw, task.rawToLast);
      time.longestTask.capped = Math.max(time.longestTask.capped, task.cappedToLast);
      task = null;
    }
  }
  if (task) {
    time.longestTask.raw = Math.max(time.longestTask.raw, task.rawToLast);
    time.longestTask.capped = Math.max(time.longestTask.capped, task.cappedToLast);
  }
  return time;
}

/** The `n` places the extension spent most time in, over several profiles: "ms  function file:line:col (→ native)". */
export function topExtensionFunctions(samples: ScriptTime[], n: number): string[] {
  const total = new Map<string, number>();
  for (const s of samples) for (const [key, ms] of s.extensionFunctions) total.set(key, (total.get(key) ?? 0) + ms);
  return [...total]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, ms]) => `${(ms / samples.length).toFixed(2).padStart(7)} ms  ${key}`);
}

/** Runs `action` under the profiler (100 µs samples) and returns the JS time of each owner, ms. */
export async function profiled(cdp: CDPSession, extensionOrigin: string, action: () => Promise<void>): Promise<ScriptTime> {
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const threadTime = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN) * 1000;
  };
  const cpuStart = await threadTime();
  await cdp.send('Profiler.start');
  let profile: Profile;
  try {
    await action();
  } finally {
    profile = ((await cdp.send('Profiler.stop')) as { profile: Profile }).profile;
  }
  const cpu = (await threadTime()) - cpuStart;
  const time = scriptTimeByOwner(profile, extensionOrigin);
  // A navigation inside the span restarts the document's metrics: no valid delta then (NaN).
  return { ...time, cpuShare: time.busy > 0 && cpu >= 0 ? Math.min(1, cpu / time.busy) : Number.NaN };
}
