"""Exercise 13: Delete old log files

Write delete_old_logs(folder, days). Delete every file directly inside
`folder` whose name ends in ".log" and that was last modified `days`
days ago or more. Leave everything else alone: other files, younger
logs, subfolders and what is inside them.

Return the sorted list of the deleted names: ["app.log", "server.log"].

Check your work with:  npm run grade -- 13
"""
import os
import time


def delete_old_logs(folder, days):
    # TODO 1: start an empty list `deleted` and note now = time.time()
    # TODO 2: loop over os.listdir(folder); build the full path with
    #         os.path.join(folder, name)
    # TODO 3: skip anything that is not a file (os.path.isfile) or whose
    #         name does not end in ".log"
    # TODO 4: the age in seconds is now - os.stat(path).st_mtime; when it is
    #         days * 86400 or more, os.remove(path) and remember the name
    # TODO 5: return the sorted list
    return None


if __name__ == "__main__":
    # Try it yourself: python task.py
    # It works in a throwaway folder, so your own files stay safe.
    import tempfile
    with tempfile.TemporaryDirectory() as play:
        for name, age in [("old.log", 30), ("new.log", 1), ("notes.txt", 30)]:
            path = os.path.join(play, name)
            open(path, "w").close()
            moment = time.time() - age * 86400
            os.utime(path, (moment, moment))  # pretend it was last modified `age` days ago
        print(delete_old_logs(play, 7))
        print(sorted(os.listdir(play)))
