"""Masking before words go out in public (hazard H21): names, numbers, addresses, dates
of birth. What it still misses is measured by ``coproduce bench masking``."""

from __future__ import annotations

from pathlib import Path

import pytest

from coproduce.tooling.bench import masking as masking_bench
from coproduce.voices import anonymise


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        ("Call Jo on 07700 900123, she listened.", ["Jo", "07700"]),
        ("thanks to jo and sam in the crisis team", ["jo", "sam"]),
        ("My name is Daniel Okafor, NHS number 485 777 3456.", ["Daniel", "Okafor", "485"]),
        ("Born 03/04/1985, I have used the team for years.", ["1985"]),
        ("date of birth 1st March 1979, please update it", ["1979"]),
        ("Please write to 41 Park Avenue, Sheffield S10 2TN.", ["41 Park", "S10"]),
        ("ring (0161) 496 0123 after 5", ["496"]),
        ("once I got in, Tariq was great", ["Tariq"]),
        ("email me at sarah.jones84@example.com", ["sarah.jones84"]),
    ],
)
def test_it_masks_every_kind_of_identifier(text: str, left_out: list[str]) -> None:
    masked = anonymise.mask(text)
    for part in left_out:
        assert part not in masked


@pytest.mark.parametrize(
    "text",
    [
        "I will never forget how kind the staff were, there is hope after all.",
        "May I say that the new leaflet is much clearer.",
        "The letter said my appointment was on 12/03/2026 but nobody was there.",
        "The Easy Read leaflet helped my sister.",
        "We were told to come back on Monday.",
    ],
)
def test_it_leaves_ordinary_words_alone(text: str) -> None:
    assert anonymise.mask(text) == text


def test_the_bench_refuses_a_changed_set(tmp_path: Path) -> None:
    changed = tmp_path / "texts.jsonl"
    changed.write_bytes(masking_bench.SET.read_bytes() + b"\n")
    with pytest.raises(masking_bench.SetChanged):
        masking_bench.read_set(changed)


def test_the_bench_reports_recall_for_every_kind_on_the_held_out_half() -> None:
    result = masking_bench.run()
    held_out = result["held_out"]
    assert held_out["texts"] + result["tuning"]["texts"] >= 100
    assert set(held_out["recall"]) == set(masking_bench.KINDS)
    assert held_out["recall_all"] >= 0.9
    assert held_out["over_masking"] <= 0.03


def test_welsh_words_a_names_list_also_holds_are_not_masked_but_a_name_is() -> None:
    mask = anonymise.mask
    # "Mae" is a first name in the names list and "is" in Welsh: a Welsh update began
    # "[name] gan bawb..." before Welsh sentence openings were known.
    assert mask("Mae gan bawb dîm penodol nawr. Diolch i Jo am ei help.") == (
        "Mae gan bawb dîm penodol nawr. Diolch i [name] am ei help."
    )
    assert mask("Mae Jemison visited the ward.") == "[name] [name] visited the ward."


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        # Found by issue 21's fresh-eyes trial: a Welsh first name went out as "Siân" in
        # a published update, and others were half masked ("[name]ân").
        ("Siân from the network said the same.", "[name] from the network said the same."),
        ("Then Siân said", "Then [name] said"),
        ("Chloé said it.", "[name] said it."),
        ("worker named Zoë", "worker named [name]"),
        ("Aoife and Ciarán were kind", "[name] and [name] were kind"),
        ("Nurse Wójcik was kind", "Nurse [name] was kind"),
        ("Łukasz rang me", "[name] rang me"),
        ("José García helped", "[name] [name] helped"),
    ],
)
def test_names_in_any_alphabet_are_masked_whole(text, masked):
    assert anonymise.mask(text) == masked


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        # Found by issue 21's fresh-eyes trial, each left as typed before.
        ("JO BLOGGS rang", "[name] [name] rang"),
        ("John-Paul O'Neill was kind", "[name] [name] was kind"),
        ("We saw Dr McDonald", "We saw Dr [name]"),
        ("Call 07700.900.123 now", "Call [removed] now"),
        ("nhs 943.476.5919", "nhs [removed]"),
        ("email jo (at) example.com please", "email [removed] please"),
        # And what must stay.
        ("I waited 3.5 hours", "I waited 3.5 hours"),
        ("PLEASE HELP ME", "PLEASE HELP ME"),
    ],
)
def test_names_in_capitals_and_numbers_and_emails_written_out_are_masked(text, masked):
    assert anonymise.mask(text) == masked


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("The Sanctuary felt like a living room.", "The Sanctuary felt like a living room."),
        ("I rang the Samaritans at night.", "I rang the Samaritans at night."),
        ("Jo at the Sanctuary was lovely.", "[name] at the Sanctuary was lovely."),
    ],
)
def test_the_services_people_name_are_not_taken_for_names(text, masked):
    # Found by issue 21's fresh-eyes trial: "The [name] felt like a living room".
    assert anonymise.mask(text) == masked


