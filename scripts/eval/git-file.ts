import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/**
 * A file as a repository holds it at a commit (`git show <commit>:<path>`), from a bare mirror
 * or a checkout; gzipped files (`.gz`) come back unzipped. Throws with git's own message when the
 * repository, commit or path is not there.
 */
export function readGitFile(repository: string, commit: string, path: string): string {
  if (!existsSync(repository)) throw new Error(`no repository at ${repository}`);
  let bytes: Buffer;
  try {
    bytes = execFileSync('git', ['-C', repository, 'show', `${commit}:${path}`], {
      maxBuffer: 1 << 30,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(stderr || String(error));
  }
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}
