"""Events other apps may act on, so that care never imports them."""

from django.dispatch import Signal

# Sent with episode= when an episode is closed (discharge or disengagement). The voices
# app schedules the safe follow-up invitation (seed 003) from it.
episode_closed = Signal()
