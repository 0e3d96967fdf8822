from zist.core.registry import app_urlpatterns

app_name = "records"
urlpatterns = app_urlpatterns("records")
