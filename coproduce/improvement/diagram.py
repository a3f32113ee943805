"""A project's driver diagram (issue 23): the aim, the primary drivers that move it, the
secondary drivers under each, and the change ideas that might move those. The team edits
it in the page; it is drawn as an SVG (``layout``) with the same diagram as a nested
list beside it (``tree``), and printed on its own.

Every change is the team's (``services.check_may_change``), audited, and moves the
project's "last updated". A change idea with PDSA cycles is never removed: its cycles
are the project's history.
"""

from __future__ import annotations

import decimal
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, User
from coproduce.improvement.models import ChangeIdea, Driver, Project
from coproduce.improvement.services import check_may_change, touch

TEXT_LIMIT = 300


def _clean_text(text: str, field_name: str, what: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise ValidationError({field_name: [f"Enter the {what}"]})
    if len(text) > TEXT_LIMIT:
        raise ValidationError(
            {field_name: [f"The {what} must be {TEXT_LIMIT} characters or fewer"]}
        )
    return text


def _number(value: decimal.Decimal | float | int) -> str:
    """8.00 as 8, 2.50 as 2.5."""
    text = format(decimal.Decimal(value).normalize(), "f")
    return text


def aim_sentence(project: Project) -> str:
    """The SMART aim in one sentence, as the diagram's first box says it."""
    amount = f"to {_number(project.aim_to)}"
    if project.aim_from is not None:
        amount = f"from {_number(project.aim_from)} {amount}"
    return (
        f"{project.aim_what.rstrip('. ')}, for {project.aim_for_whom.rstrip('. ')}: "
        f"{project.aim_unit} {amount} by {project.aim_by:%-d %B %Y}."
    )


# Editing -------------------------------------------------------------------------------


@transaction.atomic
def add_driver(user: User, project: Project, *, text: str, parent: Driver | None = None) -> Driver:
    """A primary driver of the aim, or a secondary one under a primary driver."""
    check_may_change(user, project)
    text = _clean_text(text, "text", "driver")
    if parent is not None and (parent.project_id != project.pk or not parent.primary):
        raise ValidationError({"parent": ["Select a primary driver of this project"]})
    siblings = Driver.objects.filter(project=project, parent=parent)
    last = siblings.aggregate(last=Max("position"))["last"]
    driver = Driver.objects.create(
        project=project, parent=parent, text=text, position=0 if last is None else last + 1
    )
    kind = "primary" if parent is None else "secondary"
    audit.record(user, AuditEvent.Action.CREATED, driver, f"{kind} driver added")
    touch(project)
    return driver


@transaction.atomic
def rename_driver(user: User, driver: Driver, *, text: str) -> Driver:
    check_may_change(user, driver.project)
    driver.text = _clean_text(text, "text", "driver")
    driver.save(update_fields=["text"])
    audit.record(user, AuditEvent.Action.CHANGED, driver, "driver renamed")
    touch(driver.project)
    return driver


def _move(items: Sequence[Driver | ChangeIdea], item: Driver | ChangeIdea, up: bool) -> bool:
    """Swap ``item`` with its neighbour in ``items`` (positions renumbered 0..n)."""
    ordered = list(items)
    at = next(i for i, one in enumerate(ordered) if one.pk == item.pk)
    to = at - 1 if up else at + 1
    if to < 0 or to >= len(ordered):
        return False
    ordered[at], ordered[to] = ordered[to], ordered[at]
    for position, one in enumerate(ordered):
        if one.position != position:
            one.position = position
            one.save(update_fields=["position"])
    return True


@transaction.atomic
def move_driver(user: User, driver: Driver, *, up: bool) -> bool:
    """Move a driver up or down among its siblings; False if it is already at that end."""
    check_may_change(user, driver.project)
    siblings = Driver.objects.select_for_update().filter(
        project=driver.project_id, parent=driver.parent_id
    )
    moved = _move(list(siblings), driver, up)
    if moved:
        audit.record(user, AuditEvent.Action.CHANGED, driver, "driver moved")
        touch(driver.project)
    return moved


def _left_without_a_driver(drivers: Iterable[Driver]) -> list[ChangeIdea]:
    """Change ideas that hang only from these drivers."""
    gone = {d.pk for d in drivers}
    ideas = ChangeIdea.objects.filter(drivers__in=gone).distinct().prefetch_related("drivers")
    return [idea for idea in ideas if {d.pk for d in idea.drivers.all()} <= gone]


@transaction.atomic
def remove_driver(user: User, driver: Driver) -> None:
    """Remove a driver (a primary one with its secondary drivers). Refused while a change
    idea hangs from nothing else: it would drop out of the diagram."""
    project = driver.project
    check_may_change(user, project)
    going = [driver, *driver.secondary.all()]
    stranded = _left_without_a_driver(going)
    if stranded:
        names = "; ".join(f"“{idea.text}”" for idea in stranded)
        raise ValidationError(
            {
                "driver": [
                    f"Link {names} to another driver, or remove "
                    f"{'it' if len(stranded) == 1 else 'them'}, before removing this driver: "
                    "a change idea always hangs from a driver."
                ]
            }
        )
    audit.record(user, AuditEvent.Action.CHANGED, project, f"driver {driver.pk} removed")
    driver.delete()
    touch(project)


def _project_drivers(project: Project, drivers: Iterable[Driver]) -> list[Driver]:
    chosen = list(drivers)
    if not chosen:
        raise ValidationError({"drivers": ["Select at least one driver the change idea moves"]})
    if any(d.project_id != project.pk for d in chosen):
        raise ValidationError({"drivers": ["Select drivers of this project"]})
    return chosen


@transaction.atomic
def add_change_idea(
    user: User, project: Project, *, text: str, drivers: Iterable[Driver]
) -> ChangeIdea:
    check_may_change(user, project)
    errors: dict[str, list[str]] = {}
    try:
        text = _clean_text(text, "text", "change idea")
    except ValidationError as error:
        errors.update(error.message_dict)
    try:
        chosen = _project_drivers(project, drivers)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    last = ChangeIdea.objects.filter(project=project).aggregate(last=Max("position"))["last"]
    idea = ChangeIdea.objects.create(
        project=project, text=text, position=0 if last is None else last + 1
    )
    idea.drivers.set(chosen)
    audit.record(user, AuditEvent.Action.CREATED, idea, "change idea added")
    touch(project)
    return idea


@transaction.atomic
def change_idea(
    user: User, idea: ChangeIdea, *, text: str, drivers: Iterable[Driver]
) -> ChangeIdea:
    """Rename a change idea, or change the drivers it hangs from."""
    check_may_change(user, idea.project)
    errors: dict[str, list[str]] = {}
    try:
        text = _clean_text(text, "text", "change idea")
    except ValidationError as error:
        errors.update(error.message_dict)
    try:
        chosen = _project_drivers(idea.project, drivers)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    idea.text = text
    idea.save(update_fields=["text"])
    idea.drivers.set(chosen)
    audit.record(user, AuditEvent.Action.CHANGED, idea, "change idea changed")
    touch(idea.project)
    return idea


@transaction.atomic
def move_change_idea(user: User, idea: ChangeIdea, *, up: bool) -> bool:
    check_may_change(user, idea.project)
    ideas = ChangeIdea.objects.select_for_update().filter(project=idea.project_id)
    moved = _move(list(ideas), idea, up)
    if moved:
        audit.record(user, AuditEvent.Action.CHANGED, idea, "change idea moved")
        touch(idea.project)
    return moved


@transaction.atomic
def remove_change_idea(user: User, idea: ChangeIdea) -> None:
    """Remove a change idea not yet tested; one with PDSA cycles stays (its cycles are
    the project's history)."""
    project = idea.project
    check_may_change(user, project)
    tested = idea.cycles.count()
    if tested:
        raise ValidationError(
            {
                "change_idea": [
                    f"“{idea.text}” has {tested} PDSA cycle{'s' if tested != 1 else ''}, so it "
                    "cannot be removed: its cycles are the project's history. If it did not "
                    "work, record that in its last cycle's Act (abandon, and why)."
                ]
            }
        )
    audit.record(user, AuditEvent.Action.CHANGED, project, f"change idea {idea.pk} removed")
    idea.delete()
    touch(project)


# Reading: the tree (the text version) and the drawing ------------------------------------


@dataclass
class Branch:
    driver: Driver
    secondary: list[Branch] = field(default_factory=list)
    ideas: list[ChangeIdea] = field(default_factory=list)


@dataclass
class Tree:
    aim: str
    primary: list[Branch]
    # Change ideas hanging from no driver (a driver with ideas cannot be removed, so only
    # ideas made elsewhere): listed on their own so none is hidden.
    unlinked: list[ChangeIdea]
    ideas: list[ChangeIdea]

    @property
    def empty(self) -> bool:
        return not self.primary and not self.ideas


def tree(project: Project) -> Tree:
    drivers = list(project.drivers.all())
    ideas = list(project.change_ideas.prefetch_related("drivers", "cycles"))
    ideas_of: dict[int, list[ChangeIdea]] = {}
    for idea in ideas:
        for driver in idea.drivers.all():
            ideas_of.setdefault(driver.pk, []).append(idea)
    branches = {
        d.pk: Branch(driver=d, ideas=sorted(ideas_of.get(d.pk, []), key=_idea_order))
        for d in drivers
    }
    primary = []
    for d in drivers:
        if d.parent_id is None:
            primary.append(branches[d.pk])
        elif d.parent_id in branches:
            branches[d.parent_id].secondary.append(branches[d.pk])
    return Tree(
        aim=aim_sentence(project),
        primary=primary,
        unlinked=[idea for idea in ideas if not idea.drivers.all()],
        ideas=ideas,
    )


def _idea_order(idea: ChangeIdea) -> tuple[int, int]:
    return (idea.position, idea.pk)


# The drawing: four columns (aim, primary drivers, secondary drivers, change ideas), each
# box's text wrapped, joined by lines from left to right.
COLUMN_WIDTH = 210
GAP = 40
# Characters a line of a box holds at 14 px (the aim's bold text: fewer).
WRAP = 25
WRAP_BOLD = 22
LINE_HEIGHT = 18
PADDING = 10
HEADING = 34
SPACING = 12
COLUMNS = ("Aim", "Primary drivers", "Secondary drivers", "Change ideas")


@dataclass
class Box:
    key: str
    column: int
    lines: list[str]
    y: float = 0
    dashed: bool = False

    @property
    def x(self) -> int:
        return self.column * (COLUMN_WIDTH + GAP)

    @property
    def height(self) -> int:
        return 2 * PADDING + LINE_HEIGHT * len(self.lines)

    @property
    def middle(self) -> float:
        return self.y + self.height / 2

    @property
    def text_x(self) -> int:
        return self.x + PADDING

    def tspans(self) -> list[tuple[str, float]]:
        """Each line of the box's text with its baseline."""
        return [
            (line, self.y + PADDING + LINE_HEIGHT * (i + 1) - 5)
            for i, line in enumerate(self.lines)
        ]


@dataclass
class Link:
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass
class Layout:
    width: int
    height: int
    boxes: list[Box]
    links: list[Link]
    headings: list[tuple[int, str]]


def _wrap(text: str, width: int = WRAP) -> list[str]:
    return textwrap.wrap(text, width) or [""]


def _stack(boxes: list[Box], top: float) -> float:
    y = top
    for box in boxes:
        box.y = y
        y += box.height + SPACING
    return y


def layout(diagram: Tree) -> Layout:
    """Where each box and line of the drawing goes."""
    aim = Box("aim", 0, _wrap(diagram.aim, WRAP_BOLD))
    primary: list[Box] = []
    secondary: list[Box] = []
    spans: list[tuple[Box, list[Box]]] = []
    driver_box: dict[int, Box] = {}
    # Secondary drivers stack down the third column; a primary driver sits beside its
    # own (or takes a row of its own when it has none yet).
    y = float(HEADING)
    for branch in diagram.primary:
        p = Box(f"driver-{branch.driver.pk}", 1, _wrap(branch.driver.text))
        driver_box[branch.driver.pk] = p
        own = [Box(f"driver-{s.driver.pk}", 2, _wrap(s.driver.text)) for s in branch.secondary]
        for s_branch, s_box in zip(branch.secondary, own, strict=True):
            driver_box[s_branch.driver.pk] = s_box
        top = y
        own_height = (_stack(own, top) - SPACING - top) if own else 0.0
        block = max(own_height, float(p.height))
        p.y = top + (block - p.height) / 2
        for box in own:
            box.y += (block - own_height) / 2
        y = top + block + SPACING * 2
        primary.append(p)
        secondary.extend(own)
        spans.append((p, own))
    ideas = [Box(f"idea-{idea.pk}", 3, _wrap(idea.text), dashed=True) for idea in diagram.ideas]

    def idea_anchor(pair: tuple[ChangeIdea, Box]) -> tuple[float, int]:
        linked = [driver_box[d.pk].middle for d in pair[0].drivers.all() if d.pk in driver_box]
        return (min(linked) if linked else float("inf"), pair[0].position)

    ordered = sorted(zip(diagram.ideas, ideas, strict=True), key=idea_anchor)
    ideas_end = _stack([box for _, box in ordered], float(HEADING))
    height = int(max(y, ideas_end, HEADING + aim.height + SPACING)) + SPACING
    aim.y = max(float(HEADING), (HEADING + height - aim.height) / 2 - SPACING)
    links: list[Link] = []

    def join(left: Box, right: Box) -> None:
        links.append(Link(left.x + COLUMN_WIDTH, left.middle, right.x, right.middle))

    for p, own in spans:
        join(aim, p)
        for s in own:
            join(p, s)
    for idea, box in ordered:
        for d in idea.drivers.all():
            if d.pk in driver_box:
                join(driver_box[d.pk], box)
    return Layout(
        width=4 * COLUMN_WIDTH + 3 * GAP,
        height=height,
        boxes=[aim, *primary, *secondary, *(box for _, box in ordered)],
        links=links,
        headings=[(i * (COLUMN_WIDTH + GAP), name) for i, name in enumerate(COLUMNS)],
    )


def description(diagram: Tree) -> str:
    """The drawing's description, for those who do not see it."""
    secondary = sum(len(b.secondary) for b in diagram.primary)
    return (
        f"Driver diagram. Aim: {diagram.aim} {len(diagram.primary)} primary "
        f"driver{'s' if len(diagram.primary) != 1 else ''}, {secondary} secondary "
        f"driver{'s' if secondary != 1 else ''} and {len(diagram.ideas)} change "
        f"idea{'s' if len(diagram.ideas) != 1 else ''}. The same diagram is written out as a "
        "list on this page."
    )
