"""Exercise 04: Working with paths

Write plan_paths(path, new_ext). Pure string work: do not touch the disk.
First tidy `path` with os.path.normpath, then return a dictionary:

    "folder"   the folder part ("" when there is none)
    "name"     the file name
    "renamed"  the same path with the last extension swapped for `new_ext`
               (added when there is no extension)
    "backup"   the file's name inside a "backup" folder next to it

Use "/" between the parts in every value you return, on every system.
For "docs/report.txt" and ".md" that gives:
    {"folder": "docs", "name": "report.txt",
     "renamed": "docs/report.md", "backup": "docs/backup/report.txt"}

Check your work with:  npm run grade -- 04
"""
import os


def plan_paths(path, new_ext):
    # TODO 1: tidy the path with os.path.normpath
    # TODO 2: split it with os.path.dirname and os.path.basename
    # TODO 3: get the name without its extension with os.path.splitext
    # TODO 4: build "renamed" and "backup" with os.path.join
    # TODO 5: replace os.sep with "/" in each value and return the dictionary
    return None


if __name__ == "__main__":
    # Try it yourself: python task.py
    print(plan_paths("docs/report.txt", ".md"))
