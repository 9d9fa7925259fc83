// gradeExercise with a scripted runtime: what runs, in which order, and the verdicts.
import type { CaseRequest, Observation, Runtime } from '../../core/protocol'
import type { Spec } from '../../core/spec'
import { describe, expect, it } from 'vitest'
import { gradeExercise, NOT_LOADED, NOT_RUN_STOPPED, NOT_RUN_TIMEOUT, STOPPED_MESSAGE } from '../../core/grade'
import { STOPPED } from '../../core/protocol'

const SPEC: Spec = {
  title: 'Demo',
  call: 'f',
  hints: [],
  cases: ['one', 'two', 'three', 'four'].map(name => ({ name, args: [name], expect: { return: name } })),
}

/** A runtime whose answer for each case comes from `answer`; records what it was asked. */
function scripted(answer: (request: CaseRequest, signal?: AbortSignal) => Observation | Promise<Observation>, parallel = 1) {
  const asked: string[] = []
  const runtime: Runtime = {
    name: 'pyodide',
    profiles: ['linux'],
    warm: async () => {},
    exercise: async () => ({
      parallel,
      runCase: async (request, signal) => {
        asked.push(nameOf(request))
        return answer(request, signal)
      },
      end: () => {},
    }),
    evaluate: async expressions => expressions.map(e => ({ value: e.toUpperCase(), repr: `'${e.toUpperCase()}'` })),
    runScript: async () => ({ status: 'failed', message: 'no scripts here' }),
    close: async () => {},
  }
  return { runtime, asked }
}

/** Each case of SPEC is called with its own name as the argument. */
const nameOf = (request: CaseRequest) => request.run.args![0] as string
const returns = (request: CaseRequest): Observation => ({ stage: 'call', returned: { value: nameOf(request), repr: '' } })

describe('gradeExercise', () => {
  it('judges every case, in order, also when cases run side by side', async () => {
    const { runtime, asked } = scripted(async (request) => {
      await new Promise(resolve => setTimeout(resolve, nameOf(request) === 'two' ? 20 : 1))
      return returns(request)
    }, 2)
    const verdict = await gradeExercise(runtime, SPEC, 'src')
    expect(verdict.status).toBe('pass')
    expect(verdict.cases.map(v => v.name)).toEqual(['one', 'two', 'three', 'four'])
    expect(asked.sort()).toEqual(['four', 'one', 'three', 'two'])
  })

  it('reports a task.py that cannot load once, after running only the first case', async () => {
    const { runtime, asked } = scripted(() => ({ stage: 'load', exception: { type: 'NameError', message: 'x', traceback: 'NameError: x' } }))
    const verdict = await gradeExercise(runtime, SPEC, 'src')
    expect(asked).toEqual(['one'])
    expect(verdict.status).toBe('error')
    expect(verdict.problem).toContain('while Python was loading it')
    expect(verdict.cases.map(v => v.message)).toEqual(SPEC.cases.map(() => NOT_LOADED))
  })

  it('does not start more cases once one has run out of time', async () => {
    const { runtime, asked } = scripted(request => (nameOf(request) === 'two' ? { stage: 'call', ending: 'timeout' } : returns(request)))
    const verdict = await gradeExercise(runtime, SPEC, 'src')
    expect(asked).toEqual(['one', 'two'])
    expect(verdict.cases.map(v => v.status)).toEqual(['pass', 'error', 'error', 'error'])
    expect(verdict.cases[1].message).toContain('did not finish within 3 s')
    expect(verdict.cases[2].message).toBe(NOT_RUN_TIMEOUT)
  })

  it('stops on Stop: the running case says so, the rest are not run', async () => {
    const stopper = new AbortController()
    const { runtime, asked } = scripted((request) => {
      if (nameOf(request) !== 'two')
        return returns(request)
      stopper.abort()
      return { ending: 'interrupted', detail: STOPPED }
    })
    const progress: number[] = []
    const verdict = await gradeExercise(runtime, SPEC, 'src', { signal: stopper.signal, onProgress: index => progress.push(index) })
    expect(asked).toEqual(['one', 'two'])
    expect(verdict.cases.map(v => v.message)).toEqual(['', STOPPED_MESSAGE, NOT_RUN_STOPPED, NOT_RUN_STOPPED])
    expect(progress).toEqual([0, 1, 2, 3, 4])
  })

  it('never sends a case\'s expectations to the learner\'s interpreter, and judges return_expr by the trusted value', async () => {
    const sent: CaseRequest[] = []
    const { runtime } = scripted((request) => {
      sent.push(request)
      return { stage: 'call', returned: { value: 'SECRET', repr: '\'SECRET\'' } }
    })
    const spec: Spec = { ...SPEC, cases: [{ name: 'one', args: ['x'], env: { A: 'b' }, expect: { return_expr: 'secret', tree: { 'a/': '' } } }] }
    const verdict = await gradeExercise(runtime, spec, 'src')
    expect(JSON.stringify(sent)).not.toMatch(/expect|secret|a\/|"name"/)
    expect(sent[0].run).toEqual({ source: 'src', call: 'f', args: ['x'], env: { A: 'b' } })
    expect(verdict.cases[0].message).toContain('left the folder different')
    expect(verdict.cases[0].message).not.toContain('returned')
  })
})
