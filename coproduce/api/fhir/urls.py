from django.urls import path, re_path

from coproduce.api.fhir import views

TYPES = "|".join(views.RESOURCES)

urlpatterns = [
    path("metadata", views.Metadata.as_view(), name="fhir_metadata"),
    re_path(
        # A call passed to the line is ServiceRequest/line-{id} (ADR 0015).
        rf"^(?P<resource_type>{TYPES})/(?P<pk>[0-9]+|line-[0-9]+)$",
        views.Read.as_view(),
        name="fhir_read",
    ),
    re_path(rf"^(?P<resource_type>{TYPES})$", views.Create.as_view(), name="fhir_create"),
    re_path(r"^.*$", views.NotFound.as_view(), name="fhir_not_found"),
]
