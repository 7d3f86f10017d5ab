"""eigenvue.text: numbers as explanations and labels write them, against hand-written strings."""

import numpy as np
import pytest

from eigenvue.text import coordinates, number, short_vector


@pytest.mark.parametrize(
    ("value", "digits", "expected"),
    [
        (0.62251, 4, "0.6225"),
        (-1.5, 4, "−1.5"),
        (3, 4, "3"),
        (123456.0, 4, "123,500"),
        (3280.0, 3, "3,280"),
        (-3281.0, 2, "−3,300"),
        (12345678.0, 4, "1.235e+07"),
        (2e-7, 4, "2e−07"),
        (-2.5e-7, 4, "−2.5e−07"),
        (0.0, 4, "0"),
        (-0.123456, 3, "−0.123"),
        (np.float64(-0.75), 4, "−0.75"),
    ],
)
def test_number_has_its_significant_digits_and_a_true_minus(value, digits, expected):
    assert number(value, digits) == expected


def test_number_writes_no_hyphen():
    assert "-" not in number(-3.25e-12)


def test_a_short_vector_is_written_out():
    assert short_vector(np.array([0.5, -0.8])) == "[0.5, −0.8]"
    assert short_vector([1.0, 2.0, 3.0, 4.0]) == "[1, 2, 3, 4]"
    assert short_vector(np.array([])) == "[]"


def test_a_long_vector_shows_its_first_entries_and_its_size():
    assert short_vector(np.arange(1.0, 1001.0)) == "[1, 2, 3, 4, … (1,000 values)]"
    assert short_vector(np.array([0.25, -0.5, 3.0]), limit=2) == "[0.25, −0.5, … (3 values)]"


def test_a_matrix_is_read_flat():
    assert short_vector(np.array([[1.0, 2.0], [3.0, 4.0]]), limit=3) == "[1, 2, 3, … (4 values)]"


def test_coordinates_are_a_pair_in_parentheses():
    assert coordinates(np.array([2.4, -1.2])) == "(2.4, −1.2)"
    assert coordinates((1 / 3, 1e6)) == "(0.3333, 1e+06)"


def test_coordinates_take_exactly_two_components():
    with pytest.raises(ValueError):
        coordinates([1.0, 2.0, 3.0])
