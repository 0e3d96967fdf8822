from zist.core import calendars
from zist.core.navigation import menu_for


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    return {
        "menu": menu_for(user) if user is not None and user.is_authenticated else [],
        "active_calendar": calendars.active_calendar(),
    }
