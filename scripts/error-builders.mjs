// Each error code is built in one place: a module's (or the HTTP edge's) `*.errors.ts`
// (docs/architecture.md; the catalogue is shared/src/contracts/error-codes.ts). This finds every
// place a store-api file builds an error from a code literal, `new DomainError(kind, 'CODE', ...)`
// or a shared helper such as `conflict('CODE', ...)`, and reports builds outside `*.errors.ts` and
// codes built in more than one file. Tests, fixtures and test-support/ are exempt.

/** The shared builders of @shoebox/shared (errors.ts) that take the code first. */
const HELPERS = ['conflict', 'notFound', 'businessRule', 'unauthenticated', 'forbidden', 'validation'];

const EXEMPT = [/\.test\.ts$/, /(^|\/)[\w-]*fixtures\.ts$/, /^test-support\//];

/**
 * Folders being changed elsewhere at the time of writing: their inline builds are known and move
 * to their `*.errors.ts` with their next change. They are skipped, and leave this list then.
 */
export const ERROR_BUILDS_TO_MOVE = [
  'modules/sync/',
  'modules/fulfillment/',
  'modules/shipping/',
  'modules/returns/',
];

const patterns = [
  /\bnew\s+DomainError\(\s*'\w+'\s*,\s*'([A-Z][A-Z0-9_]*)'/g,
  new RegExp(`(?<![\\w.])(?:${HELPERS.join('|')})\\(\\s*'([A-Z][A-Z0-9_]*)'`, 'g'),
];

/** Code without comments (keeps line numbers). */
function withoutComments(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\w])\/\/.*$/gm, '$1');
}

/** Every error built from a code literal in one file: `{ code, line }`. */
export function errorBuilds(text) {
  const code = withoutComments(text);
  const found = [];
  for (const re of patterns)
    for (const m of code.matchAll(re))
      found.push({ code: m[1], line: code.slice(0, m.index).split('\n').length });
  return found;
}

/**
 * Known debt, listed so it cannot grow unseen: files that still build codes inline, and codes built
 * in two files with different messages. Each leaves the list when it moves to one builder.
 */
export const KNOWN_INLINE = [
  'flows/shipment.flow.ts',
  'flows/erase-customer.flow.ts',
  'integrations/carriers/',
  'http/problem.ts',
];
export const KNOWN_DUPLICATES = ['CUSTOMER_SIGN_IN_REQUIRED', 'CSV_INVALID'];

const skipped = (rel) =>
  EXEMPT.some((re) => re.test(rel)) ||
  [...ERROR_BUILDS_TO_MOVE, ...KNOWN_INLINE].some((d) => rel.startsWith(d));

/** `files`: [rel path under store-api/src, text]. Messages for every rule broken. */
export function errorBuildProblems(files) {
  const problems = [];
  const filesOf = new Map();
  for (const [rel, text] of files) {
    if (skipped(rel)) continue;
    for (const { code, line } of errorBuilds(text)) {
      if (!rel.endsWith('.errors.ts'))
        problems.push(
          `store-api/src/${rel}:${line}  builds ${code} inline: build it in the module's *.errors.ts`,
        );
      if (!filesOf.has(code)) filesOf.set(code, new Set());
      filesOf.get(code).add(rel);
    }
  }
  for (const [code, where] of filesOf)
    if (where.size > 1 && !KNOWN_DUPLICATES.includes(code))
      problems.push(
        `${code} is built in ${where.size} files (${[...where].join(', ')}): build it in one, import it from there`,
      );
  return problems;
}

/** Cases the rule must catch and pass. */
export function errorBuildSelfTest() {
  const cases = [
    [[['modules/a/a.service.ts', "throw new DomainError('conflict', 'X_TAKEN', 'Taken.')"]], 1],
    [[['flows/x.flow.ts', "throw conflict('VERSION_CONFLICT', 'Changed.')"]], 1],
    [[['modules/a/a.errors.ts', "export const e = () => notFound('A_NOT_FOUND', 'No a.')"]], 0],
    [
      [
        ['modules/a/a.errors.ts', "const x = () => notFound('P_NOT_FOUND', 'No p.')"],
        ['modules/b/b.errors.ts', "const y = () => new DomainError('not_found', 'P_NOT_FOUND', 'No p.')"],
      ],
      1,
    ],
    [[['modules/a/a.test.ts', "throw conflict('VERSION_CONFLICT', 'x')"]], 0],
    [[['modules/a/a.ts', "if (e.code === 'VERSION_CONFLICT') errors.conflict('X')"]], 0],
  ];
  return cases
    .filter(([files, n]) => errorBuildProblems(files).length !== n)
    .map(([files, n]) => `error-build rule self-test: expected ${n} for ${JSON.stringify(files)}`);
}
