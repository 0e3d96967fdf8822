from zist.core.registry import app_urlpatterns

app_name = "indicators"
urlpatterns = app_urlpatterns("indicators")
