from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "zist.reviews"
    label = "reviews"
    verbose_name = _("Management reviews")

    def ready(self) -> None:
        from zist.reviews import registers  # noqa: F401
