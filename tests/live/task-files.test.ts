// One task.py under `npm run dev`: the deck's exercise slide edits and checks the
// exercises/NN/task.py the terminal grades. Runs `slidev` (dev) with OS_WORKSHOP_DIR
// on a copy of exercises/, starters/ and solutions/, never the project's own files:
// an edit and a Check in the deck give the verdicts `grader/cli.ts grade --json` gives
// for the file on disk; a file saved on disk (as the learner's own editor does) shows
// in the deck, which Checks it with the same verdicts; hints and verdicts of the
// terminal show on the slide; Reset keeps a backup; typing in the deck while the file
// changes on disk keeps the typed text in a backup; a second window follows the file
// too; the endpoint answers known exercises only.

import type { ChildProcess } from 'node:child_process'
import type { Browser, Page } from 'playwright-chromium'
import type { TerminalCase } from '../../support/live'
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { inlineCode } from '../../core/inline-code'
import { TASK_FILES_PATH } from '../../core/task-files'
import { ROOT } from '../../support/deck'
import { exerciseSlides, launchBrowser } from '../../support/live'
import { waitForPython } from '../../support/serve'

const ID = '06-build-folders'
const read = (folder: string, id = ID) => readFileSync(path.join(ROOT, folder, id, 'task.py'), 'utf8')
const SOLUTION = read('solutions')
/** Fails the cases where a folder is already there, passes the others. */
const HALF_RIGHT = SOLUTION.replace('os.makedirs(path, exist_ok=True)', 'os.makedirs(path)')
const slide = (await exerciseSlides()).find(s => s.id === ID)!.slide

let project: string
let dev: ChildProcess | undefined
let origin: string
let browser: Browser
let page: Page
const task = () => path.join(project, 'exercises', ID, 'task.py')

beforeAll(async () => {
  project = mkdtempSync(path.join(tmpdir(), 'one-task-'))
  for (const folder of ['exercises', 'starters', 'solutions'])
    cpSync(path.join(ROOT, folder), path.join(project, folder), { recursive: true, filter: source => !/task\.backup-/.test(source) })
  for (const id of readdirSync(path.join(project, 'starters')))
    writeFileSync(path.join(project, 'exercises', id, 'task.py'), read('starters', id))
  const port = await freePort()
  origin = `http://localhost:${port}`
  dev = spawn(process.execPath, [path.join(ROOT, 'node_modules', '@slidev', 'cli', 'bin', 'slidev.mjs'), '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, OS_WORKSHOP_DIR: project, NO_COLOR: '1' },
    stdio: 'ignore',
  })
  await until(() => fetch(`${origin}/${TASK_FILES_PATH}`).then(r => r.ok, () => false), 120_000, 'the dev server did not start')
  browser = await launchBrowser()
  page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage()
  page.on('dialog', dialog => dialog.accept())
  await page.goto(`${origin}/${slide}`)
  await exercise().editor.waitFor({ timeout: 180_000 })
  await waitForPython(page, 180_000)
}, 600_000)

afterAll(async () => {
  await browser?.close().catch(() => {})
  dev?.kill()
  if (project)
    rmSync(project, { recursive: true, force: true })
})

it('says the slide saves to the exercise\'s task.py', async () => {
  expect(await exercise().root.locator('.ex-storage').innerText()).toBe(`Saved to exercises/${ID}/task.py, the file npm run grade checks`)
})

it('edit in the deck and Check: the file on disk is the one checked, and the terminal gives the same verdicts', async () => {
  const ex = exercise()
  await ex.editor.setText(HALF_RIGHT)
  const shown = await clickCheck()
  await expect.poll(() => readFileSync(task(), 'utf8'), { timeout: 5_000 }).toBe(HALF_RIGHT)
  const statuses = new Set(shown.map(v => v.status))
  expect(statuses.has('pass') && statuses.size > 1, 'some cases pass, some do not').toBe(true)
  expect(shown).toEqual(await terminalVerdicts())
})

it('save on disk: the deck shows the file, Check gives the terminal\'s verdicts, and the terminal\'s verdict and hints show', async () => {
  const ex = exercise()
  writeFileSync(task(), SOLUTION)
  await expect.poll(() => ex.editor.text(), { timeout: 10_000 }).toBe(SOLUTION)
  expect(await ex.root.getAttribute('data-passed')).toBe('false')
  // `npm run grade` passes it: the slide says solved without a Check of its own
  const terminal = await terminalVerdicts()
  expect(terminal.every(v => v.status === 'pass')).toBe(true)
  await expect.poll(() => ex.root.getAttribute('data-passed'), { timeout: 10_000 }).toBe('true')
  expect(await ex.root.locator('.ex-done').innerText()).toMatch(/^1 of \d+ done$/)
  expect(await clickCheck()).toEqual(terminal)
  await cli(['hint', ID])
  await expect.poll(() => ex.root.locator('.ex-hint').count(), { timeout: 10_000 }).toBe(1)
  // and a hint shown in the deck counts in the terminal
  await ex.root.locator('button.ex-hint-btn').click()
  await expect.poll(() => readFileSync(path.join(project, '.grader', 'hints.json'), 'utf8'), { timeout: 10_000 }).toContain(`"${ID}": 2`)
  expect((await cli(['hint', ID])).stdout).toContain('Hint 3 of 3')
})

