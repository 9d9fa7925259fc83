"""Move a file without losing data (solution)"""
import os


def safe_move(src, dst):
    # On Linux and macOS os.rename would quietly replace dst, so look first.
    if os.path.exists(dst):
        return "exists"
    try:
        os.rename(src, dst)
    except FileNotFoundError:
        return "missing"
    except FileExistsError:  # Windows refuses instead of replacing
        return "exists"
    except PermissionError:
        return "denied"
    return "moved"


if __name__ == "__main__":
    print(safe_move("no-such-file.txt", "elsewhere.txt"))
