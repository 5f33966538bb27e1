// ESLint: JavaScript's and TypeScript's recommended rules and Svelte's, on the
// app, the server, the scripts and the tests (`npm run lint`, part of `npm test`).
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', '.tmp/', 'node_modules/', 'bench-results/', 'static/', 'test-results/', 'playwright-report/', 'data/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		rules: {
			// `const { a, ...rest } = x` to leave `a` out is the point, not an oversight
			'@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_' }],
			// French copy holds no-break spaces on purpose (agency typography), in strings and templates
			'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
			// the app is served at the root (adapter-node, the static build): links are built by prefix(lang), not resolve()
			'svelte/no-navigation-without-resolve': 'off',
			// {' '} keeps a space that Svelte would trim beside a block ({#if}): it is not useless
			'svelte/no-useless-mustaches': 'off'
		}
	},
	{
		// tests build malformed input on purpose (any), and Playwright's fixtures are destructured even when unused ({})
		files: ['tests/**', '**/*.test.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-empty-pattern': 'off' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	}
);
