"""PDF benchmark: render times of the biggest printed reports, as a ratio to the floor
(a one-page PDF with nothing but its title, rendered in the same run), so the figures
compare across machines.

    python benchmarks/pdf.py [--runs 3] [--findings 200] [--rows 500]

SQLite in benchmarks/data/pdf-sqlite (git-ignored), with the platform demo and Qazvin's
crisis demo. Reports, each through its page's own URL with `?format=pdf`, as the person
who prints it (Persian, Jalali, Persian digits unless said otherwise):
- Qazvin's approved crisis master plan (the biggest: ~18 pages, landscape matrices,
  drawings);
- an audit report with --findings findings;
- a register list of --rows units as a PDF (Danish, landscape).
Each time is the median of --runs renders, request to bytes (rendered in the request
here; Zist hands the plan and lists over 200 rows to a background job).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from monitoring import configure  # noqa: E402  (the benchmarks share their set-up)


def timed(get, runs: int) -> tuple[float, bytes]:
    times, content = [], b""
    for _ in range(runs):
        start = time.perf_counter()
        response = get()
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, response.status_code
        assert response["Content-Type"] == "application/pdf"
        content = response.content
    return statistics.median(times), content


def pages(content: bytes) -> int:
    import subprocess

    out = subprocess.run(["pdfinfo", "-"], input=content, capture_output=True).stdout.decode()
    return next(int(line.split()[-1]) for line in out.splitlines() if line.startswith("Pages:"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--findings", type=int, default=200)
    parser.add_argument("--rows", type=int, default=500)
    args = parser.parse_args()
    configure("sqlite", "", sqlite_folder="pdf-sqlite")

    from django.contrib.auth.models import AnonymousUser
    from django.test import Client, RequestFactory
    from django.urls import reverse
    from django.utils import translation

    from zist.audits.models import Audit, Finding
    from zist.core import pdf as core_pdf
    from zist.core.pdf import pdf_response
    from zist.crisis import demo as crisis_demo
    from zist.crisis.models import MasterPlan
    from zist.demo import platform
    from zist.organisations import services
    from zist.organisations.models import Unit
    from zist.users.models import RoleAssignment, User

    # The master plan and long lists are rendered by background jobs in Zist (decision
    # 0020); here each is rendered in the request, to time the render itself.
    core_pdf.set_background(None)
    platform.load()
    crisis_demo.load()
    region = Unit.objects.get(code="region2")
    district = Unit.objects.get(code="region2-d3")
    audit = Audit.objects.create(
        unit=district,
        title="ممیزی داخلی ناحیه ۳ — ۱۴۰۴",
        start_date=dt.date(2025, 10, 5),
        summary="انبارهای پسماند خطرناک بازدید شد. " * 20,
    )
    Finding.objects.bulk_create(
        Finding(
            audit=audit,
            unit=district,
            grade=("major", "minor", "observation")[n % 3],
            statement=f"پسماند خطرناک بدون برچسب در انبار شمارهٔ {n}؛ ظروف باز و بدون سینی.",
            evidence="بازدید میدانی و مصاحبه با مسئول انبار",
        )
        for n in range(args.findings)
    )
    albertslund = Unit.objects.filter(organisation__language="da", depth=1).first()
    parent = services.create_unit(albertslund, name="Benchmark", code="bench", kind="region")
    for n in range(args.rows):
        services.create_unit(parent, name=f"Institution {n:04}", code=f"b{n:04}", kind="site")
    printer = User.objects.create_user("bench-printer", home_unit=albertslund)
    RoleAssignment.objects.create(user=printer, role="environmental_manager", unit=parent)

    client = Client(SERVER_NAME="localhost")
    request = RequestFactory(SERVER_NAME="localhost").get("/en/")
    request.user = AnonymousUser()
    floor, _ = timed(
        lambda: pdf_response(request, "core/print_blank.html", {}, filename="floor", title="Zist"),
        args.runs * 3,
    )
    reports = []
    client.force_login(User.objects.get(username="qazvin.crisis"))
    plan = MasterPlan.objects.get(status="approved")
    with translation.override("fa"):
        url = reverse("crisis:masterplan_document", args=[plan.pk])
    reports.append(
        ("Qazvin master plan (fa)", *timed(lambda: client.get(url + "?format=pdf"), args.runs))
    )
    client.force_login(User.objects.get(username="region2.manager"))
    with translation.override("fa"):
        url = reverse("audits:audit_report", args=[audit.pk])
    label = f"audit report, {args.findings} findings (fa)"
    reports.append((label, *timed(lambda: client.get(url + "?format=pdf"), args.runs)))
    client.force_login(printer)
    with translation.override("da"):
        url = reverse("organisations:unit_list")
    label = f"unit list, {args.rows + 1} rows (da)"
    reports.append((label, *timed(lambda: client.get(url + "?export=pdf"), args.runs)))
    del region

    print(f"floor: one-page PDF {floor * 1000:.0f} ms (median of {args.runs * 3})")
    print(f"{'report':40} {'pages':>5} {'seconds':>8} {'× floor':>8} {'ms/page':>8}")
    for label, seconds, content in reports:
        n = pages(content)
        print(f"{label:40} {n:5} {seconds:8.2f} {seconds / floor:8.1f} {seconds / n * 1000:8.0f}")


if __name__ == "__main__":
    main()
