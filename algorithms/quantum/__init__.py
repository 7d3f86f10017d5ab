"""Quantum computing: qubits, gates and circuits, measurement, Grover search, teleportation."""
