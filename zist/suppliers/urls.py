from zist.core.registry import app_urlpatterns

app_name = "suppliers"
urlpatterns = app_urlpatterns("suppliers")
