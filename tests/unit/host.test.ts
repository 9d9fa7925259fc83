// The one Python host, with a scripted worker: queue, time limit, interrupt, grace,
// restart and Stop, as both the terminal grader and the deck get them.
import type { FromWorker, ToWorker } from '../../core/protocol'
import type { WorkerPort } from '../../core/python/host'
import { describe, expect, it } from 'vitest'
import { STOPPED } from '../../core/protocol'
import { createPythonHost } from '../../core/python/host'

type Behaviour = 'answer' | 'obeys-interrupt' | 'ignores-interrupt' | 'dies'

/** A fake worker: ready at once; each case behaves as `behave(source)` says. */
function fakeWorkers(behave: (source: string) => Behaviour) {
  const spawned: { terminated: boolean }[] = []
  const spawn = (): WorkerPort => {
    const state = { terminated: false }
    spawned.push(state)
    let send: (message: FromWorker) => void = () => {}
    let die: (error: string) => void = () => {}
    let interrupt: Int32Array | undefined
    return {
      listen(onMessage, onFailure) {
        send = message => !state.terminated && onMessage(message)
        die = onFailure
      },
      post(message: ToWorker) {
        if (message.type === 'init') {
          interrupt = message.shared && new Int32Array(message.shared, 0, 1)
          setTimeout(() => send({ type: 'ready' }), 1)
          return
        }
        const { id, request } = message
        const behaviour = behave((request as { source: string }).source)
        if (behaviour === 'answer')
          setTimeout(() => send({ type: 'done', id, report: { stage: 'call', returned: { value: 1, repr: '1' } } }), 1)
        if (behaviour === 'dies')
          setTimeout(() => die('out of memory'), 1)
        if (behaviour === 'obeys-interrupt') {
          const poll = setInterval(() => {
            if (interrupt && Atomics.load(interrupt, 0) === 2) {
              clearInterval(poll)
              send({ type: 'done', id, report: { stage: 'call', ending: 'interrupted' } })
            }
          }, 5)
        }
      },
      terminate: () => { state.terminated = true },
    }
  }
  return { spawned, spawn }
}

const request = (source: string, timeoutS = 0.05) => ({ run: { source, call: 'f' }, timeoutS })

describe('the Python host', () => {
  it('answers runs one at a time, in order, on one warm worker', async () => {
    const workers = fakeWorkers(() => 'answer')
    const host = createPythonHost({ indexURL: '/', canShareMemory: true, spawn: workers.spawn })
    const seen = await Promise.all([host.runCase(request('a')), host.runCase(request('b'))])
    expect(seen.map(s => s.returned?.value)).toEqual([1, 1])
    expect(workers.spawned).toHaveLength(1)
    expect(host.status).toBe('ready')
  })

  it('interrupts a run at its time limit and keeps the worker when Python obeys', async () => {
    const workers = fakeWorkers(source => (source === 'loop' ? 'obeys-interrupt' : 'answer'))
    const host = createPythonHost({ indexURL: '/', canShareMemory: true, spawn: workers.spawn })
    expect(await host.runCase(request('loop'))).toMatchObject({ ending: 'timeout', stage: 'call' })
    expect((await host.runCase(request('next'))).returned?.value).toBe(1)
    expect(workers.spawned).toHaveLength(1)
  })

  it('replaces a worker that ignores the interrupt, after the grace, and the next run works', async () => {
    const workers = fakeWorkers(source => (source === 'stubborn' ? 'ignores-interrupt' : 'answer'))
    const host = createPythonHost({ indexURL: '/', canShareMemory: true, spawn: workers.spawn }, { graceMs: 20 })
    expect(await host.runCase(request('stubborn'))).toMatchObject({ ending: 'timeout' })
    expect(workers.spawned[0].terminated).toBe(true)
    expect((await host.runCase(request('next'))).returned?.value).toBe(1)
    expect(workers.spawned).toHaveLength(2)
  })

  it('without shared memory, a time-out replaces the worker at once', async () => {
    const workers = fakeWorkers(source => (source === 'loop' ? 'obeys-interrupt' : 'answer'))
    const host = createPythonHost({ indexURL: '/', canShareMemory: false, spawn: workers.spawn })
    expect(await host.runCase(request('loop'))).toMatchObject({ ending: 'timeout' })
    expect(workers.spawned[0].terminated).toBe(true)
  })

  it('stops on Stop, takes a queued run out before it starts, and reports a dead worker', async () => {
    const workers = fakeWorkers(source => (source === 'loop' ? 'obeys-interrupt' : source === 'crash' ? 'dies' : 'answer'))
    const host = createPythonHost({ indexURL: '/', canShareMemory: true, spawn: workers.spawn })
    const stopper = new AbortController()
    const running = host.runCase(request('loop', 60), stopper.signal)
    const queued = host.runScript({ source: 'x', tree: {}, timeoutS: 60 }, stopper.signal)
    setTimeout(() => stopper.abort(), 20)
    expect(await running).toMatchObject({ ending: 'interrupted', detail: STOPPED })
    expect(await queued).toMatchObject({ status: 'stopped', reason: 'stop', how: 'cancelled' })
    expect(await host.runCase(request('crash'))).toEqual({ ending: 'memory' })
    expect((await host.runCase(request('next'))).returned?.value).toBe(1)
  })

  it('leaves no abort listener behind on a signal that outlives its runs', async () => {
    const host = createPythonHost({ indexURL: '/', canShareMemory: true, spawn: fakeWorkers(() => 'answer').spawn })
    const signal = new AbortController().signal
    const listening = new Set<unknown>()
    const add = signal.addEventListener.bind(signal)
    const remove = signal.removeEventListener.bind(signal)
    signal.addEventListener = (type: string, listener: any, options?: any) => {
      listening.add(listener)
      add(type, listener, options)
    }
    signal.removeEventListener = (type: string, listener: any) => {
      listening.delete(listener)
      remove(type, listener)
    }
    for (const source of ['a', 'b', 'c'])
      await host.runCase(request(source, 60), signal)
    expect(listening.size).toBe(0)
  })
})
