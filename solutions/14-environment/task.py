"""Settings from the environment (solution)"""
import os

TRUE_WORDS = ("1", "true", "yes")


def read_settings():
    port = int(os.getenv("WORKSHOP_PORT", "8000"))
    debug = os.getenv("WORKSHOP_DEBUG", "").strip().lower() in TRUE_WORDS
    name = os.getenv("WORKSHOP_NAME", "workshop")
    return {"port": port, "debug": debug, "name": name}


if __name__ == "__main__":
    print(read_settings())
