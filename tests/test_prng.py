"""The string-seeded generator against the vectors of the step-format spec."""

import pytest

from eigenvue.prng import StringRandom, djb2

VECTORS = [
    ("backprop-default", 1877207369, [0.2124681535642594, 0.923587549244985, 0.395489742513746]),
    ("test", 2090756197, [0.14343471289612353, 0.3778834652621299, 0.6571532113011926]),
    ("", 5381, [0.7181076975539327, 0.026964828837662935, 0.02563006174750626]),
]


def mulberry32_scalar(seed: str, n: int) -> list[float]:
    """A literal transcription of the spec's pseudocode, one draw at a time."""
    s = djb2(seed)
    out = []
    for _ in range(n):
        s = (s + 0x6D2B79F5) % 2**32
        t = ((s ^ (s >> 15)) * (s | 1)) % 2**32
        t = ((t + ((t ^ (t >> 7)) * (t | 61)) % 2**32) % 2**32) ^ t
        out.append(((t ^ (t >> 14)) % 2**32) / 2**32)
    return out


@pytest.mark.parametrize(("seed", "hash_", "draws"), VECTORS)
def test_spec_vectors(seed, hash_, draws):
    assert djb2(seed) == hash_
    rng = StringRandom(seed)
    assert [rng.random() for _ in range(3)] == draws


@pytest.mark.parametrize("seed", ["backprop-default", "grad-check", "ünïcødé", "x" * 300])
def test_vectorised_draws_equal_the_scalar_recurrence(seed):
    rng = StringRandom(seed)
    drawn = [*rng.random_array(5).tolist(), rng.random(), *rng.random_array(994).tolist()]
    assert drawn == mulberry32_scalar(seed, 1000)


def test_each_draw_is_a_multiple_of_2_to_the_minus_32():
    values = StringRandom("grid").random_array(10_000) * 2**32
    assert (values == values.round()).all()
    assert values.min() >= 0 and values.max() < 2**32
