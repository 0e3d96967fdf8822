"""`zist demo`: create the database, load the demo data and serve it on 127.0.0.1
through waitress, a production WSGI server (docs/decisions/0006-demo-wsgi-server.md)."""

from __future__ import annotations

import importlib
from importlib.util import find_spec

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from zist.demo import platform


def demo_modules() -> list:
    """The platform's demo data first, then each Zist app's own `demo.py`, in the order
    of INSTALLED_APPS (registers build on the platform and on each other)."""
    modules = [platform]
    for config in apps.get_app_configs():
        name = f"{config.name}.demo"
        if config.name.startswith("zist.") and config.name != "zist.demo" and find_spec(name):
            modules.append(importlib.import_module(name))
    return modules


class Command(BaseCommand):
    help = (
        "Create and migrate the database, load the demo dataset (running it again changes "
        "nothing), print the URL and the demo accounts, and serve on 127.0.0.1."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000, help="Port to serve on (8000).")
        parser.add_argument(
            "--no-serve", action="store_true", help="Load the data and stop without serving."
        )

    def handle(self, *args, port: int, no_serve: bool, **options):
        call_command("migrate", interactive=False, verbosity=0)
        self.load()
        self.print_accounts(port)
        if not no_serve:
            self.serve(port)

    def serve(self, port: int) -> None:
        """Serve the WSGI application as production does, not through `runserver`: the
        demo is what people try Zist with, so it must behave like a real installation
        (no debug server, static files through whitenoise, several threads)."""
        from waitress import serve

        from zist.wsgi import application

        serve(application, host="127.0.0.1", port=port, threads=8, ident="zist")

    def load(self) -> dict:
        totals: dict[str, int] = {}
        for module in demo_modules():
            with transaction.atomic():
                for key, count in module.load().items():
                    totals[key] = totals.get(key, 0) + count
        made = ", ".join(f"{key}: {count}" for key, count in totals.items() if count)
        self.stdout.write(f"Demo data loaded ({made or 'nothing new'}).")
        return totals

    def print_accounts(self, port: int) -> None:
        self.stdout.write(f"\nZist demo: http://127.0.0.1:{port}/")
        self.stdout.write(f"Accounts (password: {platform.PASSWORD}):")
        for account in platform.ACCOUNTS:
            where = (
                f"{account.role} on {account.on[1]} ({account.on[0]})"
                if account.on
                else ("superuser")
            )
            self.stdout.write(f"  {account.username:22} {where}")
        # The accounts an app's own demo adds (the regulator's, its assessors…).
        for module in demo_modules()[1:]:
            for username, where in getattr(module, "accounts", list)():
                self.stdout.write(f"  {username:22} {where}")
