from zist.core.registry import app_urlpatterns

app_name = "emissions"
urlpatterns = app_urlpatterns("emissions")
