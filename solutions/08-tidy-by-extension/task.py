"""Tidy files by extension (solution)"""
import os


def tidy(folder):
    moved = {}
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        ext = os.path.splitext(name)[1]
        group = ext[1:].lower() if ext else "other"
        os.makedirs(os.path.join(folder, group), exist_ok=True)
        os.replace(path, os.path.join(folder, group, name))
        moved.setdefault(group, []).append(name)
    return moved


if __name__ == "__main__":
    # Try it yourself: python task.py
    # It works in a throwaway folder, so your own files stay safe.
    import tempfile
    with tempfile.TemporaryDirectory() as play:
        for name in ["cat.jpg", "dog.JPG", "notes.txt", "Makefile"]:
            open(os.path.join(play, name), "w").close()
        print(tidy(play))
        print(sorted(os.listdir(play)))
