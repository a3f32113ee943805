"""Erasing a network member on request (UK GDPR Article 17), and saying what is kept.

What identifies the member goes: their name and contact details, their sign-in account,
training and agreement records. (Equality monitoring is held apart from the member,
with no link back, so there is nothing of theirs to find there.) What must be kept
stays, but no longer names them, and the member is told why:

- involvement payments and expenses: the trust's finance records, kept six years after
  the end of the financial year for HMRC;
- meeting registers and board seats: the record of who took part in decisions (the
  member now appears as "Erased member");
- ballots: they are counted in results already published, and carry no name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, User
from coproduce.network.models import Member
from coproduce.privacy import holdings

DELETED = {
    "network.TrainingRecord",
    "network.AgreementAcceptance",
}
KEPT = {
    "network.PaymentClaim": "Involvement payments and expenses are the trust's finance "
    "records, kept for six years after the end of the financial year (HMRC).",
    "network.Attendance": "Meeting registers record who took part in decisions; they now "
    "show 'Erased member'.",
    "network.BoardSeat": "Board records show that a seat was held; they now show 'Erased member'.",
    "change.Ballot": "Rankings are counted in results already published and carry no name.",
}


class AlreadyErased(Exception):
    pass


@dataclass
class Erasure:
    member_id: int
    deleted: dict[str, int] = field(default_factory=dict)
    kept: dict[str, tuple[int, str]] = field(default_factory=dict)

    def lines(self) -> list[str]:
        what = {h.model: h.what for h in holdings.MEMBER}
        out = [f"Member {self.member_id}: name, contact details and sign-in account erased."]
        out += [f"Deleted: {what[m]} ({n})." for m, n in self.deleted.items() if n]
        out += [f"Kept: {what[m]} ({n}). {why}" for m, (n, why) in self.kept.items() if n]
        return out


@transaction.atomic
def erase_member(actor: User, member: Member, reason: str) -> Erasure:
    member = Member.objects.select_for_update().get(pk=member.pk)
    if member.erased_on is not None:
        raise AlreadyErased(f"Member {member.pk} was erased on {member.erased_on:%d %B %Y}.")
    result = Erasure(member.pk)
    for holding in holdings.MEMBER:
        if holding.model in DELETED:
            count, _ = holding.rows(member).delete()
            result.deleted[holding.model] = count
        elif holding.model in KEPT:
            result.kept[holding.model] = (holding.rows(member).count(), KEPT[holding.model])
    user = member.user
    today = timezone.localdate()
    member.name = "Erased member"
    member.email = member.phone = member.postal_address = ""
    member.language = member.availability = ""
    member.left_on = member.left_on or today
    member.erased_on = today
    member.save()
    if user is not None:
        user.username = f"erased-{user.pk}"
        user.first_name = user.last_name = user.email = ""
        user.is_active = False
        user.set_unusable_password()
        user.save()
    # The reason is the requester's words: kept out of the trail beyond its first words.
    audit.record(actor, AuditEvent.Action.CHANGED, member, f"erased on request: {reason[:60]}")
    return result
