"""API behaviour beyond the generic viewset."""

from rest_framework.exceptions import ValidationError

from zist.core.api import ZistModelViewSet


class HazardViewSet(ZistModelViewSet):
    """Hazards: a refused delete names the sessions that use the hazard."""

    def perform_destroy(self, instance):
        # Say which sessions hold the hazard, as the web page does.
        sessions = list(instance.sessions.all())
        if sessions:
            raise ValidationError({"detail": instance.in_use_message(sessions)})
        super().perform_destroy(instance)


class DelphiRoundViewSet(ZistModelViewSet):
    """Delphi rounds: earlier rounds and rounds with consensus are kept."""

    def perform_destroy(self, instance):
        from zist.crisis.registers import delphi_round_deletable

        problem = delphi_round_deletable(instance)
        if problem:
            raise ValidationError({"detail": problem})
        super().perform_destroy(instance)