it('reset in the deck is the terminal\'s reset: the starter back, the learner\'s file kept as a backup', async () => {
  const ex = exercise()
  await ex.root.locator('button.ex-reset').click()
  await expect.poll(() => ex.editor.text(), { timeout: 10_000 }).toBe(read('starters'))
  expect(readFileSync(task(), 'utf8')).toBe(read('starters'))
  const backup = backups().find(name => readFileSync(path.join(project, 'exercises', ID, name), 'utf8') === SOLUTION)
  expect(backup, 'the solution is kept as a backup').toBeDefined()
  expect(await ex.root.locator('.ex-notice').innerText()).toContain(`Your version is kept in exercises/${ID}/${backup}`)
})

it('typing in the deck while the file changes on disk: the file wins, and what was typed is kept in a backup', async () => {
  const ex = exercise()
  const before = backups()
  // the deck saves a moment after the last key; the learner's editor saves first
  await ex.editor.setText('# typed in the deck\n')
  writeFileSync(task(), '# saved in my own editor\n')
  await expect.poll(() => ex.root.locator('.ex-notice').innerText(), { timeout: 10_000 }).toContain('changed on disk while you typed here')
  expect(await ex.editor.text()).toBe('# saved in my own editor\n')
  expect(readFileSync(task(), 'utf8')).toBe('# saved in my own editor\n')
  const added = backups().filter(name => !before.includes(name))
  expect(added.map(name => readFileSync(path.join(project, 'exercises', ID, name), 'utf8'))).toEqual(['# typed in the deck\n'])
  expect(await ex.root.locator('.ex-notice').innerText()).toContain(`exercises/${ID}/${added[0]}`)
})

it('a second window of the deck (the presenter\'s) follows the file too, after the first one saved', async () => {
  const other = await page.context().newPage()
  try {
    await other.goto(`${origin}/${slide}`)
    const mirror = exercise(other)
    await mirror.editor.waitFor({ timeout: 120_000 })
    await exercise().editor.setText('# one\n')
    await expect.poll(() => mirror.editor.text(), { timeout: 10_000 }).toBe('# one\n')
    writeFileSync(task(), '# two\n')
    await expect.poll(() => mirror.editor.text(), { timeout: 10_000 }).toBe('# two\n')
    await expect.poll(() => exercise().editor.text(), { timeout: 10_000 }).toBe('# two\n')
  }
  finally {
    await other.close()
  }
})

it('answers only for known exercises, and changes only from the deck\'s own page', async () => {
  const base = `${origin}/${TASK_FILES_PATH}`
  for (const name of ['..%2F..%2Fpackage.json', '06-build-folders%2F..%2F..%2Fslides.md', '99-nope', `${ID}/task.py`]) {
    const answer = await fetch(`${base}/${name}`)
    expect(answer.status, name).toBe(404)
    expect((await answer.json() as { error: string }).error).toContain('there is no exercise')
  }
  const put = (headers: Record<string, string>) => fetch(`${base}/${ID}`, { method: 'PUT', headers, body: JSON.stringify({ text: 'x', base: null }) })
  expect((await put({ 'Content-Type': 'text/plain' })).status).toBe(415)
  expect((await put({ 'Content-Type': 'application/json', 'Origin': 'http://evil.example' })).status).toBe(403)
  expect(readFileSync(task(), 'utf8')).not.toBe('x')
})

function exercise(on = page) {
  const root = on.locator(`[data-slidev-no="${slide}"] .exercise`)
  const box = root.locator('.ex-editor[data-editor="codemirror"]')
  return {
    root,
    editor: {
      waitFor: (options?: { timeout?: number }) => box.locator('.cm-content').waitFor({ state: 'attached', ...options }),
      text: () => box.evaluate(e => (e as unknown as { __editor: { text: string } }).__editor.text),
      setText: (text: string) => box.evaluate((e, t) => {
        (e as unknown as { __editor: { text: string } }).__editor.text = t
      }, text),
    },
  }
}

interface Verdict { name: string, status: string, message: string }

async function clickCheck(): Promise<Verdict[]> {
  const results = exercise().root.locator('.ex-results')
  await exercise().root.locator('button.ex-check').click()
  await results.and(page.locator('[data-state="checked"]')).waitFor({ timeout: 120_000 })
  return results.locator('.ex-case').evaluateAll(items => items.map(item => ({
    name: item.querySelector('.ex-case-name')?.textContent?.trim() ?? '',
    status: item.getAttribute('data-status') ?? '',
    message: (item.querySelector('.ex-message')?.textContent ?? '').trimEnd(),
  })))
}

/** `grader/cli.ts grade 06 --json` on the copy, as the deck shows verdicts (code without backticks). */
async function terminalVerdicts(): Promise<Verdict[]> {
  const { stdout } = await cli(['grade', ID, '--json', '--runtime', 'pyodide'])
  const report = JSON.parse(stdout) as { exercises: { id: string, tests: TerminalCase[] }[] }
  return report.exercises[0].tests.map(t => ({
    name: t.name,
    status: t.status,
    message: inlineCode((t.message ?? '').trimEnd()).map(p => p.text).join(''),
  }))
}

function cli(args: string[]): Promise<{ stdout: string, code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'grader/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, OS_WORKSHOP_DIR: project, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let stdout = ''
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString()
    })
    child.on('error', reject)
    child.on('close', code => resolve({ stdout, code }))
  })
}

function backups(): string[] {
  const dir = path.join(project, 'exercises', ID)
  return existsSync(dir) ? readdirSync(dir).filter(name => name.startsWith('task.backup-')) : []
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    }).on('error', reject)
  })
}

async function until(test: () => Promise<boolean>, timeout: number, message: string) {
  const end = Date.now() + timeout
  while (!(await test())) {
    if (Date.now() > end)
      throw new Error(message)
    await new Promise(resolve => setTimeout(resolve, 500))
  }
}
