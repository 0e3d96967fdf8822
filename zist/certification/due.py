from django.db.models import Q
from django.utils.translation import gettext as _

from zist.certification.models import Certificate, CertificateStatus
from zist.core.due import DueItem


def due_items(user, until):
    """The next audit deadline of each active certificate of a unit the user leads or
    represents, when it falls by `until`."""
    mine = Q(unit__leader=user) | Q(unit__representative=user)
    certificates = (
        Certificate.objects.restrict(user, "view")
        .filter(mine, status=CertificateStatus.ACTIVE)
        .select_related("unit")
    )
    for certificate in certificates:
        milestone = certificate.next_milestone()
        if milestone is None or milestone.deadline > until:
            continue
        yield DueItem(
            key=f"certificate:{certificate.pk}:{milestone.key}:{milestone.deadline.isoformat()}",
            title=_("%(certificate)s: audit deadline") % {"certificate": certificate},
            due=milestone.deadline,
            kind=_("Certification"),
            url=certificate.get_absolute_url(),
            unit=str(certificate.unit),
        )
