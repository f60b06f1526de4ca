import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'
import prettier from 'eslint-config-prettier/flat'

/** Layer boundaries from STYLE.md, enforced rather than remembered. */
const boundaries = {
  domain: ['vue', 'axios', 'pinia', 'element-plus', 'dingtalk-jsapi', '@suite/*'],
  apiClient: ['vue', 'pinia', 'element-plus', 'dingtalk-jsapi', '@suite/ui', '@suite/dingtalk', '@suite/app-kit'],
  /** The app kernel sits between the apps and the other packages: apps -> app-kit -> ui, api-client, dingtalk, domain. */
  appKit: ['@suite/app-kit', '@suite/app-kit/*'],
  everyone: ['dingtalk-jsapi', 'dingtalk-jsapi/*'],
}

/** Text from people reaches the page only through Vue's escaping interpolation (docs/SECURITY.md). */
const noHtmlFromStrings = [
  {
    selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
    message: 'Never write HTML from strings: render text through Vue (docs/SECURITY.md).',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'Never write HTML from strings: render text through Vue (docs/SECURITY.md).',
  },
]

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.data/**', 'e2e/.artifacts/**', '**/*.d.ts', 'coverage/**'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'vue/multi-word-component-names': 'error',
      // Text from people reaches the page only through Vue's escaping interpolation (docs/SECURITY.md).
      'vue/no-v-html': 'error',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: boundaries.everyone, message: 'Only packages/dingtalk imports dingtalk-jsapi.' },
            { group: ['axios'], message: 'Only packages/api-client imports axios.' },
            { group: ['@suite/*/src/*'], message: 'Import a package through its exports map.' },
          ],
        },
      ],
    },
  },
  { files: ['packages/dingtalk/**'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['packages/**'],
    ignores: ['packages/app-kit/**', 'packages/dingtalk/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: boundaries.everyone, message: 'Only packages/dingtalk imports dingtalk-jsapi.' },
            { group: ['axios'], message: 'Only packages/api-client imports axios.' },
            { group: ['@suite/*/src/*'], message: 'Import a package through its exports map.' },
            { group: boundaries.appKit, message: 'Only apps use the app kernel.' },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/api-client/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: boundaries.apiClient, message: 'api-client depends on domain only.' }] },
      ],
    },
  },
  {
    files: ['packages/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: boundaries.domain, message: 'domain is pure: zod only.' }] },
      ],
    },
  },
  {
    files: [
      'packages/domain/**',
      'packages/api-client/**',
      'packages/ui/**',
      'packages/dingtalk/**',
      'packages/app-kit/**',
    ],
    ignores: ['**/*.test.ts'],
    rules: { 'no-console': 'error' },
  },
  { files: ['mock-server/**', 'scripts/**', 'e2e/**'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['apps/**', 'packages/**'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-syntax': ['error', ...noHtmlFromStrings] },
  },
  {
    // Each endpoint is defined once, in @suite/domain (endpoints/<area>.ts); the client calls the definition.
    files: ['packages/api-client/src/**'],
    ignores: ['**/*.test.ts', '**/test-support.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...noHtmlFromStrings,
        {
          selector: 'Literal[value=/^\\x2F[a-z]/]',
          message: 'No endpoint paths in the client: call the @suite/domain endpoint with http.call().',
        },
        {
          selector: 'TemplateElement[value.raw=/^\\x2F[a-z]/]',
          message: 'No endpoint paths in the client: call the @suite/domain endpoint with http.call().',
        },
      ],
    },
  },
  {
    files: ['apps/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['axios', 'dingtalk-jsapi', 'dingtalk-jsapi/*'],
              message: 'Apps use @suite/api-client and @suite/dingtalk.',
            },
            { group: ['@suite/*/src/*'], message: 'Import a package through its exports map.' },
          ],
        },
      ],
    },
  },
  // Layout is Prettier's (`pnpm format`); eslint keeps to what code means.
  prettier,
)
