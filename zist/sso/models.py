"""Which account a person of a directory (OpenID Connect provider or SAML identity
provider) signs in to: the directory's stable subject, never the e-mail address, which
people change."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from zist.core.models import ZistModel


class ExternalIdentity(ZistModel):
    """A person of a directory, linked to a Zist account on their first sign-in (by
    e-mail, or by creating the account) and found by issuer and subject afterwards."""

    scope_field = "user__home_unit"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="external_identities",
        verbose_name=_("user"),
    )
    issuer = models.CharField(
        _("issuer"), max_length=300, help_text=_("The directory: OpenID issuer or SAML entity.")
    )
    subject = models.CharField(
        _("subject"), max_length=255, help_text=_("The person's identifier in that directory.")
    )
    last_login = models.DateTimeField(_("last sign-in"), null=True, blank=True)

    class Meta:
        ordering = ["issuer", "subject"]
        verbose_name = _("external identity")
        verbose_name_plural = _("external identities")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "subject"],
                name="external_identity_unique",
                violation_error_message=_("This directory identity already has an account."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.subject}"
