from zist.core.registry import app_urlpatterns

app_name = "certification"
urlpatterns = app_urlpatterns("certification")
