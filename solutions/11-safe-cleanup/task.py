"""Remove empty folders safely (solution)"""
import os


def remove_empty_folders(root):
    removed = []
    # Bottom-up: a folder's children are handled before the folder itself.
    for folder, subfolders, files in os.walk(root, topdown=False):
        if folder == root:
            continue
        # Ask again now: `subfolders` was listed before any child was removed.
        if not os.listdir(folder):
            os.rmdir(folder)
            removed.append(os.path.relpath(folder, root).replace(os.sep, "/"))
    return sorted(removed)


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
