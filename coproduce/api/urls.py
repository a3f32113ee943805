from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView

from coproduce.api import improvement, views

urlpatterns = [
    path("schema", SpectacularAPIView.as_view(), name="api_schema"),
    path("v1/voices", views.create_voice, name="api_create_voice"),
    path("v1/referrals", views.create_referral, name="api_create_referral"),
    path("v1/passed-calls", views.pass_call, name="api_pass_call"),
    path("v1/updates", views.list_updates, name="api_list_updates"),
    path("v1/metrics/experience", views.experience, name="api_experience"),
    # Improvement projects, D: read only (issue 23).
    path("v1/improvement/projects", improvement.list_projects, name="api_improvement_projects"),
    path(
        "v1/improvement/projects/<str:project_id>",
        improvement.show_project,
        name="api_improvement_project",
    ),
    path(
        "v1/improvement/projects/<str:project_id>/measures",
        improvement.list_measures,
        name="api_improvement_measures",
    ),
    path(
        "v1/improvement/projects/<str:project_id>/cycles",
        improvement.list_cycles,
        name="api_improvement_cycles",
    ),
    path(
        "v1/improvement/projects/<str:project_id>/annotations",
        improvement.list_annotations,
        name="api_improvement_annotations",
    ),
    re_path(r"^.*$", views.not_found, name="api_not_found"),
]
