"""Environmental statement PDF benchmark: Region 2's Persian statement for 1404 (nine
districts, three years of readings and values, every Annex IV section), as the demo
loads it, rendered to PDF through zist.core.pdf. Target (issue 14): under 3 s.

    python benchmarks/statement_pdf.py --database sqlite --runs 5
    python benchmarks/statement_pdf.py --database postgresql --runs 5

Prints the time to compile the statement from the registers (a draft's page) and to
render the published statement's PDF (its frozen snapshot), median of --runs runs, each
also as a ratio to the floor (a one-page PDF with nothing but its title, rendered in the
same run), with the machine's load average (the figures are only comparable with it).
The first render of a process (fonts decompressed and loaded into fontconfig once, see
zist.core.pdf) is printed apart. In Zist the statement's PDF is rendered by a
background job (decision 0020); this times the render itself.
The PostgreSQL database `zist_bench_statement` is dropped and created again; SQLite
lives in benchmarks/data/statement-sqlite (git-ignored).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from monitoring import configure  # noqa: E402  (the benchmarks share their set-up)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument(
        "--url", default="postgresql://postgres@127.0.0.1:5432/zist_bench_statement"
    )
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    configure(args.database, args.url, "statement-sqlite")

    from django.test import RequestFactory
    from django.utils import translation

    from zist.core import calendars
    from zist.core.pdf import render_pdf
    from zist.demo.management.commands.demo import Command
    from zist.publication.compiler import compile_statement
    from zist.publication.models import Statement
    from zist.users.models import User

    started = time.perf_counter()
    Command().load()
    print(f"demo loaded in {time.perf_counter() - started:.1f} s")
    statement = Statement.objects.select_related("unit__organisation").get(
        unit__organisation__name="شهرداری تهران", year=1404, version=1
    )
    user = User.objects.get(username="region2.manager")
    request = RequestFactory(SERVER_NAME="127.0.0.1").get(
        f"/fa/publication/statements/{statement.pk}/document/"
    )
    request.user = user
    translation.activate("fa")
    calendars.activate(calendars.JALALI, calendars.PERSIAN_DIGITS)

    def timed(function) -> list[float]:
        times = []
        for _ in range(args.runs):
            begin = time.perf_counter()
            result = function()
            times.append(time.perf_counter() - begin)
        return times, result

    context = {"statement": statement, "data": statement.snapshot, "public": False}

    def render():
        return render_pdf(
            request,
            "publication/statement_page.html",
            context,
            title=statement.title,
            organisation=statement.unit.organisation,
        )

    begin = time.perf_counter()
    render()
    first = time.perf_counter() - begin
    floor_times, _ = timed(
        lambda: render_pdf(request, "core/print_blank.html", {}, title=statement.title)
    )
    compile_times, _ = timed(lambda: compile_statement(statement))
    pdf_times, content = timed(render)
    floor = statistics.median(floor_times)
    pages = next(
        line.split()[-1]
        for line in subprocess.run(["pdfinfo", "-"], input=content, capture_output=True)
        .stdout.decode()
        .splitlines()
        if line.startswith("Pages:")
    )
    print(f"| step ({args.database}) | median | × floor | runs |")
    print("|---|---|---|---|")
    print(f"| floor: one-page PDF | {floor:.3f} s | 1 | {args.runs} |")
    compiled = statistics.median(compile_times)
    print(
        f"| compile from the registers | {compiled:.2f} s | {compiled / floor:.0f} | {args.runs} |"
    )
    rendered = statistics.median(pdf_times)
    print(
        f"| render the PDF ({pages} pages) | {rendered:.2f} s | {rendered / floor:.0f} | {args.runs} |"
    )
    print(f"| first render of the process | {first:.2f} s | {first / floor:.0f} | 1 |")
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"PDF: {len(content) // 1024} KiB; target under 3 s; load average {load}")


if __name__ == "__main__":
    main()
