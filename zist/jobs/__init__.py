"""Background jobs. `enqueue(name, *args, user=...)` queues a registered job kind."""


def enqueue(name: str, *args, user=None, key: str | None = None):
    from zist.jobs import engine

    return engine.enqueue(name, *args, user=user, key=key)
