// The workshop's timing, as the presenter reads it: the first slide of each chapter (a file
// of pages/) starts its notes with "Timing: N min teaching[, M min practice (exercises ...)]."
// and the README has the same numbers in its schedule table.

import type { DeckSlide } from '../../support/deck'

export interface Chapter {
  file: string
  /** the title of its first slide */
  title: string
  teaching: number
  practice: number
  /** as the notes say it: "exercise 04", "exercises 07 to 09" */
  exercises: string
  /** an optional appendix, outside the three hours */
  optional: boolean
  slides: DeckSlide[]
}

export const TIMING = /^Timing: (optional appendix, )?(\d+) min teaching(?:, (\d+) min practice \(([^)]+)\))?[.,]/

export function chapters(deck: DeckSlide[]): Chapter[] {
  const found: Chapter[] = []
  for (const slide of deck) {
    const last = found.at(-1)
    if (last?.file === slide.file) {
      last.slides.push(slide)
      continue
    }
    const timing = TIMING.exec(slide.note.replace(/^<!--\s*/, ''))
    found.push({
      file: slide.file,
      title: slide.title,
      teaching: Number(timing?.[2] ?? Number.NaN),
      practice: Number(timing?.[3] ?? 0),
      exercises: timing?.[4] ?? '',
      optional: !!timing?.[1],
      slides: [slide],
    })
  }
  return found
}

export interface ScheduleRow { start: string, chapter: string, teaching: string, practice: string, exercises: string, short: string }

/** The rows of the README's table under "### Schedule". */
export function readmeSchedule(readme: string): ScheduleRow[] {
  const section = readme.split(/^### Schedule$/m)[1]?.split(/^#{2,3} /m)[0] ?? ''
  return section.split('\n')
    .filter(line => line.startsWith('|') && !/^\|\s*(?:start|-)/.test(line))
    .map((line) => {
      const [start, chapter, teaching, practice, exercises, short] = line.split('|').slice(1, -1).map(cell => cell.trim())
      return { start, chapter, teaching, practice, exercises, short }
    })
}

export const clock = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`
