"""Events other apps may act on, so that voices never imports them."""

from django.dispatch import Signal

# Sent with voice= when a person withdraws their voice. The change app removes it from
# insights' evidence and cancels anything still queued to it.
voice_withdrawn = Signal()

# Sent with voice= once the duty team acknowledges the risk alert on that voice. The
# change app then sends what it held back from that voice's giver while the alert was
# open.
alert_acknowledged = Signal()
