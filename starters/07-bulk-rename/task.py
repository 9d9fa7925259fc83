"""Exercise 07: Rename .txt to .md

Write rename_txt_to_md(folder). Every file directly inside `folder` whose
name ends in ".txt" gets renamed so it ends in ".md" instead
("notes.txt" becomes "notes.md").

Leave alone: folders, hidden files (names that start with "."), files in
subfolders, and other endings such as "report.txt.bak".

Never overwrite: when "notes.md" already exists, do not rename
"notes.txt". Return the sorted list of names you skipped for that reason.

Check your work with:  npm run grade -- 07
"""
import os


def rename_txt_to_md(folder):
    # TODO 1: start an empty list `skipped`
    # TODO 2: loop over sorted(os.listdir(folder))
    # TODO 3: split each name with os.path.splitext; keep only ".txt" files
    #         that are not hidden (os.path.isfile tells files from folders)
    # TODO 4: if the ".md" name already exists, add the name to `skipped`
    #         otherwise rename with os.rename(old_path, new_path)
    return None


if __name__ == "__main__":
    # Try it yourself: python task.py
    # It works in a throwaway folder, so your own files stay safe.
    import tempfile
    with tempfile.TemporaryDirectory() as play:
        for name in ["notes.txt", "notes.md", "todo.txt", "cat.jpg"]:
            open(os.path.join(play, name), "w").close()
        print(rename_txt_to_md(play))
        print(sorted(os.listdir(play)))
