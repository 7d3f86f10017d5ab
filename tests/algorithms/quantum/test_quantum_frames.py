"""The quantum pictures: what each frame shows is what its step holds.

Checks read the diagram's parts after ``update(step)`` (the circuit's lit
column, the amplitudes' bars, the Bloch arrow) and compare them with the
step state, and with hand-worked values; the registry tests already draw a
sample of frames in both themes.
"""

import math

import numpy as np
import pytest
from matplotlib.colors import to_rgba

import eigenvue
from eigenvue.drawing import get_theme
from tests.frames_check import assert_built_once_and_updated_in_place, draw_diagram

BELL = {"numQubits": 2, "gates": [{"gate": "H", "qubits": [0]}, {"gate": "CNOT", "qubits": [0, 1]}]}


def big_circuit(n=12, count=200):
    rng = np.random.default_rng(3)
    gates = []
    for _ in range(count):
        if rng.random() < 0.4:
            q0, q1 = rng.choice(n, 2, replace=False)
            gates.append({"gate": "CNOT", "qubits": [int(q0), int(q1)]})
        else:
            gates.append({"gate": "H", "qubits": [int(rng.integers(n))]})
    return {"numQubits": n, "gates": gates}


def test_the_lit_column_is_the_gate_the_step_applied():
    trace = eigenvue.trace("quantum-gates", BELL)
    diagram, _ = draw_diagram(trace, indices=[2])
    band = diagram.circuit.band
    assert band.get_visible() and band.get_x() == pytest.approx(1 - 0.5)
    diagram, _ = draw_diagram(trace, indices=[0])
    assert not diagram.circuit.band.get_visible()  # nothing applied yet


def test_bar_heights_are_the_steps_probabilities():
    trace = eigenvue.trace("quantum-gates", BELL)
    diagram, _ = draw_diagram(trace, indices=[2])
    heights = [bar.get_height() for bar in diagram.amplitudes.bars]
    assert heights == pytest.approx([0.5, 0.0, 0.0, 0.5], abs=1e-12)


def test_a_sign_flip_changes_the_bar_colour_not_its_height():
    gates = [{"gate": "X", "qubits": [0]}, {"gate": "H", "qubits": [0]}]
    trace = eigenvue.trace("quantum-gates", {"numQubits": 1, "gates": gates})
    diagram, _ = draw_diagram(trace, indices=[2])
    plus, minus = diagram.amplitudes.bars  # H|1⟩ = (|0⟩ − |1⟩)/√2
    assert plus.get_height() == pytest.approx(minus.get_height())
    theme = get_theme("light")
    assert plus.get_facecolor() == pytest.approx(to_rgba(theme.positive), abs=0.02)
    assert minus.get_facecolor() == pytest.approx(to_rgba(theme.negative), abs=0.02)


def test_a_long_circuit_is_windowed_around_the_current_gate():
    trace = eigenvue.trace("quantum-gates", big_circuit())
    diagram, _ = draw_diagram(trace, indices=[150], figsize=(12, 7), dpi=100)
    circuit = diagram.circuit
    assert circuit.windowed and 8 <= circuit.window < 200
    assert circuit.start <= 149 < circuit.start + circuit.window
    assert "earlier" in circuit.before.get_text() and "more" in circuit.after.get_text()


def test_many_states_switch_the_amplitudes_to_the_compact_view():
    trace = eigenvue.trace("grovers-search", {"numQubits": 6, "targets": [42]})
    diagram, _ = draw_diagram(trace, indices=[len(trace) - 1])
    amplitudes = diagram.amplitudes
    assert amplitudes.compact and amplitudes.slots == 16
    # The target, by far the likeliest state at the end, has a bar and the tallest one.
    heights = [bar.get_height() for bar in amplitudes.bars]
    assert max(heights) == pytest.approx(trace[-1].state["successProbability"])


def test_the_bloch_arrow_points_at_the_steps_vector():
    trace = eigenvue.trace("qubit-bloch-sphere")
    for index in (1, 2, 3, 6):
        diagram, _ = draw_diagram(trace, indices=[index])
        state = trace[index].state
        x, y, _ = diagram.sphere.project((state["blochX"], state["blochY"], state["blochZ"]))
        (tip_x,), (tip_y,) = diagram.sphere.tip.get_data()
        assert (tip_x, tip_y) == pytest.approx((x, y), abs=1e-12)


def test_the_projection_keeps_lengths_of_points_on_the_sphere_at_most_one():
    trace = eigenvue.trace("qubit-bloch-sphere")
    diagram, _ = draw_diagram(trace, indices=[0])
    rng = np.random.default_rng(0)
    for v in rng.normal(size=(50, 3)):
        v /= np.linalg.norm(v)
        x, y, depth = diagram.sphere.project(v)
        assert math.isclose(x * x + y * y + depth * depth, 1.0, abs_tol=1e-12)


def test_teleportation_ends_with_bobs_arrow_on_psi():
    trace = eigenvue.trace("quantum-teleportation")
    diagram, _ = draw_diagram(trace, indices=[len(trace) - 1])
    final = trace[-1].state
    sphere = diagram.bloch
    (tip_x,), (tip_y,) = sphere.tip.get_data()
    assert sphere.reference.get_visible()
    x, y, _ = sphere.project(tuple(final["originalBloch"].values()))
    assert (tip_x, tip_y) == pytest.approx((x, y), abs=1e-9)
    assert "fidelity 1.0000000000" in sphere.caption.get_text()


@pytest.mark.parametrize(
    "algorithm", ["quantum-gates", "superposition-measurement", "grovers-search"]
)
def test_frames_are_built_once_and_updated_in_place(algorithm):
    assert_built_once_and_updated_in_place(eigenvue.trace(algorithm))
