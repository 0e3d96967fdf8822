from zist.core.registry import app_urlpatterns

app_name = "energy"
urlpatterns = app_urlpatterns("energy")
