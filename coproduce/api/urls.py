from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from coproduce.api import views

urlpatterns = [
    path("schema", SpectacularAPIView.as_view(), name="api_schema"),
    path("v1/voices", views.create_voice, name="api_create_voice"),
    path("v1/referrals", views.create_referral, name="api_create_referral"),
    path("v1/passed-calls", views.pass_call, name="api_pass_call"),
    path("v1/updates", views.list_updates, name="api_list_updates"),
    path("v1/metrics/experience", views.experience, name="api_experience"),
]
