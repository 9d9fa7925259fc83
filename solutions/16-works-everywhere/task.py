"""Save a report on every system (solution)"""
import os


def save_report(folder, name, text):
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, name)
    temporary = path + ".tmp"
    with open(temporary, "w") as handle:
        handle.write(text)
    # os.rename would refuse on Windows when the report is already there
    os.replace(temporary, path)
    return path


if __name__ == "__main__":
    # Try it yourself: python task.py
    print(save_report("reports", "june.txt", "sales up"))
