import tseslint from 'typescript-eslint'
import prettier from 'eslint-config-prettier'

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/explicit-function-return-type': ['error', { allowExpressions: true }],
      // A value that may be missing is checked where it can be, or typed so that it cannot be (settings by mode).
      '@typescript-eslint/no-non-null-assertion': 'error',
      // core.info writes raw: a line of a PR's, a database's or a backup's text could be a runner command.
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='core'][property.name='info']",
          message: 'Log through info() from src/util/log.ts, which neutralises runner commands.'
        }
      ]
    }
  },
  { files: ['src/util/log.ts'], rules: { 'no-restricted-syntax': 'off' } },
  {
    files: ['__tests__/**/*.ts', '__fixtures__/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' }
  },
  prettier
)
