#!/usr/bin/env node
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * V8 flags for `render`, a long batch job on every core: its threads' collections in the thread
 * itself (V8's helper threads only compete with ours for the cores) and a larger young generation
 * for this thread (the trees and models it holds outlive the default one). V8 reads them only at
 * start-up, so `render` runs in a second Node process started with them, as the foreground child of
 * this one: standard streams inherited, signals passed on (foreground-child's proxySignals), its
 * exit code or signal this process's; docs/benchmarks.md has the measures. Not when Node was given
 * flags of its own (the user chose), nor with PROTOKIT_ONE_PROCESS set.
 */
const RENDER_FLAGS = ['--single-threaded-gc', '--max-semi-space-size=64'];
/** Set for the render process: the pid of the command that started it (see `watchParent`). */
const PARENT = 'PROTOKIT_RENDER_PARENT_PID';

if (process.argv[2] === 'render' && process.execArgv.length === 0 && !process.env.PROTOKIT_ONE_PROCESS) {
  const [{ spawn }, { proxySignals }] = await Promise.all([import('node:child_process'), import('foreground-child/proxy-signals')]);
  const child = spawn(process.execPath, [...RENDER_FLAGS, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, [PARENT]: String(process.pid) },
  });
  proxySignals(child);
  child.on('error', (error) => {
    process.stderr.write(`protokit: could not start the render process: ${error.message}\n`);
    process.exitCode = 2;
  });
  child.on('exit', (code, signal) => {
    if (signal === null) {
      process.exitCode = code ?? 2;
      return;
    }
    // ended by a signal: this process ends by the same one (its listeners are gone with the child)
    process.kill(process.pid, signal);
    setTimeout(() => {}, 1000);
  });
} else {
  if (process.env[PARENT] !== undefined) watchParent(Number(process.env[PARENT]));
  // The build's bundle of the CLI (scripts/bundle-cli.mjs), unless the modules tsc wrote are newer
  // (rebuilt with tsc alone; a rebuild takes seconds, and a copy of the build, which may write
  // dist/cli/ a moment after dist/bundle/, stays within 2 s); those modules otherwise.
  const modified = (path) => statSync(new URL(path, import.meta.url), { throwIfNoEntry: false })?.mtimeMs;
  const bundled = modified('../dist/bundle/protokit.js');
  const compiled = modified('../dist/cli/main.js');
  const { main } = await import(bundled !== undefined && (compiled === undefined || bundled >= compiled - 2000) ? '../dist/bundle/protokit.js' : '../dist/cli/main.js');

  // standard input is opened only when --stdin reads it (process.stdin is created on first use)
  const lazyStdin = { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() };
  process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), stdin: lazyStdin });
}

/**
 * In the render process: end it when the command that started it has ended without passing a
 * signal on (killed with SIGKILL, which nothing can catch), so that no render goes on writing
 * unseen. A thread of its own looks every 100 ms, so it notices even while the others are busy.
 */
async function watchParent(parent) {
  delete process.env[PARENT];
  if (!Number.isSafeInteger(parent) || parent <= 0) return;
  const { Worker } = await import('node:worker_threads');
  const code = `setInterval(() => { if (process.ppid !== ${parent}) process.kill(process.pid, 'SIGKILL'); }, 100);`;
  new Worker(code, { eval: true }).unref();
}
