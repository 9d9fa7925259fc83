"""Exercise 05: What is in this folder?

Write list_folder(path). It looks at the names directly inside `path`
(not deeper) and returns a dictionary of three sorted lists:

    "files"    names of the files
    "folders"  names of the folders
    "hidden"   every name that starts with "." (file or folder);
               these do not appear in the other two lists

Check your work with:  npm run grade -- 05
"""
import os


def list_folder(path):
    # TODO 1: start with {"files": [], "folders": [], "hidden": []}
    # TODO 2: go over the entries of `path` (os.scandir or os.listdir)
    # TODO 3: hidden first, then folder (entry.is_dir()) or file
    # TODO 4: sort the three lists and return the dictionary
    return None


if __name__ == "__main__":
    # Try it yourself: python task.py
    print(list_folder("."))
