import datetime as dt

from django.db.models import Q
from django.utils.translation import gettext as _

from zist.core.due import DueItem
from zist.training.models import Attendance, Certificate, Enrolment

# How long after a session its effectiveness is checked.
EFFECTIVENESS_AFTER = dt.timedelta(days=90)


def due_items(user, until):
    """Certificates expiring by `until` (for their holder, and for the leader and
    representative of the holder's unit) and effectiveness checks of attended training,
    due 90 days after the session (for the organising unit's leader and representative)."""
    certificates = (
        Certificate.objects.restrict(user, "view")
        .filter(expires_on__lte=until)
        .filter(
            Q(person__user=user)
            | Q(person__unit__leader=user)
            | Q(person__unit__representative=user)
        )
        .select_related("person", "person__unit")
    )
    for certificate in certificates:
        yield DueItem(
            key=f"certificate:{certificate.pk}:{certificate.expires_on.isoformat()}",
            title=str(certificate),
            due=certificate.expires_on,
            kind=_("Certificate expiry"),
            url=certificate.get_absolute_url(),
            unit=str(certificate.person.unit),
        )
    checks = (
        Enrolment.objects.restrict(user, "view")
        .filter(
            attendance=Attendance.ATTENDED,
            effectiveness="",
            session__date__lte=until - EFFECTIVENESS_AFTER,
        )
        .filter(Q(session__unit__leader=user) | Q(session__unit__representative=user))
        .select_related("person", "session", "session__course", "session__unit")
    )
    for enrolment in checks:
        yield DueItem(
            key=f"training-effectiveness:{enrolment.pk}",
            title=str(enrolment),
            due=enrolment.session.date + EFFECTIVENESS_AFTER,
            kind=_("Training effectiveness check"),
            url=enrolment.get_absolute_url(),
            unit=str(enrolment.session.unit),
        )
