"""Exercise 02: Where does os come from?

os is Python code from the standard library folder (never site-packages).
Python loads it while starting up, so it is in sys.modules before your
first line runs; since Python 3.11 that copy is frozen into Python itself,
and os.__file__ names its source file, os.py. Write where_os_lives(). It
returns a dictionary:

    "loaded"       True if "os" is in sys.modules (the modules loaded so far)
    "file"         the file name of os.__file__, without its folder
    "on_path"      True if the folder of os.__file__ is in sys.path
                   (the list of folders Python searches for imports)
    "path_module"  the name of the module behind os.path (os.path.__name__)

Check your work with:  npm run grade -- 02
"""
import os


def where_os_lives():
    # TODO 1: import sys (at the top of the file)
    # TODO 2: look at os.__file__; split it with os.path.basename / os.path.dirname
    # TODO 3: test "os" in sys.modules and the folder in sys.path
    # TODO 4: read os.path.__name__ and return the four values
    return None


if __name__ == "__main__":
    # Try it yourself: python task.py
    print(where_os_lives())
    print("os was loaded from:", os.__file__)
