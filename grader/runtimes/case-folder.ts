// A case's folder on the real disk (the CPython runtime): seeded and read back by the
// grader itself, so what the learner's process reports can never stand in for what it
// did to the folder. Reading never follows a link; an entry it cannot read is listed by
// its size. The same rules as core/harness/folder.py, which does this inside Pyodide.

import type { Tree } from '../../core/spec'
import { chmodSync, chownSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** Files up to this size are compared by their text; larger ones by their size. */
const TEXT_LIMIT = 4096
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

export function seedTree(root: string, tree: Tree) {
  for (const rel of Object.keys(tree).sort()) {
    const path = join(root, ...rel.replace(/\/$/, '').split('/'))
    if (rel.endsWith('/')) {
      mkdirSync(path, { recursive: true })
      continue
    }
    mkdirSync(dirname(path), { recursive: true })
    const value = tree[rel]
    writeFileSync(path, typeof value === 'string' ? value : 'x'.repeat(value.size))
  }
}

/** Sets each file's last modification (and access) to that many days ago. */
export function ageFiles(root: string, ages: Record<string, number>, now = Date.now() / 1000) {
  for (const [rel, days] of Object.entries(ages)) {
    const moment = now - days * 86400
    utimesSync(join(root, ...rel.replace(/\/$/, '').split('/')), moment, moment)
  }
}

/** Days since each file's last modification (null where it is no file), as the harness's file_ages. */
export function fileAges(root: string, paths: string[], now = Date.now() / 1000): Record<string, number | null> {
  const ages: Record<string, number | null> = {}
  for (const rel of paths) {
    try {
      const info = lstatSync(join(root, ...rel.split('/')))
      ages[rel] = info.isFile() ? (now - info.mtimeMs / 1000) / 86400 : null
    }
    catch {
      ages[rel] = null
    }
  }
  return ages
}

export function readTree(root: string): Tree {
  const found: Tree = {}
  const visit = (folder: string, prefix: string) => {
    let names: string[]
    try {
      names = readdirSync(folder)
    }
    catch {
      return
    }
    for (const name of names) {
      const path = join(folder, name)
      let info
      try {
        info = lstatSync(path)
      }
      catch {
        found[prefix + name] = { size: 0 }
        continue
      }
      if (info.isDirectory()) {
        found[`${prefix}${name}/`] = ''
        visit(path, `${prefix}${name}/`)
      }
      else {
        found[prefix + name] = info.isFile() ? describeFile(path, info.size) : { size: info.size }
      }
    }
  }
  visit(root, '')
  return found
}

function describeFile(path: string, size: number): Tree[string] {
  if (size <= TEXT_LIMIT) {
    try {
      return utf8.decode(readFileSync(path))
    }
    catch {}
  }
  return { size }
}

/** Hands the folder and everything in it to another user (the tests' unprivileged runs). */
export function chownTree(root: string, uid: number, gid: number) {
  chownSync(root, uid, gid)
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true }))
    chownSync(join(entry.parentPath, entry.name), uid, gid)
}

/** Removes the folder, even where the learner's code took its own rights away. */
export function removeFolder(root: string) {
  try {
    rmSync(root, { recursive: true, force: true })
  }
  catch {
    const open = (path: string) => {
      try {
        chmodSync(path, 0o700)
        for (const name of readdirSync(path)) {
          if (lstatSync(join(path, name)).isDirectory())
            open(join(path, name))
        }
      }
      catch {}
    }
    open(root)
    rmSync(root, { recursive: true, force: true })
  }
}
