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

# Error pages in the NHS.UK shell with the crisis contacts (coproduce/web/errors.py); an
# uncaught error is a 503 page with the crisis line when the database cannot be reached.
handler400 = "coproduce.web.errors.bad_request"
handler403 = "coproduce.web.errors.permission_denied"
handler404 = "coproduce.web.errors.page_not_found"
handler500 = "coproduce.web.errors.server_error"