def test_the_services_own_numbers_for_help_are_never_masked(settings):
    # Found by issue 21's fresh-eyes trial: "Ring [removed] for the crisis line" was
    # published and sent to 10 contributors; the number was the service's own.
    settings.LOCAL_CRISIS_LINE = "0800 000 0000"
    masked = anonymise.mask(
        "Ring 0800 000 0000 for the crisis line, or Samaritans on 116 123. Jo is on 07700 900123."
    )
    assert masked == (
        "Ring 0800 000 0000 for the crisis line, or Samaritans on 116 123. [name] is on [removed]."
    )


def test_the_trusts_own_public_contact_details_are_never_masked(settings):
    # helper-80's update told people where to write, and lost the trust's own email and
    # address to "[removed]".
    settings.PUBLIC_CONTACTS = ["PALS@trust.example", "Trust Headquarters, 1 Park Row", "LS1 5HD"]
    masked = anonymise.mask(
        "Write to pals@trust.example or Trust Headquarters, 1 Park Row, LS1 5HD. "
        "Jo at jo.bloggs@example.com lives at 12 High Street, LS2 7AB."
    )
    assert masked == (
        "Write to pals@trust.example or Trust Headquarters, 1 Park Row, LS1 5HD. "
        "[name] at [removed] lives at [removed], [removed]."
    )
    # Only the whole detail: another address at the same domain is still a person's.
    assert anonymise.mask("Email xpals@trust.example") == "Email [removed]"
    settings.PUBLIC_CONTACTS = []
    assert "pals@trust.example" not in anonymise.mask("Write to pals@trust.example")


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # Found by issue 21's sixth fresh-eyes trial: a town after an address was taken
        # for a name ("…, [name] and nobody came").
        (
            "I live at 12 High Street, Cardiff and nobody came",
            "I live at [removed], Cardiff and nobody came",
        ),
        ("The crisis house in Harrogate was calm", "The crisis house in Harrogate was calm"),
        # A place that is also a name in the list stays a name; so does a place after a cue.
        ("Thanks to Preston on nights", "Thanks to [name] on nights"),
        ("Dr Cardiff was kind", "Dr [name] was kind"),
    ],
)
def test_a_town_is_not_taken_for_a_name(text, published):
    assert anonymise.mask(text) == published


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        # Typed in lower case, where the words around say a name (set 2's finding).
        ("my daughter lowri was turned away twice", ["lowri"]),
        ("dr adeyemi and nurse o'hara were kind", ["adeyemi", "o'hara"]),
        ("my name's tomasz wiśniewski and nobody rang me", ["tomasz", "wiśniewski"]),
        ("shout out to delroy on the night shift", ["delroy"]),
        ("oluwaseun on reception sorted it in five minutes", ["oluwaseun"]),
        ("cerys and bronwen on the crisis team got me through", ["cerys", "bronwen"]),
        ("tamsin helped me fill in the forms", ["tamsin"]),
        ("iestyn ap gwilym the support worker rang every day", ["iestyn", "gwilym"]),
        ("write to 22 meadow lane, the crisis team never came", ["22 meadow"]),
        ("dw i'n byw yn 3 heol y felin ers blwyddyn", ["3 heol", "felin"]),
    ],
)
def test_names_and_streets_typed_in_lower_case_are_masked(text: str, left_out: list[str]) -> None:
    masked = anonymise.mask(text)
    for piece in left_out:
        assert piece not in masked, masked


@pytest.mark.parametrize(
    "text",
    [
        "my son was scared and my dad, he's 70, was confused",
        "staff on the ward were lovely and everyone on reception helped",
        "5 mins down the road and 3 days in a row nobody came",
        "waited 10 minutes walk from the bus, then the nurse said i was fine",
        "dywedodd y nyrs bod fi'n gwastraffu amser, mam fi ddim yn siarad saesneg",
        "my details are on the system, born and raised here",
    ],
)
def test_ordinary_words_typed_in_lower_case_are_left(text: str) -> None:
    assert anonymise.mask(text) == text


def test_the_bench_scores_the_second_set_typed_in_a_hurry() -> None:
    second = masking_bench.run()["set_2"]
    assert second["set_sha256"] == masking_bench.DIGEST_2
    assert second["held_out"]["texts"] + second["tuning"]["texts"] == 120
    # Most of its names are in lower case: before the lower-case rules, 15 of the
    # held-out half's 35 were caught.
    assert second["held_out"]["recall"]["name"]["caught"] >= 25
    assert second["held_out"]["over_masking"] <= 0.02


@pytest.mark.parametrize(
    "text",
    [
        "O fis Ionawr, bydd tîm bach wedi'i enwi gan bawb.",
        "Rhwng Chwefror a Mehefin, a ddydd Llun a nos Wener.",
        "Mae'r llinell ar agor o ddydd Mawrth i ddydd Sul ym mis Rhagfyr.",
        # helper-85: "Sundays" and the Sanctuary's Welsh name went out as "[name]".
        "People told us Sundays are hard. The Sanctuary is now open on Sundays.",
        "Evenings at the Sanctuary felt too short. Nights are long.",
        "Mae'r Noddfa ar agor ar ddydd Sul. Ffoniwch y Samariaid neu Linell Argyfwng.",
    ],
)
def test_welsh_months_and_days_are_not_taken_for_names(text: str) -> None:
    # helper-84: "O fis Ionawr" was published and emailed as "O fis [name]".
    assert anonymise.mask(text) == text
