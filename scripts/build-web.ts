// `npm start` builds the web app only when its build is missing or older than what it is built
// from: a warm start then skips the build's many seconds, and a change to the web app (or to the
// installed packages) is still built before Steward serves it. `--force` builds regardless.
import { execFileSync } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'dist/web/index.html');
/** What the build reads: the web app's own tree and the packages it bundles. */
const sources = [path.join(root, 'web'), path.join(root, 'package-lock.json')];

async function newestChange(file: string): Promise<number> {
  const info = await stat(file);
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(file, { recursive: true, withFileTypes: true });
  const times = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => (await stat(path.join(entry.parentPath, entry.name))).mtimeMs),
  );
  return Math.max(info.mtimeMs, ...times);
}

async function builtAt(): Promise<number | null> {
  try {
    return (await stat(built)).mtimeMs;
  } catch {
    return null;
  }
}

async function webBuildIsCurrent(): Promise<boolean> {
  const at = await builtAt();
  if (at === null) return false;
  const changed = await Promise.all(sources.map(newestChange));
  return Math.max(...changed) <= at;
}

if (import.meta.main) {
  if (!process.argv.includes('--force') && (await webBuildIsCurrent())) {
    process.stdout.write('The web app is built and current (dist/web).\n');
  } else {
    execFileSync('npm', ['run', '--silent', 'build:web'], { cwd: root, stdio: 'inherit' });
  }
}
