"""Exercise 06: Build a set of folders

Write build_folders(root, names). For each name in `names` (for example
"music" or "2024/06/beach"), make that folder inside `root`, with any
missing parent folders. A folder that is already there is not an error.

Return the list of names whose folder did NOT exist before, in the order
they were given. A name given twice is reported only once.

Check your work with:  npm run grade -- 06
"""
import os


def build_folders(root, names):
    # TODO 1: start an empty list `created`
    # TODO 2: for each name, build its path with os.path.join(root, name)
    # TODO 3: remember whether it was already a folder (os.path.isdir)
    # TODO 4: make it with os.makedirs(path, exist_ok=True)
    # TODO 5: if it is new, add the name to `created`; return `created`
    return None


if __name__ == "__main__":
    # Try it yourself: python task.py
    # It works in a throwaway folder, so nothing here changes.
    import tempfile
    with tempfile.TemporaryDirectory() as play:
        print(build_folders(play, ["photos", "2024/06/beach"]))
        print(build_folders(play, ["photos", "music"]))  # photos is already there
