from zist.core.registry import app_urlpatterns

app_name = "actions"
urlpatterns = app_urlpatterns("actions")
