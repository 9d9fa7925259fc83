"""Working with paths (solution)"""
import os


def plan_paths(path, new_ext):
    path = os.path.normpath(path)
    folder = os.path.dirname(path)
    name = os.path.basename(path)
    stem = os.path.splitext(name)[0]
    plan = {
        "folder": folder,
        "name": name,
        "renamed": os.path.join(folder, stem + new_ext),
        "backup": os.path.join(folder, "backup", name),
    }
    # Same answer on every system: always "/" between the parts.
    return {key: value.replace(os.sep, "/") for key, value in plan.items()}


if __name__ == "__main__":
    print(plan_paths("docs/report.txt", ".md"))
