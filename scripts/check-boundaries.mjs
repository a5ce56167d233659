#!/usr/bin/env node
// Enforces the package graph of docs/architecture ("Packages and who may import whom"):
//
//   shared  <-  sync  <-  store-api
//      ^          ^
//      |          +-----  desktop
//      +----------------  storefront          tests -> public exports of any package
//
//   shared <- documents (shared/documents: pdfkit, bwip-js, a font) <- store-api, desktop backend
//
// Reads import/export specifiers with a regex (static, dynamic, type-only, side-effect) and fails
// with file:line and the rule broken. Plain Node, no dependencies.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorBuildProblems, errorBuildSelfTest } from './error-builders.mjs';
import { moduleImportProblem, moduleSelfTest, modulesWithoutIndex } from './module-imports.mjs';
import {
  appenderProblems,
  appenderSelfTest,
  ownershipProblems,
  selfTest,
  tablesOf,
} from './table-writes.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** package name (after @shoebox/) -> the folder scanned */
const PACKAGES = {
  shared: 'shared/src',
  documents: 'shared/documents/src',
  sync: 'sync/src',
  'store-api': 'store-api/src',
  desktop: 'desktop/src',
  storefront: 'storefront/src',
  tests: 'tests',
};
/** package name -> its folder, where that is not the name (nested workspaces). */
const PACKAGE_DIRS = { documents: 'shared/documents' };
const dirOf = (pkg) => PACKAGE_DIRS[pkg] ?? pkg;

/** What the storefront may take from shared: the domain rules and the store surface, never admin. */
const STOREFRONT_SHARED = new Set(['', 'store']);

/** Outside the workspaces, also held to the store-api module rule (scripts/module-imports.mjs). */
const TOOLS = ['bench', 'scripts'];
const API_SRC = join(ROOT, 'store-api/src');

const SKIP_DIRS = new Set([
  'node_modules',
  'dist',
  'coverage',
  '.data',
  '.tmp',
  'test-results',
  'playwright-report',
]);
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const TEST_FILE = /\.test\.[cm]?[jt]sx?$/;
const DRIVERS = [
  'mysql2',
  'mysql',
  'better-sqlite3',
  'sqlite3',
  'libsql',
  '@libsql/',
  'pg',
  'postgres',
  'mariadb',
];

// Static `import x from 'y'`, `import 'y'`, `import type {...} from 'y'`, `export * from 'y'`, across lines.
const STATIC_RE =
  /(?:^|[^\w$.])(?:import|export)(?:\s+type)?\s*(?:[\w$*{},\s]*?\s*from\s*)?(['"])([^'"\n]+)\1/g;
// `import('y')`, `require('y')`
const DYNAMIC_RE = /(?:^|[^\w$.])(?:import|require)\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g;

function walk(dir, out) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(join(dir, entry.name), out);
    } else if (entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      out.push(join(dir, entry.name));
    }
  }
  return out;
}

/** Blank out whole-line comments so commented-out imports are not reported; keeps line numbers. */
function stripLineComments(text) {
  return text
    .split('\n')
    .map((line) => {
      const t = line.trimStart();
      return t.startsWith('//') || t.startsWith('/*') || t.startsWith('*') ? '' : line;
    })
    .join('\n');
}

