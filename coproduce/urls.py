from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from coproduce.web.urls import public_urlpatterns

urlpatterns = [
    # Public pages in every language: /feedback in English, /cy/feedback in Welsh.
    *i18n_patterns(path("", include(public_urlpatterns)), prefix_default_language=False),
    path("", include("coproduce.web.urls")),
    path("api/", include("coproduce.api.urls")),
    path("notify/", include("coproduce.api.notify_urls")),
    path("fhir/r4/", include("coproduce.api.fhir.urls")),
    path("admin/", admin.site.urls),
]

# An uncaught error: a 503 page with the crisis line when the database cannot be reached.
handler500 = "coproduce.web.errors.server_error"
