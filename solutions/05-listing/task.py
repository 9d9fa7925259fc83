"""What is in this folder? (solution)"""
import os


def list_folder(path):
    result = {"files": [], "folders": [], "hidden": []}
    with os.scandir(path) as entries:
        for entry in entries:
            if entry.name.startswith("."):
                result["hidden"].append(entry.name)
            elif entry.is_dir():
                result["folders"].append(entry.name)
            else:
                result["files"].append(entry.name)
    # The operating system lists names in any order it likes.
    for names in result.values():
        names.sort()
    return result


if __name__ == "__main__":
    print(list_folder("."))
