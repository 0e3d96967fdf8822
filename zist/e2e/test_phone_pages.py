"""The ten pages people use most, on a 390×844 phone in Persian and in Danish: axe-core
finds no accessibility violation on any of them, and no visible control is smaller
than 44 px in either direction.

axe-core is vendored (zist/e2e/vendor/axe.min.js, from the npm registry; decision
0015) and injected by the test into each page: Zist itself never loads it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from zist.audits import services as audit_services
from zist.audits.models import Audit
from zist.clauses.services import iso14001
from zist.e2e import log_in, screenshot
from zist.meters.models import Reading
from zist.meters.testing import make_meter
from zist.organisations.models import Unit

pytestmark = pytest.mark.e2e

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
MIN_TARGET = 44

# Every visible control smaller than 44×44 px: buttons, fields, selects, disclosure
# summaries and links. A checkbox or radio button counts with its label (tapping the
# label ticks it). Left out, as WCAG 2.5.8 leaves them out: a link inside a sentence
# (its parent has more text than the link), and what is hidden or visually hidden.
SMALL_CONTROLS = """(min) => {
  const hidden = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.visibility === "hidden" || style.clipPath !== "none") return true;
    }
    return false;
  };
  const inSentence = (a) => {
    const parent = a.parentElement;
    return getComputedStyle(a).display === "inline"
      && parent.textContent.trim().length > a.textContent.trim().length;
  };
  const box = (el) => {
    let r = el.getBoundingClientRect();
    let [top, left, bottom, right] = [r.top, r.left, r.bottom, r.right];
    if (el.type === "checkbox" || el.type === "radio") {
      for (const label of el.labels) {
        const l = label.getBoundingClientRect();
        top = Math.min(top, l.top); left = Math.min(left, l.left);
        bottom = Math.max(bottom, l.bottom); right = Math.max(right, l.right);
      }
    }
    return {width: right - left, height: bottom - top, right, left};
  };
  return Array.from(document.querySelectorAll(
      "a[href], button, input:not([type=hidden]), select, textarea, summary"))
    .filter((el) => el.getClientRects().length > 0 && !hidden(el))
    .filter((el) => !(el.tagName === "A" && inSentence(el)))
    .map((el) => [el, box(el)])
    .filter(([el, b]) => b.right > 0 && b.left < window.innerWidth)
    .filter(([el, b]) => b.width < min - 0.5 || b.height < min - 0.5)
    .map(([el, b]) => `${el.tagName.toLowerCase()} "${(el.textContent || el.name || el.id).trim().slice(0, 40)}" ${Math.round(b.width)}×${Math.round(b.height)}`);
}"""


def axe_violations(page) -> list[str]:
    # Evaluated through the browser's devtools protocol, not as a <script>: Zist's
    # Content-Security-Policy (script-src 'self') rightly refuses inline scripts.
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert result["passes"], "axe checked nothing"
    return [
        f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
        for v in result["violations"]
    ]


def small_controls(page) -> list[str]:
    return page.evaluate(SMALL_CONTROLS, MIN_TARGET)


def key_pages(lang: str, unit: Unit, meter, audit) -> dict[str, str]:
    def url(name, *args):
        with translation.override(lang):
            return reverse(name, args=args)

    return {
        "home": f"/{lang}/",
        "list": url("meters:meter_list"),
        "detail": url("meters:meter_detail", meter.pk),
        "add form": url("actions:action_add"),
        "readings grid": url("meters:reading_grid") + f"?unit={unit.pk}",
        "checklist": url("audits:audit_checklist", audit.pk),
        "my tasks": url("tasks:my_tasks"),
        "history": url("meters:meter_history", meter.pk),
        "green accounts": url("indicators:green_accounts") + f"?unit={unit.pk}",
    }


def setup_unit(unit: Unit, prefix: str):
    meter = make_meter(unit, code=f"{prefix}-EL", interval="daily")
    make_meter(unit, code=f"{prefix}-VA", carrier="water", measure_unit="m³")
    Reading.objects.create(
        meter=meter, timestamp=dt.datetime(2026, 11, 1, 8, tzinfo=dt.UTC), value=750100.4
    )
    audit = Audit.objects.create(
        unit=unit, title=f"{prefix} audit", start_date="2026-12-01", status="in_progress"
    )
    audit.clauses.set(iso14001().clauses.filter(number__in=["6.1.2", "8.1"]))
    audit_services.generate_checklist(audit)
    return meter, audit


@pytest.mark.parametrize(
    ("lang", "username", "unit_code"),
    [("fa", "district3.rep", "region2-d3"), ("da", "albertslund.rep", "bibliotek")],
)
def test_the_key_pages_pass_axe_and_have_44_px_targets_on_a_phone(
    phone390, lang, username, unit_code
):
    unit = Unit.objects.get(code=unit_code, organisation__language=lang)
    meter, audit = setup_unit(unit, unit_code[:3].upper())
    problems: dict[str, list[str]] = {}

    phone390.goto(f"/{lang}/login/")
    problems["login"] = axe_violations(phone390) + small_controls(phone390)
    log_in(phone390, username)
    for name, path in key_pages(lang, unit, meter, audit).items():
        phone390.goto(path)
        found = axe_violations(phone390) + small_controls(phone390)
        screenshot(phone390, f"{lang}-phone-{name.replace(' ', '-')}")
        if name == "home":
            # …and with the header's menu open.
            phone390.locator("header summary.menu-toggle").tap()
            screenshot(phone390, f"{lang}-phone-menu-open")
            found += [
                f"menu open: {p}" for p in axe_violations(phone390) + small_controls(phone390)
            ]
        problems[name] = found
    assert len(problems) == 10
    assert {name: found for name, found in problems.items() if found} == {}
