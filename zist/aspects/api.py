"""API behaviour beyond the generic viewset."""

from zist.core.api import ZistModelViewSet


class AspectViewSet(ZistModelViewSet):
    """Aspects list the ids of their impacts and obligations: fetched in one query each
    for the whole page, not one per aspect."""

    def get_queryset(self):
        return super().get_queryset().prefetch_related("impacts", "obligations")
