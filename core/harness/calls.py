"""Replacement calls that look like the built-in ones they stand in for.

print(os.listdir) shows <built-in function listdir>, help(os.remove) shows the real
documentation and signature, os.scandir gives a posix (or nt) ScandirIterator:
learner code should not see the harness.
"""


class BuiltinLike:
    """A call of the harness, dressed as the built-in function it replaces."""

    def __init__(self, function, original):
        self._function = function
        self.__wrapped__ = original  # inspect.signature and help() read the original's
        self.__name__ = getattr(original, "__name__", "function")
        self.__qualname__ = getattr(original, "__qualname__", self.__name__)
        self.__module__ = getattr(original, "__module__", None)
        self.__doc__ = getattr(original, "__doc__", None)

    def __call__(self, *args, **kwargs):
        return self._function(*args, **kwargs)

    def __get__(self, instance, owner=None):  # never bound, like a built-in: help() treats it as a routine
        return self

    def __repr__(self):
        return "<built-in function %s>" % self.__name__


def builtin_like(function, original):
    while hasattr(original, "__wrapped__"):  # the built-in under the sandbox's own guards
        original = original.__wrapped__
    return BuiltinLike(function, original)


class Listing:
    """What os.scandir returns: the given entries, in the given order."""

    def __init__(self, entries):
        self._entries = iter(entries)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._entries)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def close(self):
        self._entries = iter(())


def scandir_iterator(module):
    """The listing class, named as `module` (posix or nt) names its ScandirIterator."""
    return type("ScandirIterator", (Listing,), {"__module__": module, "__qualname__": "ScandirIterator"})
