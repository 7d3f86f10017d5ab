"""superposition-measurement: Born-rule odds from qiskit, collapse from projectors written here."""

import math
from functools import reduce

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import eigenvue
from tests.algorithms.quantum.qiskit_support import as_complex, statevector
from tests.refusals import assert_refused

ID = "superposition-measurement"
BELL = [{"gate": "H", "qubits": [0]}, {"gate": "CNOT", "qubits": [0, 1]}]

REFUSALS = [
    (
        {
            "numQubits": 1,
            "preparationGates": [{"gate": "X", "qubits": [0]}],
            "measurements": [{"qubit": 0, "outcome": 0}],
        },
        "measurements[0].outcome",
    ),
    (
        {
            "numQubits": 2,
            "preparationGates": BELL,
            "measurements": [{"qubit": 0, "outcome": 0}, {"qubit": 1, "outcome": 1}],
        },
        "measurements[1].outcome",
    ),
    (
        {"numQubits": 1, "preparationGates": [], "measurements": [{"qubit": 0, "outcome": 2}]},
        "measurements[0].outcome",
    ),
    (
        {"numQubits": 2, "preparationGates": BELL, "measurements": [{"qubit": 2, "outcome": 0}]},
        "measurements[0].qubit",
    ),
    ({"numQubits": 2, "preparationGates": BELL, "measurements": []}, "measurements"),
    (
        {"numQubits": 2, "preparationGates": [{"gate": "CNOT", "qubits": [0, 0]}]},
        "preparationGates[0].qubits",
    ),
    (
        {"numQubits": 1, "preparationGates": [{"gate": "Hadamard", "qubits": [0]}]},
        "preparationGates[0].gate",
    ),
    (
        {
            "numQubits": 12,
            "preparationGates": [{"gate": "H", "qubits": [0]}] * 240,
            "measurements": [{"qubit": 0, "outcome": 0}] * 2,
        },
        "preparationGates",
    ),
    ({"shots": -5}, "shots"),
    ({"measurements": [{"qubit": 0, "outcome": 0}] * 100_000}, "measurements"),
    ({"preparationGates": [{"gate": "H", "qubits": [0]}] * 100_000}, "preparationGates"),
]


def test_an_impossible_outcome_names_its_probability():
    error = assert_refused(
        ID,
        {
            "numQubits": 1,
            "preparationGates": [{"gate": "X", "qubits": [0]}],
            "measurements": [{"qubit": 0, "outcome": 0}],
        },
        "measurements[0].outcome",
    )
    assert "probability 0" in str(error) and "measurement 0" in str(error)


def projector(n: int, qubit: int, outcome: int) -> np.ndarray:
    """I ⊗ … ⊗ |o⟩⟨o| ⊗ … ⊗ I with the projector at position ``qubit`` (qubit 0 leftmost)."""
    ket = np.zeros((2, 2))
    ket[outcome, outcome] = 1
    return reduce(np.kron, [ket if q == qubit else np.eye(2) for q in range(n)])


@st.composite
def experiments(draw):
    n = draw(st.integers(1, 4))
    gates = []
    for _ in range(draw(st.integers(1, 6))):
        if n > 1 and draw(st.booleans()):
            q0, q1 = draw(st.lists(st.integers(0, n - 1), min_size=2, max_size=2, unique=True))
            gates.append(
                {"gate": draw(st.sampled_from(["CNOT", "CZ", "SWAP"])), "qubits": [q0, q1]}
            )
        else:
            angle = draw(st.floats(0.1, 3.0))
            gates.append(
                {
                    "gate": draw(st.sampled_from(["Rx", "Ry"])),
                    "qubits": [draw(st.integers(0, n - 1))],
                    "angle": angle,
                }
            )
    qubits = draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=3))
    return n, gates, qubits


@settings(max_examples=60, deadline=None)
@given(experiments(), st.data())
def test_odds_and_collapse_match_qiskit_and_projectors(experiment, data):
    n, gates, qubits = experiment
    psi = statevector(n, gates)
    measurements = []
    expected_states, expected_p = [], []
    for q in qubits:
        probs = [np.linalg.norm(projector(n, q, o) @ psi) ** 2 for o in (0, 1)]
        possible = [o for o in (0, 1) if probs[o] > 1e-6]
        o = data.draw(st.sampled_from(possible))
        measurements.append({"qubit": q, "outcome": o})
        psi = projector(n, q, o) @ psi / math.sqrt(probs[o])
        expected_states.append(psi)
        expected_p.append(probs[o])
    steps = eigenvue.steps(
        ID, {"numQubits": n, "preparationGates": gates, "measurements": measurements}
    )
    measured = steps[1 + len(gates) :]
    assert [s["id"] for s in measured] == [f"measure_qubit_{q}" for q in qubits]
    for step, want, p in zip(measured, expected_states, expected_p):
        np.testing.assert_allclose(as_complex(step["state"]["stateVector"]), want, atol=1e-9)
        assert math.isclose(step["state"]["outcomeProb"], p, abs_tol=1e-9)
    assert measured[-1]["state"]["classicalBits"] == [m["outcome"] for m in measurements]


def test_qiskit_marginals_give_the_first_measurements_odds():
    gates = [{"gate": "Ry", "qubits": [1], "angle": 1.2}, {"gate": "CNOT", "qubits": [1, 0]}]
    from qiskit.quantum_info import Statevector

    from tests.algorithms.quantum.qiskit_support import circuit

    marginal = Statevector.from_label("00").evolve(circuit(2, gates)).probabilities([2 - 1 - 0])
    step = eigenvue.steps(
        ID,
        {"numQubits": 2, "preparationGates": gates, "measurements": [{"qubit": 0, "outcome": 1}]},
    )[-1]
    assert math.isclose(step["state"]["outcomeProb"], marginal[1], abs_tol=1e-12)


def test_the_bell_state_is_entangled_and_the_product_state_is_not():
    bell = eigenvue.steps(ID)[2]["state"]["entangled"]
    product = eigenvue.steps(
        ID,
        {
            "numQubits": 2,
            "preparationGates": [{"gate": "H", "qubits": [0]}, {"gate": "H", "qubits": [1]}],
            "measurements": [{"qubit": 0, "outcome": 0}],
        },
    )[2]["state"]["entangled"]
    assert bell is True and product is False


def test_shots_sample_the_prepared_state():
    shots = 40_000
    steps = eigenvue.steps(
        ID,
        {
            "numQubits": 1,
            "preparationGates": [{"gate": "Ry", "qubits": [0], "angle": 2 * math.pi / 3}],
            "measurements": [{"qubit": 0, "outcome": 1}],
            "shots": shots,
        },
    )
    counts = steps[1]["state"]["counts"]
    assert sum(counts) == shots
    assert abs(counts[1] - 0.75 * shots) <= 5 * math.sqrt(shots * 0.75 * 0.25)
