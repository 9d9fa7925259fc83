"""Exercise 14: Settings from the environment

Write read_settings(). It reads three environment variables and returns
a dictionary:

    "port"   WORKSHOP_PORT as an int; 8000 when it is not set
    "debug"  True when WORKSHOP_DEBUG is "1", "true" or "yes" (any capitals,
             spaces around allowed); False otherwise or when not set
    "name"   WORKSHOP_NAME as it is; "workshop" when it is not set

A port that is not a whole number ("eighty") raises ValueError: let it.

Check your work with:  npm run grade -- 14
"""
import os


def read_settings():
    # TODO 1: read WORKSHOP_PORT with a default (os.getenv(name, default))
    #         and turn it into an int
    # TODO 2: read WORKSHOP_DEBUG, clean it (.strip().lower()) and compare
    # TODO 3: read WORKSHOP_NAME with its default
    # TODO 4: return the three values in a dictionary
    return None


if __name__ == "__main__":
    # Try it yourself:
    #   Linux, macOS:        WORKSHOP_DEBUG=yes python task.py
    #   Windows cmd:         set WORKSHOP_DEBUG=yes   then   python task.py
    #   Windows PowerShell:  $env:WORKSHOP_DEBUG = "yes"   then   python task.py
    print(read_settings())
