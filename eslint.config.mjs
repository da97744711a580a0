import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

/** Whether an import specifier names a module that must never reach the browser. */
function isServerModule(specifier) {
  if (specifier === 'server-only' || specifier.startsWith('node:')) return true;
  if (!specifier.startsWith('@/')) return false;
  if (/^@\/lib\/(db|env)(\/|$)/.test(specifier)) return true;
  const base = path.join(root, specifier.slice(2));
  const file = ['.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find((candidate) => existsSync(candidate));
  return file !== undefined && /^import 'server-only';/m.test(readFileSync(file, 'utf8'));
}

/** Client components ('use client') may import types from server modules, never values: those would ship to the browser. */
const noServerImportInClient = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      server:
        "'{{name}}' is server-only (database, environment or secrets); a 'use client' module may import only its types.",
    },
  },
  create(context) {
    const body = context.sourceCode.ast.body;
    const isClient = body.some((node) => node.type === 'ExpressionStatement' && node.directive === 'use client');
    if (!isClient) return {};
    return {
      ImportDeclaration(node) {
        if (node.importKind === 'type') return;
        if (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type')) return;
        if (isServerModule(node.source.value))
          context.report({ node, messageId: 'server', data: { name: node.source.value } });
      },
    };
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next/**',
    'node_modules/**',
    '.data/**',
    'test-results/**',
    'playwright-report/**',
    'bench/results/**',
    'next-env.d.ts',
  ]),
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
  },
  {
    // Test doubles implement async interfaces without awaiting, and vitest's asymmetric matchers (expect.any,
    // expect.stringContaining) are typed any.
    files: ['**/*.test.ts', 'tests/**', 'emulator/test/**'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // Tests throw what Twilio's SDK throws (plain objects) and restore spies through their methods.
      '@typescript-eslint/only-throw-error': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    plugins: { switchboard: { rules: { 'no-server-import-in-client': noServerImportInClient } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'switchboard/no-server-import-in-client': 'error',
    },
  },
]);
