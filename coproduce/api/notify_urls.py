from django.urls import path

from coproduce.api import notify

urlpatterns = [
    path("receipts", notify.delivery_receipt, name="notify_delivery_receipt"),
    path("inbound-sms", notify.received_text, name="notify_received_text"),
]
