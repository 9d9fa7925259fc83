"""Exercise 16: Save a report on every system

Write save_report(folder, name, text). Save `text` as the file `name` in
`folder` so that it works on Windows, Linux and macOS alike:

    1. make `folder` (and the folders above it) if it is missing
    2. write `text` to a temporary file: the report's name + ".tmp"
    3. move the temporary file onto the report with os.replace
    4. return the report's path, built with os.path.join

Check your work with:  npm run grade -- 16
"""
import os


def save_report(folder, name, text):
    # TODO 1: make the folder if it is missing (os.makedirs, exist_ok=True)
    # TODO 2: build the report's path and the temporary path with os.path.join
    # TODO 3: write the text to the temporary file in a `with` block
    # TODO 4: os.replace the temporary file onto the report
    # TODO 5: return the report's path
    return None


if __name__ == "__main__":
    # Try it yourself: python task.py
    print(save_report("reports", "june.txt", "sales up"))
