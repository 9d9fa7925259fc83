"""Values the learner's function returned, as JSON the trusted side can compare."""

MAX_DEPTH = 20
REPR_LIMIT = 300


def to_json(value, depth=0):
    if depth > MAX_DEPTH:
        raise TypeError("nested too deeply")
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return [to_json(item, depth + 1) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted((to_json(item, depth + 1) for item in value), key=repr)
    if isinstance(value, dict):
        return {str(key): to_json(item, depth + 1) for key, item in value.items()}
    raise TypeError(type(value).__name__)


def describe_value(value):
    """{"value": json, "repr": text}, or {"repr", "type"} for what JSON cannot hold."""
    try:
        return {"value": to_json(value), "repr": short_repr(value)}
    except Exception:
        return {"repr": short_repr(value), "type": type(value).__name__}


def short_repr(value):
    try:
        text = repr(value)
    except Exception:
        text = "<%s>" % type(value).__name__
    if not isinstance(text, str):
        text = "<%s>" % type(value).__name__
    return text if len(text) <= REPR_LIMIT else text[:REPR_LIMIT] + "..."
