import type { Profile } from '../../core/profiles'
// Runs one case on a runtime, the way gradeExercise hands a case to it.
import type { Observation, Runtime } from '../../core/protocol'
import type { Case } from '../../core/spec'
import { caseRun } from '../../core/protocol'

export async function runOneCase(runtime: Runtime, source: string, call: string, c: Case, timeoutS = 3, profile: Profile = 'linux'): Promise<Observation> {
  const runner = await runtime.exercise()
  try {
    return await runner.runCase({ run: caseRun(source, call, c, profile), timeoutS })
  }
  finally {
    runner.end()
  }
}
