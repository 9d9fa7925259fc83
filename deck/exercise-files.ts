// The exercises on the slides: each one's spec, README, starter and solution, bundled
// when the deck is built. The spec is read as the terminal reads it (core/exercise.ts),
// so a broken one blocks only its own slide.

import type { Exercise } from '../core/exercise'
import { EXERCISE_ID, exerciseFrom } from '../core/exercise'
import { renderMarkdown } from './markdown'
import { sections } from './markdown-blocks'

// spec.json as text: a file that is not JSON is that exercise's problem, not the build's
const specs = import.meta.glob<string>('../exercises/*/spec.json', { eager: true, query: '?raw', import: 'default' })
const readmes = import.meta.glob<string>('../exercises/*/README.md', { eager: true, query: '?raw', import: 'default' })
// the pristine starters, never the learner's edited copies in exercises/
const starters = import.meta.glob<string>('../starters/*/task.py', { eager: true, query: '?raw', import: 'default' })
// the class build has none: a learner with the deck cannot read them
const solutions: Record<string, string> = __CLASS_BUILD__ ? {} : import.meta.glob<string>('../solutions/*/task.py', { eager: true, query: '?raw', import: 'default' })

/** An exercise as its slide shows it. */
export interface SlideExercise extends Exercise {
  starter: string
  /** '' in the class build */
  solution: string
  /** HTML: the README's "Your task" section */
  taskHtml: string
  /** HTML: the whole README except its title and the terminal instructions */
  readmeHtml: string
}

const folderOf = (path: string) => path.split('/').at(-2) ?? ''
const byId = (files: Record<string, string>) => new Map(Object.entries(files).map(([path, text]) => [folderOf(path), text]))

function build(): SlideExercise[] {
  const spec = byId(specs)
  const readme = byId(readmes)
  const starter = byId(starters)
  const solution = byId(solutions)
  // every exercise folder, as the terminal lists them: one without a spec.json says so
  const ids = [...new Set([...spec.keys(), ...readme.keys()])].filter(id => EXERCISE_ID.test(id)).sort()
  return ids.map((id) => {
    const parts = sections(readme.get(id) ?? '')
    const kept = [...parts.entries()]
      .filter(([name]) => name !== 'Check your work')
      .map(([name, body]) => name ? `## ${name}\n\n${body}` : body.replace(/^#\s+(?:\S.*)?$/m, '').trim())
      .join('\n\n')
    return {
      ...exerciseFrom(id, spec.get(id)),
      starter: starter.get(id) ?? '',
      solution: solution.get(id) ?? '',
      taskHtml: renderMarkdown((parts.get('Your task') ?? '').replace(/^Write the function in `task\.py`/m, 'Write the function')),
      readmeHtml: renderMarkdown(kept),
    }
  })
}

export const exercises: SlideExercise[] = build()

export function findExercise(id: string): SlideExercise | undefined {
  return exercises.find(e => e.id === id || e.number === id)
}
