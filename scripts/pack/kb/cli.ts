/** Small helpers for the knowledge base's command-line tools. */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Whether the module with this `import.meta.url` is the script node was asked to run. */
export function isMain(moduleUrl: string): boolean {
  return !!process.argv[1] && resolve(process.argv[1]) === fileURLToPath(moduleUrl);
}

/** The process's peak resident memory so far, in MB (the kernel's high-water mark). */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** CPU seconds the process has used (user and system): a rate per CPU second holds on a busy machine. */
export function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}
