"""Exercise 15: Move a file without losing data

Write safe_move(src, dst). Move the file `src` to the path `dst` and
return one word that says what happened:

    "moved"    it worked
    "missing"  `src` does not exist, or the folder of `dst` does not exist
    "exists"   something is already at `dst` (never overwrite it!)
    "denied"   the system said no (PermissionError)

Whatever happens, no file may be lost or changed, and no error escapes.

Check your work with:  npm run grade -- 15
"""
import os


def safe_move(src, dst):
    # TODO 1: if something is already at dst, return "exists"
    # TODO 2: try os.rename(src, dst)
    # TODO 3: catch FileNotFoundError, FileExistsError and PermissionError
    #         and return the matching word
    # TODO 4: if no error happened, return "moved"
    return None


if __name__ == "__main__":
    # Try it yourself: python task.py
    print(safe_move("no-such-file.txt", "elsewhere.txt"))
