"""Exercise 10: Walk the whole tree

Write survey(root, ext). Look at every file under `root`, at any depth,
hidden ones included, and return a dictionary:

    "files"    how many files there are
    "bytes"    their total size in bytes
    "matches"  the files whose name ends with `ext` (for example ".py"),
               as paths relative to `root` with "/" between the parts,
               sorted: ["lib/util.py", "main.py"]

Folders are not counted.

Check your work with:  npm run grade -- 10
"""
import os


def survey(root, ext):
    # TODO 1: start a counter, a total and an empty list
    # TODO 2: for folder, subfolders, files in os.walk(root): ...
    # TODO 3: for each file, add 1 and its size (os.path.getsize)
    # TODO 4: for a match, store os.path.relpath(path, root) with os.sep
    #         replaced by "/"
    # TODO 5: return the dictionary, with the matches sorted
    return None


if __name__ == "__main__":
    # Try it yourself: python task.py
    print(survey(".", ".py"))
