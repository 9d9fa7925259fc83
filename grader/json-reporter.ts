// `--json`: only the report, on stdout.
import type { SerializedError } from 'vitest'
import type { Reporter, TestModule } from 'vitest/node'
import { collectRuns, describeErrors } from './collect'
import { readOptions } from './options'
import { buildReport, exerciseResult } from './report'

export default class JsonReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<SerializedError>) {
    const report = buildReport(readOptions().runtime, collectRuns(modules).map(exerciseResult), describeErrors(modules, errors))
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
  }
}
