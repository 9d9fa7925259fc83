"""Back up a folder with shutil (solution)"""
import os
import shutil


def back_up(src, dst):
    os.makedirs(dst, exist_ok=True)
    copied = []
    for name in os.listdir(src):
        source = os.path.join(src, name)
        target = os.path.join(dst, name)
        # copy2 would quietly replace a file, copytree would raise: look first.
        if os.path.exists(target):
            continue
        if os.path.isdir(source):
            shutil.copytree(source, target)  # the folder and all it holds
        else:
            shutil.copy2(source, target)  # keeps the modification time
        copied.append(name)
    return sorted(copied)


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
