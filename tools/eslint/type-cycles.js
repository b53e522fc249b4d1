// Local ESLint rule `local/no-type-cycle`: import cycles that are closed by type-only imports.
//
// import-x's no-cycle (tools/eslint/cycles.js) skips `import type` and has no option not to, so
// `app/handlers.ts` importing every feature's handlers while each imports `HandlerGroup` back
// would pass it. Such a cycle costs nothing at run time but ties the modules together all the
// same: neither can be understood, moved or tested without the other. This rule walks the same
// graph with the type-only edges included and reports what no-cycle cannot see; cycles made of
// value imports alone are left to no-cycle, so nothing is reported twice.
//
// The graph is read with TypeScript's own parser and module resolution (the compiler is a
// dev dependency anyway), once per file per lint run, and only through relative specifiers:
// a cycle through an npm package is not ours.

import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const COMPILER_OPTIONS = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowJs: true,
  jsx: ts.JsxEmit.ReactJSX,
  resolveJsonModule: true,
};

const isPathSpecifier = (s) => s === '.' || s === '..' || s.startsWith('./') || s.startsWith('../') || s.startsWith('/');

/** Resolved specifiers, by importing directory and specifier. */
const resolutions = new Map();

/** @returns {string | null} the absolute path of a project source file, or null */
function resolveSpecifier(specifier, fromFile) {
  if (!isPathSpecifier(specifier)) return null;
  const key = `${path.dirname(fromFile)}\0${specifier}`;
  if (!resolutions.has(key)) {
    const { resolvedModule } = ts.resolveModuleName(specifier, fromFile, COMPILER_OPTIONS, ts.sys);
    const file = resolvedModule && !resolvedModule.isExternalLibraryImport ? path.resolve(resolvedModule.resolvedFileName) : null;
    resolutions.set(key, file && !file.endsWith('.d.ts') ? file : null);
  }
  return resolutions.get(key);
}

const allTypeOnly = (elements) => elements.length > 0 && elements.every((e) => e.isTypeOnly);

/**
 * The module specifiers one source text imports, each with whether the import is type-only.
 * @param {string} file @param {string} text
 * @returns {{ specifier: string, typeOnly: boolean }[]}
 */
export function importsOf(file, text) {
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : file.endsWith('.json') ? ts.ScriptKind.JSON : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const found = [];
  const add = (literal, typeOnly) => {
    if (literal && ts.isStringLiteralLike(literal)) found.push({ specifier: literal.text, typeOnly });
  };
  const visit = (node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly || (!clause.name && !!bindings && ts.isNamedImports(bindings) && allTypeOnly(bindings.elements)));
      add(node.moduleSpecifier, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      const clause = node.exportClause;
      add(node.moduleSpecifier, node.isTypeOnly || (!!clause && ts.isNamedExports(clause) && allTypeOnly(clause.elements)));
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, true);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Each file's resolved imports, read once per change of the file. */
const graph = new Map();

/** @returns {{ target: string, typeOnly: boolean }[]} */
function edgesOf(file) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return [];
  }
  const cached = graph.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.edges;
  const edges = importsOf(file, fs.readFileSync(file, 'utf8'))
    .map(({ specifier, typeOnly }) => ({ target: resolveSpecifier(specifier, file), typeOnly }))
    .filter((e) => e.target !== null);
  graph.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, edges });
  return edges;
}

/**
 * A search for paths back to one file. Nodes found not to lead back are remembered across
 * calls, so checking every import of a file walks the graph at most once (per edge kind).
 */
function pathFinder(goal, { valuesOnly }) {
  const deadEnds = new Set();
  /** @returns {string[] | null} the files from `start` to `goal`, both included */
  return function find(start) {
    const parents = new Map([[start, null]]);
    const stack = [start];
    while (stack.length > 0) {
      const file = stack.pop();
      if (file === goal) {
        const route = [];
        for (let at = file; at !== null; at = parents.get(at)) route.unshift(at);
        return route;
      }
      for (const { target, typeOnly } of edgesOf(file)) {
        if ((valuesOnly && typeOnly) || parents.has(target) || deadEnds.has(target)) continue;
        parents.set(target, file);
        stack.push(target);
      }
    }
    for (const file of parents.keys()) deadEnds.add(file);
    return null;
  };
}

/** @type {import('eslint').Rule.RuleModule} */
export const noTypeCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import cycles closed by type-only imports (import-x/no-cycle checks the rest)' },
    schema: [
      {
        type: 'object',
        properties: {
          // Project-relative files whose cycles are known and being removed; each entry should say why.
          allow: { type: 'array', items: { type: 'string' } },
          root: { type: 'string' },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      cycle:
        "Import cycle through type-only imports: {{route}}. Types tie modules together too: move what both sides need into a module that imports neither (for example a types.ts beside them).",
      staleException:
        '{{file}} is listed as a known type-only cycle, but it is in none any more: take it off the list (`allow`, typeCycleExceptions in eslint.config.js).',
    },
  },

  create(context) {
    const options = context.options[0] ?? {};
    const root = path.resolve(options.root ?? context.cwd);
    const filename = context.filename;
    if (!filename || filename.startsWith('<')) return {};
    const self = path.resolve(root, filename);
    const relative = (file) => path.relative(root, file).split(path.sep).join('/');
    // A listed file's cycles are known: they stay quiet, and the listing is reported once it
    // is no longer needed, so the exception goes when the cycle does.
    const excepted = (options.allow ?? []).includes(relative(self));
    let inCycle = false;

    const anyPathBack = pathFinder(self, { valuesOnly: false });
    const valuePathBack = pathFinder(self, { valuesOnly: true });
    const reported = new Set();

    function check(node, specifier, typeOnly) {
      const target = resolveSpecifier(specifier, self);
      if (!target || target === self || reported.has(target)) return;
      const route = anyPathBack(target);
      if (!route) return;
      // A cycle of value imports alone is import-x/no-cycle's to report.
      if (!typeOnly && valuePathBack(target)) return;
      reported.add(target);
      inCycle = true;
      if (!excepted) context.report({ node, messageId: 'cycle', data: { route: [self, ...route].map(relative).join(' -> ') } });
    }

    const isTypeOnlyDeclaration = (node) =>
      node.importKind === 'type' ||
      node.exportKind === 'type' ||
      (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));

    const onDeclaration = (node) => {
      if (node.source?.type === 'Literal') check(node.source, node.source.value, isTypeOnlyDeclaration(node));
    };
    return {
      ImportDeclaration: onDeclaration,
      ExportNamedDeclaration: onDeclaration,
      ExportAllDeclaration: onDeclaration,
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node.source, node.source.value, false);
      },
      TSImportType(node) {
        const literal = node.source ?? (node.argument?.type === 'TSLiteralType' ? node.argument.literal : null);
        if (literal?.type === 'Literal') check(literal, literal.value, true);
      },
      'Program:exit'(node) {
        if (excepted && !inCycle) context.report({ node, loc: { line: 1, column: 0 }, messageId: 'staleException', data: { file: relative(self) } });
      },
    };
  },
};
