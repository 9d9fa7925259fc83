"""The harness: runs one exercise case (or one slide's script) and reports what it saw.

One package, loaded the same way by every runtime (CPython in a process of its own,
Pyodide in a Node process or a Web Worker). It only observes: the trusted side
(core/judge.ts) compares what it reports with the spec, and never sends the
expected values here. Python 3.9 syntax only.

    describe  values as JSON, short reprs
    folder    seeding a case's folder, reading it back without following links
    observe   captured output, errors as the learner should read them
    sandbox   guards against accidents, undone after every case
    entry     the entry points each runtime calls
"""
