// Watch mode: grade again the moment a task.py is saved, on the same warm runtime.

import type { FSWatcher } from 'node:fs'
import type { ExerciseOnDisk } from './exercises'
import { watch } from 'node:fs'
import { basename, dirname } from 'node:path'

/** Editors save in bursts (write, rename, chmod): one re-grade per burst. */
const SETTLE_MS = 15

/** Calls `onSave` with the exercise whose task.py changed; returns a function that stops watching. */
export function watchTasks(exercises: ExerciseOnDisk[], onSave: (exercise: ExerciseOnDisk) => void): () => void {
  const timers = new Map<string, ReturnType<typeof setTimeout>>()
  // watch each folder, not the file: many editors save by replacing the file
  const watchers: FSWatcher[] = exercises.map(exercise => watch(dirname(exercise.taskPath), (_, name) => {
    if (name && name.toString() !== basename(exercise.taskPath))
      return
    clearTimeout(timers.get(exercise.id))
    timers.set(exercise.id, setTimeout(() => onSave(exercise), SETTLE_MS))
  }))
  return () => {
    watchers.forEach(w => w.close())
    timers.forEach(t => clearTimeout(t))
  }
}
