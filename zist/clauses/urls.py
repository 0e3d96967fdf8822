from zist.core.registry import app_urlpatterns

app_name = "clauses"
urlpatterns = app_urlpatterns("clauses")
