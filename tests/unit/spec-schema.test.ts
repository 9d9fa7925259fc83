// exercises/spec.schema.json, the JSON Schema an editor uses to complete and check a spec.json,
// says what the grader's own validation (core/spec.ts) says: every spec of the course passes
// both, each malformed spec fails both, and the two list the same keys.

import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import Ajv2020 from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { CASE_KEYS, EXPECT_KEYS, SPEC_KEYS, validateSpec } from '../../core/spec'

const EXERCISES = path.join(import.meta.dirname, '..', '..', 'exercises')
const schema = JSON.parse(readFileSync(path.join(EXERCISES, 'spec.schema.json'), 'utf8'))
const check = new Ajv2020({ allErrors: true, strictTypes: true }).compile(schema)
const specs = readdirSync(EXERCISES).filter(name => /^\d\d-/.test(name)).map(id => ({ id, raw: readFileSync(path.join(EXERCISES, id, 'spec.json'), 'utf8') }))

const good = { title: 'T', call: 'f', hints: [], cases: [{ name: 'c', expect: { return: 1 } }] }
const withCase = (c: Record<string, unknown>) => ({ ...good, cases: [{ name: 'c', expect: { return: 1 }, ...c }] })

describe('spec.schema.json', () => {
  it('is named by every spec of the course, which it accepts', () => {
    expect(specs.length).toBeGreaterThan(10)
    for (const { id, raw } of specs) {
      const spec = JSON.parse(raw)
      expect(spec.$schema, `${id}/spec.json names the schema first`).toBe('../spec.schema.json')
      expect(raw.indexOf('"$schema"'), `${id}/spec.json: "$schema" comes first`).toBe(4)
      expect(check(spec), `${id}/spec.json: ${JSON.stringify(check.errors)}`).toBe(true)
      expect(() => validateSpec(spec, id)).not.toThrow()
    }
  })

  it.each([
    ['an unknown top-level key', { ...good, tittle: 'T' }],
    ['no call', { ...good, call: undefined }],
    ['a call that is not a name', { ...good, call: 'not a name' }],
    ['no cases', { ...good, cases: [] }],
    ['a timeout over a minute', { ...good, timeout: 600 }],
    ['a case without a name', { ...good, cases: [{ expect: { return: 1 } }] }],
    ['a misspelt case key', withCase({ expct: {} })],
    ['an empty expect', withCase({ expect: {} })],
    ['a misspelt check', withCase({ expect: { retrun: 1 } })],
    ['the old name of cwd_after', withCase({ expect: { cwd: '.' } })],
    ['return and return_expr', withCase({ expect: { return: 1, return_expr: 'os.sep' } })],
    ['tree and unchanged', withCase({ expect: { tree: {}, unchanged: true } })],
    ['a path out of the folder', withCase({ tree: { '../x': '' } })],
    ['a Windows path', withCase({ tree: { 'a\\b': '' } })],
    ['a number in the environment', withCase({ env: { PORT: 8000 } })],
    ['an unknown house', withCase({ profiles: ['macos'] })],
    ['no house', withCase({ profiles: [] })],
    ['a house inside a house', withCase({ expect: { return: 1, windows: { linux: { return: 2 } } } })],
    ['an empty house', withCase({ expect: { return: 1, windows: {} } })],
    ['a negative age', withCase({ tree: { 'a.log': '' }, ages: { 'a.log': -1 } })],
    ['an exception that is not a name', withCase({ expect: { raises: 'File Not Found' } })],
  ])('rejects %s, as the grader does', (_, spec) => {
    expect(check(spec), 'the schema').toBe(false)
    expect(() => validateSpec(spec, 'spec.json'), 'the grader').toThrow()
  })

  it('lists the keys the grader knows, and no other', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...SPEC_KEYS].sort())
    expect(Object.keys(schema.$defs.case.properties).sort()).toEqual([...CASE_KEYS].sort())
    expect(Object.keys(schema.$defs.checks.properties).sort()).toEqual([...EXPECT_KEYS].sort())
  })
})
