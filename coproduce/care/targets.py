"""Response targets, written once: how soon a referral is to be seen, by its urgency,
and how soon the response vehicle arrives.

The referral clock (``referrals.respond_by``), the referral page's hint, the worklist
and the evidence's "seen within target" (``evidence.tables``) all read them here. No
models are imported, so the evidence engine may read this without the database.
"""

from __future__ import annotations

# Hours to be seen, by MHSDS Clinical Response Priority Type (``Referral.Urgency``'s
# national codes): emergency (1) and very urgent (4) within 4 hours, urgent (2) within
# 24 hours; routine (3) has no crisis response clock. Referrals from A&E liaison are to be
# seen within ``settings.AE_LIAISON_TARGET_MINUTES`` (1 hour) whatever their urgency.
HOURS_TO_BE_SEEN = {"1": 4, "4": 4, "2": 24}

# Minutes from the response vehicle's dispatch to its arrival, unless its team sets its
# own (``Team.arrival_target_minutes``). Seed 004: arrival in about 45 minutes.
ARRIVAL_MINUTES = 45
