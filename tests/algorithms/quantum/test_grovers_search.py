"""grovers-search: success probability against sin²((2k+1)θ), states against qiskit, refusals."""

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import eigenvue
from tests.algorithms.quantum.qiskit_support import as_complex
from tests.reference import case_named
from tests.refusals import assert_refused

ID = "grovers-search"
DUPLICATE = "edge: KNOWN QUIRK: duplicate target cancels in the oracle"
NEGATIVE = "edge: KNOWN QUIRK: negative target wraps to the last state"

DEVIATIONS = {
    DUPLICATE: "test_duplicate_and_negative_targets_are_refused",
    NEGATIVE: "test_duplicate_and_negative_targets_are_refused",
}

REFUSALS = [
    ({"numQubits": 2, "targets": [3, 3]}, "targets[1]"),
    ({"numQubits": 2, "targets": [-1]}, "targets[0]"),
    ({"numQubits": 2, "targets": [4]}, "targets[0]"),
    ({"numQubits": 3, "targets": [1, 2, 9]}, "targets[2]"),
    ({"numQubits": 2, "targets": []}, "targets"),
    ({"numQubits": 2, "targets": [1.0]}, "targets[0]"),
    ({"numQubits": 0, "targets": [0]}, "numQubits"),
    ({"numQubits": 13, "targets": [0]}, "numQubits"),
    ({"numQubits": 2, "targets": [3], "iterations": -1}, "iterations"),
    ({"numQubits": 12, "targets": [3], "iterations": 200}, "iterations"),
    ({"numQubits": 2, "targets": [3], "shots": True}, "shots"),
    ({"numQubits": 2, "targets": list(range(5000))}, "targets"),
    ({"numQubits": 2, "targets": [3], "seed": 7}, "seed"),
]


def test_duplicate_and_negative_targets_are_refused():
    for name, culprit in [(DUPLICATE, "targets[1]"), (NEGATIVE, "targets[0]")]:
        assert_refused(ID, case_named(ID, name, edge=True)["inputs"], culprit)


def theory(k: int, n_states: int, n_marked: int) -> float:
    """sin²((2k + 1)θ) with sin θ = √(M/N)."""
    theta = math.asin(math.sqrt(n_marked / n_states))
    return math.sin((2 * k + 1) * theta) ** 2


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 8).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.lists(st.integers(0, 2**n - 1), min_size=1, max_size=min(2**n, 5), unique=True),
            st.integers(0, 12),
        )
    )
)
def test_success_after_k_iterations_is_sin_squared_of_2k_plus_1_theta(search):
    n, targets, iterations = search
    steps = eigenvue.steps(ID, {"numQubits": n, "targets": targets, "iterations": iterations})
    after = [s["state"] for s in steps if s["id"].startswith("diffusion_")]
    assert len(after) == iterations
    for k, state in enumerate(after, start=1):
        assert math.isclose(
            state["successProbability"], theory(k, 2**n, len(targets)), abs_tol=1e-9
        )
    assert math.isclose(steps[1]["state"]["successProbability"], len(targets) / 2**n, abs_tol=1e-12)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 10), st.data())
def test_the_default_iterations_are_the_optimum(n, data):
    targets = data.draw(st.lists(st.integers(0, 2**n - 1), min_size=1, max_size=4, unique=True))
    last = eigenvue.steps(ID, {"numQubits": n, "targets": targets})[-1]["state"]
    expected = math.floor(math.pi / 4 * math.sqrt(2**n / len(targets)))
    assert last["totalIterations"] == expected == last["optimalIterations"]


def test_over_rotation_lowers_the_success_probability():
    def final(iterations):
        return eigenvue.steps(ID, {"numQubits": 4, "targets": [7], "iterations": iterations})[-1][
            "state"
        ]["successProbability"]

    assert final(3) > 0.96 and final(6) < 0.03 < final(4)


def test_states_against_qiskit_oracle_and_diffusion_operators():
    from qiskit.quantum_info import Operator, Statevector

    n, targets = 3, [2, 6]
    size = 2**n
    oracle = np.eye(size)
    oracle[targets, targets] = -1
    s = np.full(size, 1 / math.sqrt(size))
    diffusion = 2 * np.outer(s, s) - np.eye(size)
    state = Statevector(s)
    steps = eigenvue.steps(ID, {"numQubits": n, "targets": targets})
    for step in steps[2:-1]:
        state = state.evolve(Operator(oracle if step["id"].startswith("oracle") else diffusion))
        np.testing.assert_allclose(as_complex(step["state"]["stateVector"]), state.data, atol=1e-12)


def test_shots_land_on_the_target_as_often_as_the_success_probability_says():
    shots = 10_000
    last = eigenvue.steps(ID, {"numQubits": 3, "targets": [5], "shots": shots})[-1]["state"]
    p = last["successProbability"]
    hits = last["counts"][5]
    assert sum(last["counts"]) == shots
    assert abs(hits - p * shots) <= 5 * math.sqrt(shots * p * (1 - p))
