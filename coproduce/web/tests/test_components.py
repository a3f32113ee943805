"""The design system's components, kept once drawn (``coproduce.web.components``): the
same HTML as the design system draws, never another call's HTML, and nothing typed kept."""

import re

import pytest
from django import forms
from django.template import engines
from markupsafe import Markup

from coproduce.web import components


def env():
    return engines["jinja2"].env  # type: ignore[attr-defined]


def draw(source, **context):
    return env().from_string(source).render(**context)


def plain(component, name):
    module = env().get_template(f"nhsuk/components/{component}/macro.jinja").module
    kept = getattr(module, name)
    assert isinstance(kept, components.KeptMacro)
    return kept.macro


RADIOS = {
    "idPrefix": "sentiment",
    "name": "sentiment",
    "fieldset": {"legend": {"text": "Sentiment"}},
    "items": [
        {"value": "positive", "text": "Positive", "checked": True},
        {"value": "negative", "text": "Negative", "checked": False},
    ],
}


def test_a_kept_component_draws_what_the_design_system_draws():
    components.forget()
    source = '{% from "nhsuk/components/radios/macro.jinja" import radios %}{{ radios(p) }}'
    first = draw(source, p=RADIOS)
    assert first == str(plain("radios", "radios")(RADIOS))
    assert 'value="positive" checked' in first
    assert draw(source, p=RADIOS) == first
    assert components._drawn.cache_info().hits >= 1


def test_different_parameters_never_get_each_others_html():
    components.forget()
    source = '{% from "nhsuk/components/radios/macro.jinja" import radios %}{{ radios(p) }}'
    draw(source, p=RADIOS)
    other = {**RADIOS, "items": [{**RADIOS["items"][0], "checked": False}, RADIOS["items"][1]]}
    assert "checked" not in draw(source, p=other)
    # Text and Markup with the same characters are different parameters: one is escaped.
    area = '{% from "nhsuk/components/textarea/macro.jinja" import textarea %}{{ textarea(p) }}'
    assert "&lt;b&gt;" in draw(area, p={"name": "n", "label": "<b>"})
    assert "<b>" in draw(area, p={"name": "n", "label": Markup("<b>")})
    assert "&lt;b&gt;" in draw(area, p={"name": "n", "label": "<b>"})


def test_what_someone_typed_is_drawn_afresh_and_never_kept():
    components.forget()
    source = '{% from "nhsuk/components/textarea/macro.jinja" import textarea %}{{ textarea(p) }}'
    typed = {"name": "notes", "label": {"text": "Notes"}, "value": "Alex said he felt unsafe"}
    assert "Alex said he felt unsafe" in draw(source, p=typed)
    assert components._drawn.cache_info().currsize == 0
    date = '{% from "nhsuk/components/date-input/macro.jinja" import dateInput %}{{ dateInput(p) }}'
    born = {"id": "dob", "namePrefix": "dob", "items": [{"name": "day", "value": "17"}]}
    assert 'value="17"' in draw(date, p=born)
    assert components._drawn.cache_info().currsize == 0
    blank = {"name": "notes", "label": {"text": "Notes"}}
    draw(source, p=blank)
    assert components._drawn.cache_info().currsize >= 1


def test_a_call_block_and_odd_parameters_go_to_the_design_system_as_they_are():
    components.forget()
    details = (
        '{% from "nhsuk/components/details/macro.jinja" import details %}'
        '{{ details({"summaryText": "More", "html": h}) }}'
    )
    assert "More" in draw(details, h=Markup("<p>x</p>"))
    # An object as a parameter cannot be a key: drawn, not kept.
    components.forget()
    source = '{% from "nhsuk/components/hint/macro.jinja" import hint %}{{ hint(p) }}'
    three = type("Three", (), {"__str__": lambda self: "3"})()
    assert "3" in draw(source, p={"text": three})
    assert components._drawn.cache_info().currsize == 0


def _tags(html):
    """The markup with the whitespace between and inside tags taken out."""
    html = re.sub(r">\s+", ">", re.sub(r"\s+<", "<", str(html)))
    return re.sub(r"\s+", " ", html).replace(" >", ">").strip()


class FruitForm(forms.Form):
    fruit = forms.ChoiceField(choices=[("apple", "Apple"), ("pear", 'Pear <&> "quoted"')])


@pytest.mark.parametrize(
    "data", [{"fruit": "pear"}, {"fruit": "plum"}, None], ids=["chosen", "refused", "unbound"]
)
def test_a_select_field_is_the_design_systems_select(data):
    """``select_field`` writes the select out itself (a list of a trust's staff cost five
    times the page shell through the component): the same markup, the choice kept, the
    error said and described, text escaped."""
    form = FruitForm(data)
    form.is_valid()
    ours = draw(
        '{% from "fields.jinja" import select_field %}{{ select_field(f, "Fruit", hint="One") }}',
        f=form["fruit"],
    )
    field = form["fruit"]
    theirs = plain("select", "select")(
        {
            "id": field.auto_id,
            "name": field.html_name,
            "label": {"text": "Fruit", "size": "s"},
            "hint": {"text": "One"},
            "items": [{"value": "", "text": "Choose"}]
            + [
                {"value": v, "text": t, "selected": v == (data or {}).get("fruit")}
                for v, t in field.field.choices  # type: ignore[attr-defined]
            ],
            "errorMessage": {"text": field.errors[0]} if field.errors else None,
        }
    )
    assert _tags(ours) == _tags(theirs)
    if data and data["fruit"] == "pear":
        assert '<option value="pear" selected>' in ours
    if data and data["fruit"] == "plum":
        assert 'aria-describedby="id_fruit-hint id_fruit-error"' in ours
    assert "Pear &lt;&amp;&gt; &#34;quoted&#34;" in ours


def test_a_grouped_select_writes_its_headings_and_the_fields_own_first_option():
    class Grouped(forms.Form):
        place = forms.ChoiceField(
            choices=[("", "Anywhere"), ("North", [("n1", "Leeds")]), ("South", [("s1", "Kent")])]
        )

    form = Grouped({"place": "s1"})
    source = (
        '{% from "fields.jinja" import grouped_select_field %}{{ grouped_select_field(f, "P") }}'
    )
    html = _tags(draw(source, f=form["place"]))
    assert '<option value="">Anywhere</option><optgroup label="North">' in html
    assert '<optgroup label="South"><option value="s1" selected>Kent</option></optgroup>' in html
    assert "Choose" not in html
