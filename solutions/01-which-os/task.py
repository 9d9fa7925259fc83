"""Which OS am I on? (solution)"""
import os


def describe_os(parts):
    return {
        "name": os.name,
        "sep": os.sep,
        "windows": os.name == "nt",
        "path": os.sep.join(parts),
    }


if __name__ == "__main__":
    print(describe_os(["photos", "2024", "beach.jpg"]))
