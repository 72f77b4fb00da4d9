// V8's explicit compile hint (Chrome 136+): a file that starts with this magic comment has all its
// functions compiled when the file is compiled, which for a streamed or preloaded script can happen on a
// background thread while the page still waits for other files. Without it V8 compiles each function
// lazily on the main thread the first time it runs, and on a cold load nearly every function of the
// shell and of Angular's core runs before the first content (docs/adr/0021). Other browsers read a
// comment. Every file we build gets it: the shell, the platform bundle and each module's files, most
// of whose code runs once they are loaded (measured in docs/adr/0021).
import fs from 'node:fs';
import path from 'node:path';

export const EAGER_COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** esbuild options that put the hint first in every JavaScript file a build writes, split chunks included. */
export function withEagerCompileHint(options) {
  return { ...options, banner: { ...options.banner, js: EAGER_COMPILE_HINT } };
}

/**
 * Puts the hint first in every JavaScript file under `folder` that lacks it: a module's build, whose
 * files Angular's builder writes (it has no banner option). Runs before the shared bundles are named
 * after their bytes and before the build id, a hash of every file's bytes, is taken (modules.mjs): the
 * folder's name covers the hint even in the chunks Angular named before it was added.
 */
export function addEagerCompileHint(folder) {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = fs.readFileSync(file, 'utf8');
    if (!text.startsWith(EAGER_COMPILE_HINT)) fs.writeFileSync(file, `${EAGER_COMPILE_HINT}\n${text}`);
  }
}
