"""Build a set of folders (solution)"""
import os


def build_folders(root, names):
    created = []
    for name in names:
        path = os.path.join(root, name)
        existed = os.path.isdir(path)
        # Makes missing parents too; no error if the folder is already there.
        os.makedirs(path, exist_ok=True)
        if not existed:
            created.append(name)
    return created


if __name__ == "__main__":
    # Try it yourself: python task.py
    # It works in a throwaway folder, so nothing here changes.
    import tempfile
    with tempfile.TemporaryDirectory() as play:
        print(build_folders(play, ["photos", "2024/06/beach"]))
        print(build_folders(play, ["photos", "music"]))  # photos is already there
