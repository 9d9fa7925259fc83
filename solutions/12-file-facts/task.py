"""Find the largest file (solution)"""
import os


def largest_file(folder):
    best = None
    # Sorted order plus a strict ">" means a tie keeps the first name.
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            size = os.stat(path).st_size
            if best is None or size > best[1]:
                best = (name, size)
    return best


if __name__ == "__main__":
    print(largest_file("."))
