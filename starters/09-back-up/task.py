"""Exercise 09: Back up a folder with shutil

Write back_up(src, dst). Copy everything directly inside the folder `src`
into the folder `dst` (make `dst` first if it is missing, parents too):
each file with shutil.copy2, so it keeps its modification time, and each
folder whole with shutil.copytree. Skip every name `dst` already has:
never overwrite a file, never copy into an existing folder.

Return the sorted list of the names you copied: ["photos", "plan.md"].

Check your work with:  npm run grade -- 09
"""
import os
import shutil


def back_up(src, dst):
    # TODO 1: make dst, and any missing parent: os.makedirs(dst, exist_ok=True)
    # TODO 2: start an empty list `copied`; loop over os.listdir(src)
    # TODO 3: skip the name when dst already has it:
    #         os.path.exists(os.path.join(dst, name))
    # TODO 4: a folder (os.path.isdir): shutil.copytree(from_path, to_path);
    #         a file: shutil.copy2(from_path, to_path)
    # TODO 5: remember the name; return the sorted list
    return None


if __name__ == "__main__":
    # Try it yourself: python task.py
    # It works in a throwaway folder, so your own files stay safe.
    import tempfile
    with tempfile.TemporaryDirectory() as play:
        project = os.path.join(play, "project")
        os.makedirs(os.path.join(project, "photos"))
        with open(os.path.join(project, "plan.md"), "w") as f:
            f.write("# plan")
        open(os.path.join(project, "photos", "cat.jpg"), "w").close()
        backup = os.path.join(play, "backup")
        print(back_up(project, backup))
        print(back_up(project, backup))  # a second time: nothing new to copy
        print(sorted(os.listdir(backup)))
