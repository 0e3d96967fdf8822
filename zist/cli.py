"""The `zist` command: Django's manage.py for this project, plus `zist demo`."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] == "demo":
        # The demo serves plain HTTP on loopback with DEBUG off: cookies cannot be
        # "secure" there, or nobody could log in.
        os.environ.setdefault("ZIST_DEBUG", "0")
        os.environ.setdefault("ZIST_HTTPS", "0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zist.settings")
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(argv)
    except BrokenPipeError:
        # The reader went away (`zist demo --no-serve | head`): stop quietly, as other
        # command-line tools do, instead of a traceback. Python's own advice: point stdout
        # at devnull so that the interpreter's final flush cannot raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)


if __name__ == "__main__":
    main()
