from zist.core.registry import app_urlpatterns

app_name = "users"
urlpatterns = app_urlpatterns("users")
