// @ts-check
// Lint for every TypeScript file and Angular template; `npm run lint` also checks module boundaries.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import angular from 'angular-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.angular/**', '**/generated/**', 'test-results/**', 'playwright-report/**'] },
  {
    files: ['**/*.ts'],
    extends: [eslint.configs.recommended, ...tseslint.configs.recommended, ...angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'wx', style: 'kebab-case' }],
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'wx', style: 'camelCase' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // User text renders as text: the one sanitizing component for article bodies is reviewed apart.
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name=/^bypassSecurityTrust/]", message: 'bypassSecurityTrust* is forbidden outside the reviewed sanitizing component.' },
        { selector: "AssignmentExpression > MemberExpression[property.name='innerHTML']", message: 'Render user text as text, not innerHTML.' },
      ],
    },
  },
  {
    // Playwright fixtures that need no other fixture must destructure an empty object.
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['**/*.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
    // A second `class` (or any attribute) silently replaces the first: the fan list's clear button lost its style so.
    rules: { '@angular-eslint/template/no-duplicate-attributes': 'error' },
  },
);
