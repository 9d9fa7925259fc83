"""Where does os come from? (solution)"""
import os
import sys


def where_os_lives():
    return {
        "loaded": "os" in sys.modules,
        "file": os.path.basename(os.__file__),
        "on_path": os.path.dirname(os.__file__) in sys.path,
        "path_module": os.path.__name__,
    }


if __name__ == "__main__":
    print(where_os_lives())
