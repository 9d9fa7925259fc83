"""Exercise 03: Where am I?

Write peek(folder). It steps into `folder` with os.chdir, looks around,
and steps back to where it started. It returns a dictionary:

    "inside"   the name of the folder it stood in (the last part of os.getcwd())
    "entries"  how many names os.listdir() shows there (files and folders)

When peek returns, the current folder must be the same as before the call.

Check your work with:  npm run grade -- 03
"""
import os


def peek(folder):
    # TODO 1: remember where you are now (os.getcwd())
    # TODO 2: step into `folder` (os.chdir)
    # TODO 3: note the folder's name (os.path.basename(os.getcwd()))
    #         and count what is there (len(os.listdir()))
    # TODO 4: step back to where you started, then return the dictionary
    return None


if __name__ == "__main__":
    # Try it yourself: python task.py
    print(peek("."))
    print("Still here:", os.getcwd())
