"""Walk the whole tree (solution)"""
import os


def survey(root, ext):
    count, total, matches = 0, 0, []
    for folder, subfolders, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            count += 1
            total += os.path.getsize(path)
            # the system's own way of comparing names: Windows ignores case
            if os.path.normcase(name).endswith(os.path.normcase(ext)):
                matches.append(os.path.relpath(path, root).replace(os.sep, "/"))
    return {"files": count, "bytes": total, "matches": sorted(matches)}


if __name__ == "__main__":
    print(survey(".", ".py"))
