from zist.core.registry import app_urlpatterns

app_name = "context"
urlpatterns = app_urlpatterns("context")
