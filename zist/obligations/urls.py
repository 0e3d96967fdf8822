from zist.core.registry import app_urlpatterns

app_name = "obligations"
urlpatterns = app_urlpatterns("obligations")
