"""Rename .txt to .md (solution)"""
import os


def rename_txt_to_md(folder):
    skipped = []
    for name in sorted(os.listdir(folder)):
        stem, ext = os.path.splitext(name)
        path = os.path.join(folder, name)
        if ext != ".txt" or name.startswith(".") or not os.path.isfile(path):
            continue
        target = os.path.join(folder, stem + ".md")
        # os.rename would silently overwrite on Linux and macOS, so look first.
        if os.path.exists(target):
            skipped.append(name)
        else:
            os.rename(path, target)
    return skipped


if __name__ == "__main__":
    # Try it yourself: python task.py
    # It works in a throwaway folder, so your own files stay safe.
    import tempfile
    with tempfile.TemporaryDirectory() as play:
        for name in ["notes.txt", "notes.md", "todo.txt", "cat.jpg"]:
            open(os.path.join(play, name), "w").close()
        print(rename_txt_to_md(play))
        print(sorted(os.listdir(play)))
