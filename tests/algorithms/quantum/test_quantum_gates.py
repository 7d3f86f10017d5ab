"""quantum-gates: every state against qiskit's Statevector, and the refused circuits."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import eigenvue
from tests.algorithms.quantum.qiskit_support import as_complex, statevector
from tests.reference import case_named
from tests.refusals import assert_refused

ID = "quantum-gates"
EMPTY_QUBITS = "edge: empty qubits list silently skips the gate"

#: Recorded cases this lesson deliberately does not reproduce, and the test of what it does.
DEVIATIONS = {EMPTY_QUBITS: "test_a_gate_without_qubits_is_refused"}

H0 = {"gate": "H", "qubits": [0]}
REFUSALS = [
    ({"numQubits": 2, "gates": [{"gate": "H", "qubits": []}]}, "gates[0].qubits"),
    ({"numQubits": 3, "gates": [{"gate": "CNOT", "qubits": [0, 1, 2]}]}, "gates[0].qubits"),
    ({"numQubits": 2, "gates": [H0, {"gate": "CNOT", "qubits": [1, 1]}]}, "gates[1].qubits"),
    ({"numQubits": 2, "gates": [{"gate": "X", "qubits": [-1]}]}, "gates[0].qubits"),
    ({"numQubits": 2, "gates": [{"gate": "X", "qubits": [2]}]}, "gates[0].qubits"),
    ({"numQubits": 2, "gates": [{"gate": "CZ", "qubits": [0, 5]}]}, "gates[0].qubits"),
    ({"numQubits": 1, "gates": [{"gate": "h", "qubits": [0]}]}, "gates[0].gate"),
    ({"numQubits": 2, "gates": [{"gate": "H", "qubits": [0, 1]}]}, "gates[0].qubits"),
    ({"numQubits": 1, "gates": [{"gate": "Rx", "qubits": [0]}]}, "gates[0].angle"),
    (
        {"numQubits": 1, "gates": [{"gate": "Rx", "qubits": [0], "angle": float("nan")}]},
        "gates[0].angle",
    ),
    ({"numQubits": 1, "gates": []}, "gates"),
    ({"numQubits": 0, "gates": [H0]}, "numQubits"),
    ({"numQubits": 13, "gates": [H0]}, "numQubits"),
    ({"numQubits": 2.0, "gates": [H0]}, "numQubits"),
    ({"numQubits": 12, "gates": [H0] * 201}, "gates"),
    ({"numQubits": 1, "gates": [H0] * 2249}, "gates"),
    ({"numQubits": 1, "gates": [H0] * 100_000}, "gates"),
    ({"numQubits": 1, "gates": [{"gate": "H", "qubits": [0], "colour": "red"}]}, "gates[0].colour"),
    ({"numQubits": 1, "gates": [H0], "shots": -1}, "shots"),
    ({"numQubits": 1, "gates": [H0], "shots": 10**7}, "shots"),
]


def test_a_gate_without_qubits_is_refused():
    case = case_named(ID, EMPTY_QUBITS, edge=True)
    error = assert_refused(ID, case["inputs"], "gates[0].qubits")
    assert "1 qubit" in str(error)


def test_an_unknown_gate_lists_the_known_ones():
    message = str(assert_refused(ID, {"numQubits": 1, "gates": [{"gate": "h", "qubits": [0]}]}))
    for name in ["H", "X", "Rz", "CNOT", "CZ", "SWAP"]:
        assert name in message


# -- against qiskit ---------------------------------------------------------------------

ONE = ["I", "X", "Y", "Z", "H", "S", "T"]
ROT = ["Rx", "Ry", "Rz"]
TWO = ["CNOT", "CZ", "SWAP"]


@st.composite
def circuits(draw, max_qubits=5, max_gates=12):
    n = draw(st.integers(1, max_qubits))
    kinds = ONE + ROT + (TWO if n > 1 else [])
    gates = []
    for _ in range(draw(st.integers(1, max_gates))):
        name = draw(st.sampled_from(kinds))
        if name in TWO:
            q0, q1 = draw(st.lists(st.integers(0, n - 1), min_size=2, max_size=2, unique=True))
            gates.append({"gate": name, "qubits": [q0, q1]})
        elif name in ROT:
            angle = draw(st.floats(-7, 7, allow_nan=False))
            gates.append({"gate": name, "qubits": [draw(st.integers(0, n - 1))], "angle": angle})
        else:
            gates.append({"gate": name, "qubits": [draw(st.integers(0, n - 1))]})
    return n, gates


@settings(max_examples=60, deadline=None)
@given(circuits())
def test_every_state_equals_qiskits_statevector(circuit):
    n, gates = circuit
    steps = eigenvue.steps(ID, {"numQubits": n, "gates": gates})
    for k, step in enumerate(steps):
        expected = statevector(n, gates[:k])
        got = as_complex(step["state"]["stateVector"])
        np.testing.assert_allclose(got, expected, atol=1e-12)
        np.testing.assert_allclose(
            step["state"]["probabilities"], np.abs(expected) ** 2, atol=1e-12
        )


def test_twelve_qubits_and_two_hundred_gates_agree_with_qiskit():
    rng = np.random.default_rng(7)
    n, gates = 12, []
    for _ in range(200):
        if rng.random() < 0.4:
            q0, q1 = rng.choice(n, 2, replace=False)
            gates.append({"gate": str(rng.choice(TWO)), "qubits": [int(q0), int(q1)]})
        else:
            gate = {"gate": str(rng.choice(ONE + ROT)), "qubits": [int(rng.integers(n))]}
            if gate["gate"] in ROT:
                gate["angle"] = float(rng.uniform(-3, 3))
            gates.append(gate)
    final = eigenvue.steps(ID, {"numQubits": n, "gates": gates})[-1]["state"]
    np.testing.assert_allclose(as_complex(final["stateVector"]), statevector(n, gates), atol=1e-10)


@settings(max_examples=30, deadline=None)
@given(circuits(max_qubits=1, max_gates=8))
def test_a_single_qubits_bloch_vector_is_its_pauli_expectations(circuit):
    from qiskit.quantum_info import Pauli, Statevector

    n, gates = circuit
    steps = eigenvue.steps(ID, {"numQubits": n, "gates": gates})
    for k, step in enumerate(steps):
        psi = Statevector(statevector(1, gates[:k]))
        expected = [psi.expectation_value(Pauli(p)).real for p in "XYZ"]
        np.testing.assert_allclose(step["state"]["blochVector"], expected, atol=1e-12)


def test_basis_labels_put_qubit_zero_on_the_left():
    state = eigenvue.steps(ID, {"numQubits": 3, "gates": [{"gate": "X", "qubits": [0]}]})[-1][
        "state"
    ]
    (k,) = np.flatnonzero(np.asarray(state["probabilities"]) > 0.5)
    assert state["basisLabels"][k] == "|100⟩"


# -- sampled shots ------------------------------------------------------------------------


def test_shots_follow_the_born_rule_within_five_standard_deviations():
    shots = 20_000
    gates = [{"gate": "Ry", "qubits": [0], "angle": 2.0}, {"gate": "H", "qubits": [1]}]
    final = eigenvue.steps(ID, {"numQubits": 2, "gates": gates, "shots": shots})[-1]["state"]
    counts = np.asarray(final["counts"])
    p = np.abs(statevector(2, gates)) ** 2
    assert counts.sum() == shots
    sigma = np.sqrt(shots * p * (1 - p))
    assert np.all(np.abs(counts - shots * p) <= 5 * sigma + 1e-9)


def test_impossible_states_are_never_sampled():
    gates = [{"gate": "H", "qubits": [0]}, {"gate": "CNOT", "qubits": [0, 1]}]
    final = eigenvue.steps(ID, {"numQubits": 2, "gates": gates, "shots": 5000})[-1]["state"]
    assert final["counts"][1] == 0 and final["counts"][2] == 0


def test_without_shots_no_step_has_counts():
    assert all("counts" not in s["state"] for s in eigenvue.steps(ID))


@pytest.mark.parametrize("seed", ["a", "b"])
def test_the_seed_changes_the_sample_but_not_the_state(seed):
    gates = [{"gate": "H", "qubits": [0]}]
    base = eigenvue.steps(ID, {"numQubits": 1, "gates": gates, "shots": 100})[-1]["state"]
    other = eigenvue.steps(ID, {"numQubits": 1, "gates": gates, "shots": 100, "seed": seed})[-1][
        "state"
    ]
    assert other["stateVector"] == base["stateVector"]
    assert other["counts"] != base["counts"]
