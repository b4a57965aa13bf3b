"""Similar questions land in one group with their count, different ones apart."""

from __future__ import annotations

from bot.unanswered.grouping import group


def test_similar_questions_are_counted_together_and_the_largest_group_comes_first():
    questions = [
        (1, "wat doe ik tegen pesten op school"),
        (2, "Mag ik een hond meenemen naar school?"),
        (3, "wat kan ik doen tegen pesten op school?"),
        (4, "wat doe ik tegen pesten op de school van [NAAM]"),
        (5, "mag een hond mee naar school"),
        (6, "hoe vraag ik een ov-kaart aan voor [NAAM]"),
    ]
    groups = group(questions)
    assert [g.ids for g in groups] == [[1, 3, 4], [2, 5], [6]]
    assert [g.count for g in groups] == [3, 2, 1]
