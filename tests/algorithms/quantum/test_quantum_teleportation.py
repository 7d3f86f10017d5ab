"""quantum-teleportation: Bob ends with ψ for random states and all four outcomes."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import eigenvue
from tests.algorithms.quantum.qiskit_support import as_complex
from tests.refusals import assert_refused

ID = "quantum-teleportation"
OUTCOMES = [(0, 0), (0, 1), (1, 0), (1, 1)]

REFUSALS = [
    ({"aliceMeasurements": {"qubit0": 2, "qubit1": 0}}, "aliceMeasurements.qubit0"),
    ({"aliceMeasurements": {"qubit0": 0, "qubit1": -1}}, "aliceMeasurements.qubit1"),
    ({"aliceMeasurements": {"qubit0": 0}}, "aliceMeasurements.qubit1"),
    ({"teleportState": {"theta": 7.0, "phi": 0.0, "label": "x"}}, "teleportState.theta"),
    ({"teleportState": {"theta": 1.0, "phi": -0.5, "label": "x"}}, "teleportState.phi"),
    ({"teleportState": {"theta": float("inf"), "phi": 0.0, "label": "x"}}, "teleportState.theta"),
    ({"teleportState": {"theta": "1", "phi": 0.0, "label": "x"}}, "teleportState.theta"),
    ({"teleportState": {"phi": 0.0, "label": "x"}}, "teleportState.theta"),
]


def run(theta, phi, m0, m1):
    return eigenvue.steps(
        ID,
        {
            "teleportState": {"theta": theta, "phi": phi, "label": "ψ"},
            "aliceMeasurements": {"qubit0": m0, "qubit1": m1},
        },
    )


@settings(max_examples=40, deadline=None)
@given(st.floats(0, math.pi), st.floats(0, 2 * math.pi), st.sampled_from(OUTCOMES))
def test_bob_holds_psi_for_random_states_and_every_outcome(theta, phi, outcome):
    m0, m1 = outcome
    steps = run(theta, phi, m0, m1)
    psi = np.array([math.cos(theta / 2), np.exp(1j * phi) * math.sin(theta / 2)])
    final = steps[-1]["state"]
    amplitudes = as_complex(final["stateVector"])
    base = 4 * m0 + 2 * m1
    bob = amplitudes[base : base + 2]
    assert math.isclose(abs(np.vdot(psi, bob)) ** 2, 1, abs_tol=1e-12)
    assert final["teleportationSuccess"] is True
    assert math.isclose(final["fidelity"], 1, abs_tol=1e-12)
    # Every other basis state is empty: qubits 0 and 1 hold the measured bits.
    assert np.allclose(np.delete(amplitudes, [base, base + 1]), 0)
    # Bob's Bloch point is ψ's.
    for axis in "xyz":
        assert math.isclose(final["bobBloch"][axis], final["originalBloch"][axis], abs_tol=1e-9)


@pytest.mark.parametrize(("m0", "m1"), OUTCOMES)
def test_before_his_correction_bob_holds_psi_turned_by_the_outcomes_pauli_gate(m0, m1):
    # b = X^m1 Z^m0 ψ. On the sphere X is a half turn about x: (x, y, z) → (x, −y, −z);
    # Z a half turn about z: (x, y, z) → (−x, −y, z).
    steps = {s["id"]: s["state"] for s in run(2.0, 5.5, m0, m1)}
    x, y, z = (steps["initialize"]["originalBloch"][k] for k in "xyz")
    if m0:
        x, y = -x, -y
    if m1:
        y, z = -y, -z
    np.testing.assert_allclose(steps["measure_qubit1"]["bobVector"], [x, y, z], atol=1e-12)
    original = [steps["initialize"]["originalBloch"][k] for k in "xyz"]
    np.testing.assert_allclose(steps["bob_correction"]["bobVector"], original, atol=1e-12)


@pytest.mark.parametrize(("m0", "m1"), OUTCOMES)
def test_each_outcome_has_probability_one_quarter_before_alice_measures(m0, m1):
    rng = np.random.default_rng(m0 * 2 + m1)
    for _ in range(5):
        theta, phi = rng.uniform(0, math.pi), rng.uniform(0, 2 * math.pi)
        before = run(theta, phi, m0, m1)[4]
        assert before["id"] == "alice_hadamard"
        probs = np.asarray(before["state"]["probabilities"])
        base = 4 * m0 + 2 * m1
        assert math.isclose(probs[base] + probs[base + 1], 0.25, abs_tol=1e-12)


def test_the_circuit_before_measurement_matches_qiskit():
    from qiskit import QuantumCircuit
    from qiskit.quantum_info import Statevector

    theta, phi = 2.0, 5.5
    qc = QuantumCircuit(3)
    # Qiskit is little-endian: our qubit q is its qubit 2 − q.
    qc.ry(theta, 2)
    qc.p(phi, 2)
    init = Statevector.from_label("000").evolve(qc)
    qc.h(1)
    qc.cx(1, 0)
    qc.cx(2, 1)
    qc.h(2)
    final = Statevector.from_label("000").evolve(qc)
    steps = run(theta, phi, 1, 1)
    np.testing.assert_allclose(as_complex(steps[0]["state"]["stateVector"]), init.data, atol=1e-12)
    np.testing.assert_allclose(as_complex(steps[4]["state"]["stateVector"]), final.data, atol=1e-12)


def test_a_wrong_correction_would_be_caught_by_the_fidelity():
    from algorithms.quantum import statevector as sv
    from algorithms.quantum.quantum_teleportation import teleport

    alpha, beta = sv.qubit_from_angles(1.0, 2.0)
    psi = teleport.initial_state(alpha, beta)
    for gate, qubits in [("H", (1,)), ("CNOT", (1, 2)), ("CNOT", (0, 1)), ("H", (0,))]:
        psi = sv.apply(psi, gate, qubits)
    psi, _ = sv.project(psi, 0, 1)
    psi, _ = sv.project(psi, 1, 0)
    wrong = sv.apply(psi, "X", (2,))  # outcome 10 needs Z, not X
    assert sv.fidelity(teleport.bob_qubit(wrong, 1, 0), np.array([alpha, beta])) < 0.99


def test_the_outcome_error_names_the_qubit():
    assert_refused(
        ID, {"aliceMeasurements": {"qubit0": 2, "qubit1": 0}}, "aliceMeasurements.qubit0"
    )
