// Lint: @antfu/eslint-config, plus the one rule of the layout (see README, "How it is built"):
// core/ never imports a front end; the terminal (grader/) and the deck never import each other;
// bench/ and support/ never import tests/.
import antfu from '@antfu/eslint-config'

const frontEnds = ['grader', 'deck', 'setup', 'components']
function forbid(folders, message, extra = []) {
  return {
    'no-restricted-imports': ['error', {
      patterns: [
        ...folders.map(folder => ({ group: [`**/${folder}/**`, `**/${folder}`], message })),
        ...extra,
      ],
    }],
  }
}

export default antfu(
  {
    vue: true,
    typescript: true,
    markdown: false,
    ignores: ['dist/**', 'dist-class/**', 'public/pyodide/**', 'exercises/**', 'starters/**', 'solutions/**', 'pages/**', 'slides.md', '**/*.md', '.slidev/**', 'bench/results/**', 'tests/class/fixture/**', '.github/workflows/classroom.yml'],
  },
  {
    rules: {
      'no-console': 'off',
      'node/prefer-global/process': 'off',
      'node/prefer-global/buffer': 'off',
      // small helpers live at the bottom of a file, after the code that reads best first
      'ts/no-use-before-define': ['error', { functions: false, classes: false, variables: false }],
      // the regular expressions read this project's own Markdown, one line at a time
      'regexp/no-super-linear-backtracking': 'off',
    },
  },
  {
    files: ['components/**', 'deck/hand-in.ts'],
    // Reset asks before it replaces the learner's code; the hand-in asks the learner's name once
    rules: { 'no-alert': 'off' },
  },
  {
    files: ['bench/**', 'scripts/**'],
    rules: { 'antfu/no-top-level-await': 'off' },
  },
  {
    files: ['tests/**', 'support/**'],
    // the tests read what a person sees on the page
    rules: { 'unicorn/prefer-dom-node-text-content': 'off' },
  },
  {
    files: ['core/**'],
    rules: {
      ...forbid(frontEnds, 'core/ is shared by every front end: it must not import one.', [
        { group: ['node:*'], message: 'core/ runs in the browser too: no Node modules here.' },
      ]),
      'no-restricted-globals': ['error', ...['document', 'window', 'location', 'localStorage', 'process', 'Buffer'].map(name => ({
        name,
        message: 'core/ runs in Node and in browser workers: no DOM and no Node globals.',
      }))],
    },
  },
  {
    files: ['grader/**'],
    rules: forbid(['deck', 'setup', 'components'], 'The terminal grader and the deck share only core/.'),
  },
  {
    files: ['deck/**', 'setup/**', 'components/**'],
    rules: forbid(['grader'], 'The deck and the terminal grader share only core/.'),
  },
  {
    files: ['bench/**', 'support/**'],
    rules: forbid(['tests'], 'The bench and the test helpers take what they share from support/, never from tests/.'),
  },
)
