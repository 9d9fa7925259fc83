"""Exercise 11: Remove empty folders safely

Write remove_empty_folders(root). Remove every empty folder below `root`,
including folders that only become empty because their empty subfolders
were removed. Never remove a file, a folder that still holds something
(even a hidden file), or `root` itself.

Return the sorted list of removed folders, as paths relative to `root`
with "/" between the parts: ["a", "a/b"].

Check your work with:  npm run grade -- 11
"""
import os


def remove_empty_folders(root):
    # TODO 1: start an empty list `removed`
    # TODO 2: walk bottom-up: os.walk(root, topdown=False)
    # TODO 3: skip `root` itself; for any other folder, check os.listdir(folder)
    #         right now, and if it is empty remove it with os.rmdir
    # TODO 4: note its path relative to root (os.path.relpath, "/" separators)
    # TODO 5: return the sorted list
    return None


if __name__ == "__main__":
    # Try it yourself: python task.py
    # It works in a throwaway folder, so your own folders stay safe.
    import tempfile
    with tempfile.TemporaryDirectory() as play:
        os.makedirs(os.path.join(play, "a", "b", "c"))
        os.makedirs(os.path.join(play, "photos"))
        open(os.path.join(play, "photos", "beach.jpg"), "w").close()
        print(remove_empty_folders(play))
        print(sorted(os.listdir(play)))
