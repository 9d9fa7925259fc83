"""Exercise 01: Which OS am I on?

Write describe_os(parts). It returns a dictionary with four keys:

    "name"     the value of os.name ("posix", "nt", ...)
    "sep"      the value of os.sep ("/" or "\\")
    "windows"  True when os.name is "nt", otherwise False
    "path"     the strings in `parts` glued together with os.sep

Check your work with:  npm run grade -- 01
"""
import os


def describe_os(parts):
    # TODO 1: read os.name and os.sep
    # TODO 2: decide whether this is Windows (os.name == "nt")
    # TODO 3: glue `parts` together with os.sep (hint: "-".join(["a", "b"]) gives "a-b")
    # TODO 4: return the four values in a dictionary
    return None


if __name__ == "__main__":
    # Try it yourself: python task.py
    print(describe_os(["photos", "2024", "beach.jpg"]))
