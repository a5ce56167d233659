// The store-api module rule (docs/architecture.md, "Modules and their public face"): a module's
// files are its own; anything outside `store-api/src/modules/<name>/` (other modules, flows, jobs,
// the composition roots, test-support, bench/, scripts/) imports the module only through
// `modules/<name>/index.ts`. Every module folder has that index.ts.

import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** The module a path lies in (`modules/<name>/...` under src), or null. */
function moduleOf(src, path) {
  const rel = relative(join(src, 'modules'), path);
  if (rel.startsWith('..') || rel === '') return null;
  return rel.split(sep)[0];
}

/**
 * The problem with one relative import, or null. `file` and the import are absolute or relative
 * to the same root; `src` is store-api/src.
 */
export function moduleImportProblem(src, file, spec) {
  if (!spec.startsWith('.')) return null;
  const target = resolve(dirname(file), spec);
  const targetModule = moduleOf(src, target);
  if (!targetModule || moduleOf(src, file) === targetModule) return null;
  const publicFace = join(src, 'modules', targetModule, 'index.ts');
  if (target === publicFace || target === join(src, 'modules', targetModule)) return null;
  return `reaches into modules/${targetModule}/ (${relative(join(src, 'modules', targetModule), target)}): import modules/${targetModule}/index.ts, and export from there what others need`;
}

/** Module folders without an index.ts. */
export function modulesWithoutIndex(src) {
  const dir = join(src, 'modules');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !existsSync(join(dir, e.name, 'index.ts')))
    .map((e) => `store-api/src/modules/${e.name}/ has no index.ts (its public face)`);
}

/** The rule checked on known cases before every run, so a broken rule cannot pass silently. */
export function moduleSelfTest(src) {
  const m = (p) => join(src, p);
  const cases = [
    [m('flows/x.flow.ts'), '../modules/orders/order-writes.ts', true],
    [m('flows/x.flow.ts'), '../modules/orders/index.ts', false],
    [m('modules/cart/cart.service.ts'), '../orders/orders.repo.ts', true],
    [m('modules/cart/cart.service.ts'), './cart.repo.ts', false],
    [m('modules/notifications/templates/index.ts'), '../outbox.repo.ts', false],
    [m('routes.ts'), './modules/auth/auth.routes.ts', true],
    [m('test-support/x.ts'), '../modules/orders/index.ts', false],
    [resolve(src, '../../bench/x.ts'), '../store-api/src/modules/auth/tokens.ts', true],
    [resolve(src, '../../bench/x.ts'), '../store-api/src/db/client.ts', false],
  ];
  return cases
    .filter(([file, spec, bad]) => (moduleImportProblem(src, file, spec) !== null) !== bad)
    .map(([file, spec]) => `module import rule self-test failed: ${relative(src, file)} -> ${spec}`);
}
