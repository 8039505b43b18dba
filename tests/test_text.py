"""Chat and dialect spellings are read as standard English, and nothing else is."""

from __future__ import annotations

import pytest

from graders.labeler import label_turn
from graders.text import normalise


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("Do u have a minute?", "do you have a minute?"),
        ("Tell me about ur team", "tell me about your team"),
        ("D'you still use the old one?", "do you still use the old one?"),
        ("What are y'all gonna do if it breaks?", "what are you going to do if it breaks?"),
        ("Ye didnae get it fixed?", "you didn't get it fixed?"),
    ],
)
def test_chat_and_dialect_spellings_read_as_standard_english(typed: str, read: str) -> None:
    assert normalise(typed) == read


@pytest.mark.parametrize(
    "text",
    ["U.S. sales are up", "Good morning, Mrs Ye", "Is that Mr. Ya?", "Is it yours?", "You're right", "Yahoo"],
)
def test_words_that_only_look_like_chat_spellings_are_left_alone(text: str) -> None:
    assert normalise(text) == text.lower()


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("d'you ever have trouble with the old system", "problem"),
        ("has it ever let ya down on a busy day", "problem"),
    ],
)
def test_a_question_typed_as_spoken_gets_its_spin_kind(line: str, kind: str) -> None:
    assert label_turn(line).spin == {kind}
