"""Exercise 12: Find the largest file

Write largest_file(folder). Look at the files directly inside `folder`
(hidden ones too; ignore folders and what is in them) and return the
biggest one as a pair (name, size in bytes), for example ("b.bin", 3000).

If two files share the biggest size, pick the name that comes first in
sorted order. If there are no files at all, return None.

Check your work with:  npm run grade -- 12
"""
import os


def largest_file(folder):
    # TODO 1: start with best = None
    # TODO 2: loop over sorted(os.listdir(folder)); skip anything that is
    #         not a file (os.path.isfile)
    # TODO 3: read the size with os.stat(path).st_size
    # TODO 4: keep (name, size) when it beats the best so far; return best
    return None


if __name__ == "__main__":
    # Try it yourself: python task.py
    print(largest_file("."))
