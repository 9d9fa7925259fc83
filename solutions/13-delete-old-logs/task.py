"""Delete old log files (solution)"""
import os
import time


def delete_old_logs(folder, days):
    deleted = []
    now = time.time()
    limit = days * 86400  # seconds
    for name in os.listdir(folder):
        path = os.path.join(folder, name)
        # Only files: os.remove refuses a folder, even one named "old.log".
        if not os.path.isfile(path) or not name.endswith(".log"):
            continue
        if now - os.stat(path).st_mtime >= limit:
            os.remove(path)
            deleted.append(name)
    return sorted(deleted)


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
