"""Events other apps may act on, so that voices never imports them."""

from django.dispatch import Signal

# Sent with voice= when a person withdraws their voice. The change app removes it from
# insights' evidence and cancels anything still queued to it.
voice_withdrawn = Signal()
