"""Exercise 08: Tidy files by extension

Write tidy(folder). Move every file directly inside `folder` into a
subfolder named after its extension, in lower case and without the dot:
"cat.JPG" goes to "jpg/cat.JPG", "backup.tar.gz" goes to "gz/". Files
with no extension ("Makefile") go to "other/". Make the subfolders as
needed; reuse them if they already exist.

Leave alone: folders (and what is in them) and hidden files.

Return a dictionary: subfolder name -> sorted list of the file names
moved into it. Nothing to move gives {}.

Check your work with:  npm run grade -- 08
"""
import os


def tidy(folder):
    # TODO 1: start an empty dictionary `moved`
    # TODO 2: loop over sorted(os.listdir(folder)); skip hidden names and folders
    # TODO 3: find the extension with os.path.splitext; pick the subfolder name
    # TODO 4: make the subfolder (os.makedirs(..., exist_ok=True))
    # TODO 5: move the file with os.replace(old_path, new_path) and note it in `moved`
    return None


if __name__ == "__main__":
    # Try it yourself: python task.py
    # It works in a throwaway folder, so your own files stay safe.
    import tempfile
    with tempfile.TemporaryDirectory() as play:
        for name in ["cat.jpg", "dog.JPG", "notes.txt", "Makefile"]:
            open(os.path.join(play, name), "w").close()
        print(tidy(play))
        print(sorted(os.listdir(play)))