function specifiers(text) {
  const clean = stripLineComments(text);
  const found = [];
  for (const re of [STATIC_RE, DYNAMIC_RE]) {
    re.lastIndex = 0;
    for (let m = re.exec(clean); m; m = re.exec(clean)) {
      const index = m.index + m[0].lastIndexOf(m[1] + m[2]);
      found.push({ spec: m[2], line: clean.slice(0, index).split('\n').length });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

/** `@scope/name/sub` -> { name: '@scope/name', sub: 'sub' }; `name/sub` -> { name, sub } */
function splitBare(spec) {
  const parts = spec.split('/');
  const n = spec.startsWith('@') ? 2 : 1;
  return { name: parts.slice(0, n).join('/'), sub: parts.slice(n).join('/') };
}

const workspaceExports = new Map();
function exportsOf(pkg) {
  if (!workspaceExports.has(pkg)) {
    let exp = null;
    try {
      exp = JSON.parse(readFileSync(join(ROOT, dirOf(pkg), 'package.json'), 'utf8')).exports ?? null;
    } catch {}
    if (typeof exp === 'string') exp = { '.': exp };
    else if (exp && !Object.keys(exp).some((k) => k.startsWith('.'))) exp = { '.': exp };
    workspaceExports.set(pkg, exp);
  }
  return workspaceExports.get(pkg);
}

function isExported(pkg, sub) {
  const exp = exportsOf(pkg);
  if (!exp) return true; // no exports map: nothing to check against
  const key = sub ? `./${sub}` : '.';
  if (key in exp) return exp[key] !== null;
  return Object.keys(exp).some((k) => {
    const star = k.indexOf('*');
    return (
      star >= 0 && key.startsWith(k.slice(0, star)) && key.endsWith(k.slice(star + 1)) && exp[k] !== null
    );
  });
}

const isDriver = (name) => DRIVERS.some((d) => (d.endsWith('/') ? name.startsWith(d) : name === d));

/** The rules; returns a message for each rule the import breaks. */
function check(pkg, file, spec) {
  const problems = [];
  const isTest = TEST_FILE.test(file);

  if (spec.startsWith('.') || spec.startsWith('/')) {
    const target = resolve(dirname(file), spec);
    const pkgRoot = join(ROOT, dirOf(pkg));
    if (target !== pkgRoot && !target.startsWith(pkgRoot + sep)) {
      const other = relative(ROOT, target).split(sep)[0];
      problems.push(
        `relative import leaves ${pkg}/ (into ${other}/): import another workspace by its package name and public exports`,
      );
    }
    return problems;
  }

  const { name, sub } = splitBare(spec);
  const node = spec.startsWith('node:');

  if (name.startsWith('@shoebox/')) {
    const target = name.slice('@shoebox/'.length);
    if (sub === 'src' || sub.startsWith('src/')) {
      problems.push(`deep import into ${name}/src: use its public exports (package.json "exports")`);
    } else if (target in PACKAGES && target !== pkg && !isExported(target, sub)) {
      problems.push(`${name} does not export "./${sub}": import its public exports only`);
    }
    if (target === 'tests' && pkg !== 'tests') problems.push('nothing imports @shoebox/tests');
  }

  switch (pkg) {
    case 'shared': {
      if (node) problems.push('shared never imports node:* (it runs in browsers and Electron renderers too)');
      else if (name === 'zod') break;
      else if (isTest && (name === 'vitest' || name === 'fast-check')) break;
      else if (name === 'vitest' || name === 'fast-check')
        problems.push(`shared imports ${name} only in *.test.ts files`);
      else
        problems.push('shared imports only zod (plus vitest and fast-check in *.test.ts) and relative paths');
      break;
    }
    case 'documents': {
      if (name.startsWith('@shoebox/') && name !== '@shoebox/shared')
        problems.push(`documents imports only @shoebox/shared among workspaces, not ${name}`);
      if (isDriver(name)) problems.push(`documents never imports database drivers (${name})`);
      if (name === 'express' || name === 'electron') problems.push(`documents never imports ${name}`);
      break;
    }
    case 'sync': {
      if (['@shoebox/store-api', '@shoebox/desktop', '@shoebox/storefront'].includes(name))
        problems.push(`sync never imports ${name} (sync depends on shared only)`);
      if (name === 'express' || name.startsWith('@types/express'))
        problems.push('sync never imports express');
      if (name === 'electron' || name.startsWith('@electron/')) problems.push('sync never imports electron');
      if (isDriver(name)) problems.push(`sync never imports database drivers (${name}): use ports`);
      break;
    }
    case 'store-api': {
      if (name === '@shoebox/desktop' || name === '@shoebox/storefront')
        problems.push(`store-api never imports ${name}`);
      // Tests may drive the real server as desktops do (the sync simulation against store-api).
      if (name === '@shoebox/sync' && (sub === 'client' || sub.startsWith('client/')) && !isTest)
        problems.push('store-api never imports @shoebox/sync/client (use @shoebox/sync/server)');
      break;
    }
    case 'desktop': {
      if (name === '@shoebox/store-api')
        problems.push('desktop never imports @shoebox/store-api (talk to it over sync)');
      break;
    }
    case 'storefront': {
      if (name.startsWith('@shoebox/') && name !== '@shoebox/shared')
        problems.push(`storefront imports only @shoebox/shared among workspaces, not ${name}`);
      else if (name === '@shoebox/shared' && !STOREFRONT_SHARED.has(sub))
        problems.push(
          `storefront imports @shoebox/shared/store (store contracts and client), not "${spec}": it carries staff contracts the shop must neither see nor download`,
        );
      break;
    }
  }
  return problems;
}

/** Export map targets that do not exist (a package must not promise a missing file). */
function missingExports() {
  const problems = [];
  for (const pkg of Object.keys(PACKAGES)) {
    const exp = exportsOf(pkg);
    if (!exp) continue;
    for (const [key, target] of Object.entries(exp)) {
      const paths = typeof target === 'string' ? [target] : Object.values(target ?? {});
      for (const path of paths)
        if (typeof path === 'string' && !path.includes('*') && !existsSync(join(ROOT, dirOf(pkg), path)))
          problems.push(`${pkg}/package.json  exports "${key}" -> ${path}, which does not exist`);
    }
  }
  return problems;
}

function main() {
  const tables = tablesOf(join(ROOT, 'store-api/src/db/schema/mysql'));
  const violations = [
    ...selfTest(tables),
    ...appenderSelfTest(),
    ...errorBuildSelfTest(),
    ...moduleSelfTest(API_SRC),
    ...modulesWithoutIndex(API_SRC),
    ...missingExports(),
  ];
  let count = 0;
  const apiFiles = [];
  for (const [pkg, folder] of Object.entries(PACKAGES)) {
    for (const file of walk(join(ROOT, folder), [])) {
      count++;
      const text = readFileSync(file, 'utf8');
      for (const { spec, line } of specifiers(text)) {
        for (const rule of check(pkg, file, spec)) {
          violations.push(`${relative(ROOT, file)}:${line}  '${spec}'  ${rule}`);
        }
      }
      if (pkg === 'store-api') {
        for (const { spec, line } of specifiers(text)) {
          const problem = moduleImportProblem(API_SRC, file, spec);
          if (problem) violations.push(`${relative(ROOT, file)}:${line}  '${spec}'  ${problem}`);
        }
        const rel = relative(join(ROOT, folder), file).split(sep).join('/');
        apiFiles.push([rel, text]);
        for (const { line, rule } of [
          ...ownershipProblems(rel, text, tables),
          ...appenderProblems(rel, text),
        ])
          violations.push(`${relative(ROOT, file)}:${line}  ${rule}`);
      }
    }
  }
  violations.push(...errorBuildProblems(apiFiles));
  for (const folder of TOOLS) {
    for (const file of walk(join(ROOT, folder), [])) {
      count++;
      for (const { spec, line } of specifiers(readFileSync(file, 'utf8'))) {
        const problem = moduleImportProblem(API_SRC, file, spec);
        if (problem) violations.push(`${relative(ROOT, file)}:${line}  '${spec}'  ${problem}`);
      }
    }
  }
  if (violations.length) {
    console.error(`package boundaries broken (${violations.length}):`);
    for (const v of violations) console.error(`  ${v}`);
    console.error('see docs: "Packages and who may import whom" in the architecture notes');
    process.exit(1);
  }
  console.log(`boundaries ok (${count} files)`);
}

main();
