from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("coproduce.web.urls")),
    path("api/", include("coproduce.api.urls")),
    path("fhir/r4/", include("coproduce.api.fhir.urls")),
    path("admin/", admin.site.urls),
]
